using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PteGen.Generators.Usage;

/// <summary>
/// Within one method: which values are an entry's raw bits (read from a layout's <c>Raw</c>, directly or through
/// locals and bit arithmetic), and which locals end up written somewhere an entry lives (a layout constructor, a
/// field, an array element, a return value). Flow-insensitive: a local counts if any assignment to it does.
/// </summary>
internal sealed class RawFlow
{
    private readonly LayoutCatalog _catalog;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<ILocalSymbol, GuestLayout> _rawLocals = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ILocalSymbol> _sinkLocals = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ILocalSymbol> _returnedLocals = new(SymbolEqualityComparer.Default);

    private RawFlow(LayoutCatalog catalog, CancellationToken cancellationToken)
    {
        _catalog = catalog;
        _cancellationToken = cancellationToken;
    }

    public static RawFlow Build(IOperation root, LayoutCatalog catalog, CancellationToken cancellationToken)
    {
        var flow = new RawFlow(catalog, cancellationToken);
        var assignments = new List<(ILocalSymbol Local, IOperation Value)>();
        var sinks = new List<IOperation>();
        var returns = new List<IOperation>();
        foreach (var operation in root.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation { Initializer.Value: { } value } declarator:
                    assignments.Add((declarator.Symbol, value));
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local, Value: { } value }:
                    assignments.Add((local.Local, value));
                    break;
                case ICompoundAssignmentOperation { Target: ILocalReferenceOperation local, Value: { } value }:
                    // "sum += low" flows into the local like "sum = sum + low": the value goes where the local goes. As
                    // a sink of its own it would make every local read on the right (bits extracted and summed) look
                    // as if it were stored as an entry.
                    assignments.Add((local.Local, value));
                    break;
                case IAssignmentOperation { Value: { } value }:
                    sinks.Add(value);
                    break;
                case IReturnOperation { ReturnedValue: { } returned }:
                    returns.Add(returned);
                    break;
                case IObjectCreationOperation creation when catalog.Get(creation.Type, cancellationToken) is not null:
                    foreach (var argument in creation.Arguments)
                    {
                        sinks.Add(argument.Value);
                    }

                    break;
            }
        }

        // Raw locals: assigned from an entry's raw bits (to a fixed point, for chains of locals).
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (local, value) in assignments)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!flow._rawLocals.ContainsKey(local) && flow.LayoutOf(value) is { } layout)
                {
                    flow._rawLocals[local] = layout;
                    changed = true;
                }
            }
        }

        // Sink locals: read by a sink, or assigned into a sink local (to a fixed point). Returned locals likewise, kept
        // apart: a returned value may be an entry or just bits read out of one.
        flow.Propagate(flow._sinkLocals, sinks, assignments);
        flow.Propagate(flow._returnedLocals, returns, assignments);

        return flow;
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

    private void Propagate(HashSet<ILocalSymbol> locals, List<IOperation> sinks, List<(ILocalSymbol Local, IOperation Value)> assignments)
    {
        foreach (var sink in sinks)
        {
            AddLocalsReadBy(sink, locals);
        }

        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (local, value) in assignments)
            {
                if (locals.Contains(local))
                {
                    var before = locals.Count;
                    AddLocalsReadBy(value, locals);
                    changed |= locals.Count != before;
                }
            }
        }
    }

    private static void AddLocalsReadBy(IOperation value, HashSet<ILocalSymbol> locals)
    {
        foreach (var operation in value.DescendantsAndSelf())
        {
            if (operation is ILocalReferenceOperation local)
            {
                locals.Add(local.Local);
            }
        }
    }
}
