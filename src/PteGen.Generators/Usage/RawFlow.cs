using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PteGen.Generators.Usage;

/// <summary>
/// Within one method: which values are an entry's raw bits (read from a layout's <c>Raw</c>, directly or through
/// locals and bit arithmetic), and which locals end up written somewhere an entry lives (a layout constructor, a
/// field, an array element) or returned. Flow-insensitive: a local counts if any assignment to it does.
/// </summary>
/// <remarks>
/// The analyzer feeds every operation of the method to <see cref="Observe"/> during the one walk it makes anyway, and
/// calls <see cref="Complete"/> only for methods that read some layout's raw bits; nothing here walks the tree again.
/// </remarks>
internal sealed class RawFlow
{
    private readonly LayoutCatalog _catalog;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<ILocalSymbol, GuestLayout> _rawLocals = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ILocalSymbol> _sinkLocals = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ILocalSymbol> _returnedLocals = new(SymbolEqualityComparer.Default);
    private readonly List<(ILocalSymbol Local, IOperation Value)> _assignments = new();
    private readonly List<(ILocalSymbol From, ILocalSymbol To)> _flowsInto = new();

    public RawFlow(LayoutCatalog catalog, CancellationToken cancellationToken)
    {
        _catalog = catalog;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Records what <paramref name="operation"/> tells about locals: an assignment, or where a read goes.</summary>
    public void Observe(IOperation operation)
    {
        switch (operation)
        {
            case IVariableDeclaratorOperation { Initializer.Value: { } value } declarator:
                _assignments.Add((declarator.Symbol, value));
                break;
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local, Value: { } value }:
                _assignments.Add((local.Local, value));
                break;
            case ICompoundAssignmentOperation { Target: ILocalReferenceOperation local, Value: { } value }:
                // "sum += low" flows into the local like "sum = sum + low": the value goes where the local goes.
                _assignments.Add((local.Local, value));
                break;
            case ILocalReferenceOperation read:
                Follow(read);
                break;
        }
    }

    /// <summary>Resolves the raw locals and where every local's value ends up.</summary>
    public void Complete()
    {
        // Raw locals: assigned from an entry's raw bits (to a fixed point, for chains of locals).
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (local, value) in _assignments)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (!_rawLocals.ContainsKey(local) && LayoutOf(value) is { } layout)
                {
                    _rawLocals[local] = layout;
                    changed = true;
                }
            }
        }

        // A local read into a local that is stored (or returned) is stored (or returned) too.
        Propagate(_sinkLocals);
        Propagate(_returnedLocals);
    }

    /// <summary>The layout whose raw bits <paramref name="operation"/> carries, or <see langword="null"/>.</summary>
    public GuestLayout? LayoutOf(IOperation? operation)
    {
        switch (Unwrap(operation))
        {
            case IPropertyReferenceOperation { Property: { Name: "Raw", Type.SpecialType: SpecialType.System_UInt64 } property }:
                return _catalog.Get(property.ContainingType, _cancellationToken);
            case ILocalReferenceOperation local:
                return _rawLocals.TryGetValue(local.Local, out var layout) ? layout : null;
            case IBinaryOperation binary:
                return LayoutOf(binary.LeftOperand) ?? LayoutOf(binary.RightOperand);
            case IUnaryOperation unary:
                return LayoutOf(unary.Operand);
            case IConditionalOperation conditional:
                return LayoutOf(conditional.WhenTrue) ?? LayoutOf(conditional.WhenFalse);
            case ICompoundAssignmentOperation compound:
                return LayoutOf(compound.Target);
            default:
                return null;
        }
    }

    /// <summary>Whether a value assigned to <paramref name="local"/> ends up written where an entry lives.</summary>
    public bool ReachesSink(ILocalSymbol local) => _sinkLocals.Contains(local);

    /// <summary>Whether a value assigned to <paramref name="local"/> ends up returned.</summary>
    public bool IsReturned(ILocalSymbol local) => _returnedLocals.Contains(local);

    public static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation or IParenthesizedOperation)
        {
            operation = operation switch
            {
                IConversionOperation conversion => conversion.Operand,
                IParenthesizedOperation parenthesized => parenthesized.Operand,
                _ => operation,
            };
        }

        return operation;
    }

    /// <summary>
    /// Walks up from a read of a local to the place its value goes: another local (an edge), a layout constructor, a
    /// field or array element (a sink), a return, or anything else (a method argument, a condition: nowhere).
    /// </summary>
    private void Follow(ILocalReferenceOperation read)
    {
        IOperation current = read;
        for (var parent = read.Parent; parent is not null; current = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    _flowsInto.Add((read.Local, declarator.Symbol));
                    return;
                case IAssignmentOperation assignment when ReferenceEquals(assignment.Value, current):
                    if (assignment.Target is ILocalReferenceOperation target)
                    {
                        _flowsInto.Add((read.Local, target.Local));
                    }
                    else
                    {
                        _sinkLocals.Add(read.Local);
                    }

                    return;
                case IAssignmentOperation:
                    return; // The read is part of the target (an index): its value is not stored.
                case IArgumentOperation { Parent: IObjectCreationOperation creation }:
                    if (_catalog.Get(creation.Type, _cancellationToken) is not null)
                    {
                        _sinkLocals.Add(read.Local);
                    }

                    return;
                case IReturnOperation:
                    _returnedLocals.Add(read.Local);
                    return;
                case IArgumentOperation:
                case IExpressionStatementOperation:
                case IBlockOperation:
                case IConditionalOperation conditional when ReferenceEquals(conditional.Condition, current):
                    return; // A method argument, a statement of its own, a condition: not where an entry lives.
            }
        }
    }

    private void Propagate(HashSet<ILocalSymbol> locals)
    {
        if (locals.Count == 0)
        {
            return;
        }

        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (from, to) in _flowsInto)
            {
                if (locals.Contains(to) && locals.Add(from))
                {
                    changed = true;
                }
            }
        }
    }
}
