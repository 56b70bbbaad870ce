using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PteGen.Generators.Usage;

/// <summary>
/// Within one body: which values are an entry's raw bits, read from a layout's <c>Raw</c> directly or through locals
/// and bit arithmetic. The read rules need it (PTE103, PTE104: "this mask tests a bit of an entry"); writes are the
/// bit analysis's (<see cref="Flow.BodyFlow"/>), which follows values, not their origin.
/// </summary>
/// <remarks>
/// The analyzer feeds every operation to <see cref="Observe"/> during the one walk it makes anyway. <see cref="Complete"/>
/// resolves chains of locals with a work list over the locals each assignment reads: linear in the body's size, and
/// no walk is recursive (expressions can be thousands deep).
/// </remarks>
internal sealed class RawFlow
{
    private readonly LayoutCatalog _catalog;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<ILocalSymbol, GuestLayout> _rawLocals = new(SymbolEqualityComparer.Default);
    private readonly List<(ILocalSymbol Local, IOperation Value)> _assignments = new();
    private readonly Stack<IOperation> _pending = new();

    public RawFlow(LayoutCatalog catalog, CancellationToken cancellationToken)
    {
        _catalog = catalog;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Records an assignment to a local.</summary>
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
                _assignments.Add((local.Local, value));
                break;
        }
    }

    /// <summary>Resolves which locals hold raw bits (a local assigned from one that does holds them too).</summary>
    public void Complete()
    {
        var dependents = new Dictionary<ILocalSymbol, List<ILocalSymbol>>(SymbolEqualityComparer.Default);
        var ready = new Queue<ILocalSymbol>();
        var referenced = new List<ILocalSymbol>();
        foreach (var (local, value) in _assignments)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            referenced.Clear();
            if (Scan(value, referenced) is { } layout)
            {
                if (!_rawLocals.ContainsKey(local))
                {
                    _rawLocals[local] = layout;
                    ready.Enqueue(local);
                }

                continue;
            }

            foreach (var source in referenced)
            {
                if (!dependents.TryGetValue(source, out var list))
                {
                    dependents[source] = list = new List<ILocalSymbol>();
                }

                list.Add(local);
            }
        }

        while (ready.Count > 0)
        {
            var source = ready.Dequeue();
            if (!dependents.TryGetValue(source, out var list))
            {
                continue;
            }

            foreach (var local in list)
            {
                if (!_rawLocals.ContainsKey(local))
                {
                    _rawLocals[local] = _rawLocals[source];
                    ready.Enqueue(local);
                }
            }
        }
    }

    /// <summary>The layout whose raw bits <paramref name="operation"/> carries, or <see langword="null"/>.</summary>
    public GuestLayout? LayoutOf(IOperation? operation) => operation is null ? null : Scan(operation, referenced: null);

    /// <summary>
    /// Looks through bit arithmetic for a layout's <c>.Raw</c> or a raw local (left operands first); collects the
    /// locals read on the way when <paramref name="referenced"/> is given.
    /// </summary>
    private GuestLayout? Scan(IOperation operation, List<ILocalSymbol>? referenced)
    {
        _pending.Clear();
        _pending.Push(operation);
        while (_pending.Count > 0)
        {
            switch (Unwrap(_pending.Pop()))
            {
                case IPropertyReferenceOperation { Property: { Name: "Raw", Type.SpecialType: SpecialType.System_UInt64 } property }
                    when _catalog.Get(property.ContainingType, _cancellationToken) is { } layout:
                    return layout;
                case ILocalReferenceOperation local:
                    if (_rawLocals.TryGetValue(local.Local, out var held))
                    {
                        return held;
                    }

                    referenced?.Add(local.Local);
                    break;
                case IBinaryOperation binary:
                    _pending.Push(binary.RightOperand);
                    _pending.Push(binary.LeftOperand);
                    break;
                case IUnaryOperation unary:
                    _pending.Push(unary.Operand);
                    break;
                case IConditionalOperation conditional:
                    if (conditional.WhenFalse is { } whenFalse)
                    {
                        _pending.Push(whenFalse);
                    }

                    _pending.Push(conditional.WhenTrue);
                    break;
                case ICompoundAssignmentOperation compound:
                    _pending.Push(compound.Target);
                    break;
            }
        }

        return null;
    }

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
}
