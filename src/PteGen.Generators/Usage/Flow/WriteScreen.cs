using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PteGen.Generators.Usage.Flow;

/// <summary>
/// Decides, on the one walk the analyzer makes of a body anyway, whether the bit analysis can find anything there. A
/// finding needs a forcing operation whose bits are Xen's in a layout that a value of this body can become: only
/// constants force bits (a helper's result counts with the bits it forced), so when no constant of the body touches a
/// bit Xen reserves in the layouts its sinks make, no control-flow graph is built. Shifts and sign extensions move bits
/// and entry storage has no layout to check beforehand: those bodies are always analyzed.
/// </summary>
internal sealed class WriteScreen
{
    private readonly FlowContext _context;
    private readonly CancellationToken _cancellationToken;
    private ulong _reservedAtSinks;
    private ulong _forcible;
    private bool _bitsMayMove;

    public WriteScreen(FlowContext context, CancellationToken cancellationToken)
    {
        _context = context;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Whether the body has a place where a value can become an entry.</summary>
    public bool MayReachEntry { get; private set; }

    /// <summary>Whether the bit analysis is needed: a value can become an entry, and a forced bit can be Xen's there.</summary>
    public bool NeedsFlow => MayReachEntry && (_bitsMayMove || (_forcible & _reservedAtSinks) != 0);

    public void Observe(IOperation operation)
    {
        if (operation.ConstantValue.HasValue)
        {
            ObserveConstant(operation);
            return;
        }

        switch (operation)
        {
            case IObjectCreationOperation creation when _context.Sinks.Constructor(creation, _cancellationToken) is { } layout:
                Sink(layout);
                break;
            case IInvocationOperation invocation:
                ObserveCall(invocation);
                break;
            case IAssignmentOperation assignment:
                ObserveTarget(assignment);
                break;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.LeftShift or BinaryOperatorKind.RightShift or BinaryOperatorKind.UnsignedRightShift } shift
                when !IsPlainValue(shift.LeftOperand):
                _bitsMayMove = true;
                break;
            case IConversionOperation conversion when SignExtendsANarrowValue(conversion):
                _bitsMayMove = true;
                break;
        }
    }

    private void ObserveConstant(IOperation operation)
    {
        // Only the outermost constant of an expression counts (1UL << 52 is one constant, not three).
        if (operation.Parent is { ConstantValue.HasValue: true } || IntegerType.Of(operation.Type) is null
            || !IntegerType.TryGetBits(operation.ConstantValue.Value, out var bits))
        {
            return;
        }

        var user = operation.Parent;
        while (user is IParenthesizedOperation or IConversionOperation)
        {
            user = user.Parent;
        }

        if (OnlyTestedOrPassedOn(operation))
        {
            return;
        }

        // A mask forces its zero bits; everything else (|, ^, +, -, a value) its one bits.
        var masks = user is IBinaryOperation { OperatorKind: BinaryOperatorKind.And } or ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.And };
        _forcible |= masks ? ~bits : bits;
    }

    /// <summary>Parents followed up from a constant before it is taken as possibly reaching an entry (keeps the walk linear).</summary>
    private const int ParentsFollowed = 8;

    /// <summary>
    /// Whether the value a constant is part of can only be tested (<c>(raw &amp; mask) != 0</c>), printed, or passed to a
    /// parameter that is no sink (<c>e.WithFrame(frame &amp; 0xFFFFFFFFFF)</c>): then it forces no entry's bit.
    /// </summary>
    private bool OnlyTestedOrPassedOn(IOperation constant)
    {
        var current = constant;
        for (var depth = 0; depth < ParentsFollowed && current.Parent is { } parent; depth++, current = parent)
        {
            switch (parent)
            {
                case IArgumentOperation { Parameter: { } parameter } argument:
                    return !MayBeSink(argument, parameter);
                case IParenthesizedOperation:
                case IConversionOperation when IntegerType.Of(parent.Type) is not null:
                case IBinaryOperation or IUnaryOperation when IntegerType.Of(parent.Type) is not null:
                    continue;
                case IBinaryOperation or IUnaryOperation or IConversionOperation or IIsPatternOperation:
                    return true; // a comparison, a test, a conversion to a non-integer: a bool or an object, no entry
                default:
                    return false; // a local, a field, a return, a branch: followed only by the analysis
            }
        }

        return false;
    }

    private bool MayBeSink(IArgumentOperation argument, IParameterSymbol parameter)
    {
        if (argument.Parent is IObjectCreationOperation creation)
        {
            return _context.Sinks.Constructor(creation, _cancellationToken) is not null;
        }

        if (argument.Parent is not IInvocationOperation { TargetMethod: var method })
        {
            return true;
        }

        return method.MethodKind == MethodKind.LocalFunction
            || method.ContainingType is { Name: "Interlocked" or "Volatile" }
            || !_context.Sinks.Marked(parameter, _cancellationToken).IsEmpty
            || _context.Summaries.For(method, null, _cancellationToken).SinksOf(parameter.Ordinal).Any()
            || IntegerType.Of(method.ReturnType) is not null; // its result may carry the argument on
    }

    private void ObserveCall(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.MethodKind == MethodKind.LocalFunction)
        {
            MayReachEntry |= SinkCandidates.IsLocal(invocation, _context, _cancellationToken);
            _bitsMayMove = true; // its summary comes with the enclosing graph
            return;
        }

        if (SinkCandidates.IsLocal(invocation, _context, _cancellationToken))
        {
            MayReachEntry = true;
            foreach (var parameter in method.Parameters)
            {
                foreach (var layout in _context.Sinks.Marked(parameter, _cancellationToken))
                {
                    Sink(layout);
                }
            }

            _bitsMayMove |= method.ContainingType is { Name: "Interlocked" or "Volatile" }; // entry storage: layout unknown here
        }

        var summary = _context.Summaries.For(method, null, _cancellationToken);
        if (summary.HasSinks)
        {
            MayReachEntry = true;
            foreach (var layout in summary.SinkLayouts)
            {
                Sink(layout);
            }
        }

        _forcible |= summary.Forced;
    }

    private void ObserveTarget(IAssignmentOperation assignment)
    {
        if (assignment is ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.LeftShift or BinaryOperatorKind.RightShift or BinaryOperatorKind.UnsignedRightShift })
        {
            _bitsMayMove = true; // "v <<= 52" moves whatever v's writers decided
        }

        if (!SinkCandidates.MayBeEntryStorage(assignment.Target, _context, _cancellationToken))
        {
            return;
        }

        MayReachEntry = true;
        var layouts = _context.Sinks.Storage(assignment.Target, NoPointers, _cancellationToken);
        if (layouts.IsEmpty || assignment.Target is not (IFieldReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: false } or IArrayElementReferenceOperation))
        {
            _bitsMayMove = true; // a pointer, a reference, a span element: its layout is known only to the analysis
        }

        foreach (var layout in layouts)
        {
            Sink(layout);
        }
    }

    private static readonly System.Collections.Generic.Dictionary<ILocalSymbol, GuestLayout> NoPointers = new(SymbolEqualityComparer.Default);

    private void Sink(GuestLayout layout)
    {
        MayReachEntry = true;
        _reservedAtSinks |= layout.XenBitsAmong(ulong.MaxValue);
    }

    /// <summary>A value no forcing operation of this body wrote: shifting it moves no writer.</summary>
    /// <summary>
    /// A value whose bits no forcing operation of this body decided, so shifting it moves no writer: a parameter, a
    /// field, an element, or a call whose summary returns none of its arguments' bits and forces none.
    /// </summary>
    private bool IsPlainValue(IOperation operand)
    {
        var value = RawFlow.Unwrap(operand);
        if (value is IInvocationOperation invocation)
        {
            var summary = _context.Summaries.For(invocation.TargetMethod, null, _cancellationToken);
            return summary.Forced == 0 && !summary.PassedThrough.Any();
        }

        return value is IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation
            or IArrayElementReferenceOperation;
    }

    /// <summary>
    /// <c>(int)someUlong</c>, <c>(int)someUint</c>: a bit below the top becomes the new sign bit, copied into every higher bit
    /// with its writers. Widening (<c>byte</c> to <c>int</c>) moves nothing.
    /// </summary>
    private static bool SignExtendsANarrowValue(IConversionOperation conversion) =>
        conversion.OperatorMethod is null
        && IntegerType.Of(conversion.Type) is { Signed: true, Width: < 64 } target
        && IntegerType.Of(conversion.Operand.Type) is { } source
        && (source.Width > target.Width || (source.Width == target.Width && !source.Signed));
}
