using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PteGen.Generators.Usage.Flow;

/// <summary>
/// The bit analysis of one control-flow graph (a method, local function, lambda or initializer): a forward
/// data-flow over its basic blocks, locals and parameters held per block and joined where branches meet, each
/// operation evaluated without recursion. At every place where a value becomes an entry, the writers of the bits
/// it carries become findings (real writers) or the body's summary (a parameter's pseudo-writer).
/// </summary>
internal sealed class BodyFlow
{
    /// <summary>Block visits allowed per block before a loop is taken as settled (the lattice is finite; this is a guard).</summary>
    private const int VisitsPerBlock = 64;

    private readonly ControlFlowGraph _graph;
    private readonly IMethodSymbol? _method;
    private readonly FlowContext _context;
    private readonly WriterTable _writers;
    private readonly Dictionary<(int Writer, GuestLayout Layout), Finding> _findings;
    private readonly MethodSummary.Builder _summary = new();
    private readonly Dictionary<ILocalSymbol, GuestLayout> _pointers = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<CaptureId, IOperation> _captured = new();
    private readonly CancellationToken _cancellationToken;
    private readonly List<BitValue> _values = new();
    private readonly Stack<Frame> _frames = new();

    public BodyFlow(
        ControlFlowGraph graph,
        IMethodSymbol? method,
        FlowContext context,
        WriterTable writers,
        Dictionary<(int Writer, GuestLayout Layout), Finding> findings,
        CancellationToken cancellationToken)
    {
        _graph = graph;
        _method = method;
        _context = context;
        _writers = writers;
        _findings = findings;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Summaries of the local functions of the enclosing body, while they are computed (see <see cref="FlowFamily"/>).</summary>
    public IReadOnlyDictionary<IMethodSymbol, MethodSummary>? LocalSummaries { get; set; }

    public MethodSummary Summary => _summary.ToSummary(_writers);

    public void Run()
    {
        var blocks = _graph.Blocks;
        CollectPointers(blocks);

        var entries = new ImmutableDictionary<object, BitValue>?[blocks.Length];
        var visits = new int[blocks.Length];
        var queued = new bool[blocks.Length];
        var work = new SortedSet<int>();
        entries[0] = InitialState();
        work.Add(0);
        queued[0] = true;
        var next = 1;
        while (true)
        {
            while (work.Count > 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var ordinal = work.Min;
                work.Remove(ordinal);
                queued[ordinal] = false;
                if (++visits[ordinal] > VisitsPerBlock)
                {
                    continue;
                }

                var state = Transfer(blocks[ordinal], entries[ordinal]!, out var branchValue);
                if (blocks[ordinal].FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return
                    && blocks[ordinal].BranchValue is not null && _method is not null && IntegerType.Of(_method.ReturnType) is not null)
                {
                    _summary.Return(branchValue);
                }

                Flow(blocks[ordinal].FallThroughSuccessor, state);
                Flow(blocks[ordinal].ConditionalSuccessor, state);
            }

            // Blocks no branch leads to (catch and finally entries, code after a throw): analyzed from an empty state.
            while (next < blocks.Length && (entries[next] is not null || blocks[next].Kind != BasicBlockKind.Block))
            {
                next++;
            }

            if (next >= blocks.Length)
            {
                break;
            }

            entries[next] = ImmutableDictionary<object, BitValue>.Empty;
            work.Add(next);
            queued[next] = true;
        }

        void Flow(ControlFlowBranch? branch, ImmutableDictionary<object, BitValue> state)
        {
            if (branch?.Destination is not { } destination)
            {
                return;
            }

            var ordinal = destination.Ordinal;
            var joined = entries[ordinal] is { } existing ? Join(existing, state) : state;
            if (entries[ordinal] is { } old && SameState(old, joined))
            {
                return;
            }

            entries[ordinal] = joined;
            if (!queued[ordinal])
            {
                queued[ordinal] = true;
                work.Add(ordinal);
            }
        }
    }

    private ImmutableDictionary<object, BitValue> InitialState()
    {
        var state = ImmutableDictionary<object, BitValue>.Empty;
        if (_method is null)
        {
            return state;
        }

        // Each integer parameter starts unknown, its bits written by its own pseudo-writer: where they reach an entry
        // is the body's summary.
        foreach (var parameter in _method.Parameters)
        {
            if (parameter.RefKind == RefKind.None && IntegerType.Of(parameter.Type) is not null)
            {
                state = state.SetItem(parameter, BitValue.Unknown.WithWriters([new WriterBits(WriterTable.ForParameter(parameter.Ordinal), ulong.MaxValue)]));
            }
        }

        return state;
    }

    private ImmutableDictionary<object, BitValue> Transfer(BasicBlock block, ImmutableDictionary<object, BitValue> state, out BitValue branchValue)
    {
        foreach (var operation in block.Operations)
        {
            Evaluate(operation, ref state);
        }

        branchValue = block.BranchValue is { } branch ? Evaluate(branch, ref state) : BitValue.Unknown;
        return state;
    }

    private static ImmutableDictionary<object, BitValue> Join(ImmutableDictionary<object, BitValue> left, ImmutableDictionary<object, BitValue> right)
    {
        if (ReferenceEquals(left, right))
        {
            return left;
        }

        var result = left;
        foreach (var pair in right)
        {
            var joined = left.TryGetValue(pair.Key, out var existing) ? BitValue.Join(existing, pair.Value) : BitValue.Join(BitValue.Unknown, pair.Value);
            if (!left.TryGetValue(pair.Key, out var before) || !before.Equals(joined))
            {
                result = result.SetItem(pair.Key, joined);
            }
        }

        foreach (var pair in left)
        {
            if (!right.ContainsKey(pair.Key))
            {
                var joined = BitValue.Join(pair.Value, BitValue.Unknown);
                if (!joined.Equals(pair.Value))
                {
                    result = result.SetItem(pair.Key, joined);
                }
            }
        }

        return result;
    }

    private static bool SameState(ImmutableDictionary<object, BitValue> left, ImmutableDictionary<object, BitValue> right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left.Count != right.Count)
        {
            return false;
        }

        foreach (var pair in left)
        {
            if (!right.TryGetValue(pair.Key, out var other) || !other.Equals(pair.Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Pointer, reference and span locals that point into entries (flow-insensitive: any assignment counts).</summary>
    private void CollectPointers(ImmutableArray<BasicBlock> blocks)
    {
        // Two rounds cover a pointer derived from another one declared later in the text; longer chains are not followed.
        for (var round = 0; round < 2; round++)
        {
            foreach (var block in blocks)
            {
                foreach (var operation in block.Operations)
                {
                    var statement = operation is IExpressionStatementOperation expression ? expression.Operation : operation;
                    if (statement is ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment
                        && (local.Local.RefKind != RefKind.None || local.Local.Type is IPointerTypeSymbol || local.Local.Type is INamedTypeSymbol { Name: "Span" or "ReadOnlySpan" })
                        && !_pointers.ContainsKey(local.Local)
                        && _context.Sinks.PointsInto(assignment.Value, _pointers, _cancellationToken) is { } layout)
                    {
                        _pointers[local.Local] = layout;
                    }
                }
            }
        }
    }

    private sealed class Frame
    {
        public Frame(IOperation operation, int valueBase)
        {
            Operation = operation;
            ValueBase = valueBase;
            Children = operation.ChildOperations.GetEnumerator();
        }

        public IOperation Operation { get; }

        public int ValueBase { get; }

        public IOperation.OperationList.Enumerator Children;
    }

    /// <summary>Evaluates an operation tree in post-order with an explicit stack (expressions can be thousands deep).</summary>
    private BitValue Evaluate(IOperation root, ref ImmutableDictionary<object, BitValue> state)
    {
        _values.Clear();
        _frames.Clear();
        if (!TryLeaf(root, state, out var rootValue))
        {
            _frames.Push(new Frame(root, 0));
        }
        else
        {
            return rootValue;
        }

        while (_frames.Count > 0)
        {
            var frame = _frames.Peek();
            if (frame.Children.MoveNext())
            {
                var child = frame.Children.Current;
                if (TryLeaf(child, state, out var leaf))
                {
                    _values.Add(leaf);
                }
                else
                {
                    _frames.Push(new Frame(child, _values.Count));
                }

                continue;
            }

            _frames.Pop();
            var value = Complete(frame.Operation, frame.ValueBase, ref state);
            _values.RemoveRange(frame.ValueBase, _values.Count - frame.ValueBase);
            _values.Add(value);
        }

        return _values[0];
    }

    /// <summary>Operations whose value needs no children: constants, references to locals, parameters and captures, lambdas.</summary>
    private bool TryLeaf(IOperation operation, ImmutableDictionary<object, BitValue> state, out BitValue value)
    {
        if (operation.ConstantValue.HasValue)
        {
            if (IntegerType.Of(operation.Type) is not null && IntegerType.TryGetBits(operation.ConstantValue.Value, out var bits))
            {
                value = BitValue.Constant(bits, bits == 0 ? -1 : _writers.ForOperation(operation.Syntax, WriterKind.Sets));
                return true;
            }

            value = BitValue.Unknown;
            return true;
        }

        switch (operation)
        {
            case ILocalReferenceOperation local:
                value = state.TryGetValue(local.Local, out var held) ? held : BitValue.Unknown;
                return true;
            case IParameterReferenceOperation parameter:
                value = state.TryGetValue(parameter.Parameter, out held) ? held : BitValue.Unknown;
                return true;
            case IFlowCaptureReferenceOperation capture:
                value = state.TryGetValue(capture.Id, out held) ? held : BitValue.Unknown;
                return true;
            case IFlowAnonymousFunctionOperation:
            case IInstanceReferenceOperation:
            case ITypeOfOperation:
                value = BitValue.Unknown;
                return true;
            default:
                value = default;
                return false;
        }
    }

    private BitValue Child(int valueBase, int index) =>
        valueBase + index < _values.Count ? _values[valueBase + index] : BitValue.Unknown;

    private BitValue Complete(IOperation operation, int valueBase, ref ImmutableDictionary<object, BitValue> state)
    {
        switch (operation)
        {
            case IFlowCaptureOperation capture:
                state = state.SetItem(capture.Id, Child(valueBase, 0));
                _captured[capture.Id] = capture.Value;
                return BitValue.Unknown;
            case IArgumentOperation:
            case IParenthesizedOperation:
                return Child(valueBase, 0);
            case IConversionOperation conversion:
                return Convert(conversion, Child(valueBase, 0));
            case IBinaryOperation binary:
                return Binary(binary, Child(valueBase, 0), Child(valueBase, 1), binary.Syntax);
            case IUnaryOperation unary:
                return Unary(unary, Child(valueBase, 0));
            case ICompoundAssignmentOperation compound:
            {
                var value = IntegerType.Of(compound.Target.Type) is { } targetType
                    ? BitAlgebra.Normalize(Arithmetic(compound.OperatorKind, Child(valueBase, 0), Child(valueBase, 1), compound.Value, compound.Target.Type, compound.Syntax), targetType)
                    : BitValue.Unknown;
                Assign(compound.Target, value, ref state);
                return value;
            }

            case ISimpleAssignmentOperation assignment:
            {
                var value = assignment.IsRef ? BitValue.Unknown : Child(valueBase, 1);
                Assign(assignment.Target, value, ref state);
                return value;
            }

            case IIncrementOrDecrementOperation increment:
                Assign(increment.Target, BitValue.Number, ref state);
                return BitValue.Number;
            case IObjectCreationOperation creation:
                if (_context.Sinks.Constructor(creation, _cancellationToken) is { } layout && creation.Arguments.Length == 1)
                {
                    Sink(layout, Child(valueBase, 0), ulong.MaxValue);
                }

                return BitValue.Unknown;
            case IInvocationOperation invocation:
                return Invocation(invocation, valueBase, ref state);
            default:
                // Fields, properties (.Raw), array elements, "*q", calls: unknown, and possibly an entry's bits.
                return BitValue.Unknown;
        }
    }

    private BitValue Invocation(IInvocationOperation invocation, int valueBase, ref ImmutableDictionary<object, BitValue> state)
    {
        var offset = invocation.Instance is null ? 0 : 1;
        var method = invocation.TargetMethod;
        var summary = _context.Summaries.For(method, LocalSummaries, _cancellationToken);
        var arguments = new BitValue[method.Parameters.Length];
        for (var index = 0; index < invocation.Arguments.Length; index++)
        {
            var argument = invocation.Arguments[index];
            if (argument.Parameter is not { } parameter)
            {
                continue;
            }

            if (parameter.RefKind is RefKind.Ref or RefKind.Out && argument.Value is ILocalReferenceOperation or IParameterReferenceOperation)
            {
                Assign(argument.Value, BitValue.Unknown, ref state);
                continue;
            }

            var value = Child(valueBase, offset + index);
            if (parameter.Ordinal < arguments.Length)
            {
                arguments[parameter.Ordinal] = value;
            }

            foreach (var layout in _context.Sinks.Marked(parameter, _cancellationToken))
            {
                Sink(layout, value, ulong.MaxValue);
            }

            foreach (var sink in summary.SinksOf(parameter.Ordinal))
            {
                Sink(sink.Key, value, sink.Value);
            }
        }

        AtomicWrite(invocation, arguments);
        return Returned(invocation, summary, arguments);
    }

    /// <summary>
    /// <c>Interlocked.Or(ref entryStorage, value)</c> and its kin write into an entry as <c>|=</c>, <c>&amp;=</c> and
    /// <c>=</c> do: Linux's <c>WRITE_ONCE</c> and the BSDs' <c>atomic_set_long</c>/<c>atomic_cmpset_long</c> on a PTE.
    /// </summary>
    private void AtomicWrite(IInvocationOperation invocation, BitValue[] arguments)
    {
        var method = invocation.TargetMethod;
        if (method.ContainingType is not { Name: "Interlocked" or "Volatile" } type
            || type.ContainingNamespace?.ToDisplayString() != "System.Threading"
            || method.Parameters.Length < 2
            || method.Parameters[0].RefKind != RefKind.Ref
            || IntegerType.Of(method.Parameters[1].Type) is null
            || invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0) is not { } target
            || invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 1) is not { } valueArgument)
        {
            return;
        }

        var layouts = _context.Sinks.Storage(target.Value, _pointers, _cancellationToken);
        if (layouts.IsEmpty)
        {
            return;
        }

        var value = arguments[1];
        var written = method.Name switch
        {
            "Or" when valueArgument.Value.ConstantValue.HasValue =>
                BitAlgebra.OrConstant(BitValue.Unknown, value.One, _writers.ForOperation(valueArgument.Value.Syntax, WriterKind.Sets)),
            "Or" => BitAlgebra.Or(BitValue.Unknown, value),
            "And" when valueArgument.Value.ConstantValue.HasValue =>
                BitAlgebra.AndConstant(BitValue.Unknown, value.One, _writers.ForOperation(valueArgument.Value.Syntax, WriterKind.Clears)),
            "And" => BitAlgebra.And(BitValue.Unknown, value),
            "Exchange" or "CompareExchange" or "Write" => value,
            _ => BitValue.Unknown,
        };
        foreach (var layout in layouts)
        {
            Sink(layout, written, ulong.MaxValue);
        }
    }

    /// <summary>
    /// The value a call returns, from the callee's summary: the bits the callee forced are written at the call (the
    /// diagnostic's place when they reach an entry here), and the bits it returns of a parameter are the argument's.
    /// </summary>
    private BitValue Returned(IInvocationOperation invocation, MethodSummary summary, BitValue[] arguments)
    {
        if (summary.Returned is not { } returned || IntegerType.Of(invocation.Type) is not { } type)
        {
            return BitValue.Unknown;
        }

        WriterBits[]? writers = summary.Forced == 0
            ? null
            : [new WriterBits(_writers.ForOperation(invocation.Syntax, summary.ForcedKind), summary.Forced)];
        foreach (var passed in summary.PassedThrough)
        {
            if (passed.Key < arguments.Length)
            {
                writers = BitValue.Union(writers ?? [], BitValue.Restrict(arguments[passed.Key].Writers, passed.Value) ?? []);
            }
        }

        return BitAlgebra.Normalize(returned.WithWriters(writers), type);
    }

    private void Assign(IOperation target, BitValue value, ref ImmutableDictionary<object, BitValue> state)
    {
        switch (target)
        {
            case ILocalReferenceOperation { Local.RefKind: RefKind.None } local:
                if (IntegerType.Of(local.Local.Type) is not null)
                {
                    state = state.SetItem(local.Local, value);
                }

                return;
            case IParameterReferenceOperation { Parameter.RefKind: RefKind.None } parameter:
                if (IntegerType.Of(parameter.Parameter.Type) is not null)
                {
                    state = state.SetItem(parameter.Parameter, value);
                }

                return;
            case IFlowCaptureReferenceOperation capture:
                // The graph captures an assignment's target before a branch in its value ("v |= c ? a : b",
                // "table[i] ^= ..."): the write goes to what was captured.
                if (_captured.TryGetValue(capture.Id, out var captured) && captured is not IFlowCaptureReferenceOperation)
                {
                    Assign(captured, value, ref state);
                }

                return;
        }

        foreach (var layout in _context.Sinks.Storage(target, _pointers, _cancellationToken))
        {
            Sink(layout, value, ulong.MaxValue);
        }
    }

    /// <summary>A value becomes an entry of <paramref name="layout"/> (only the bits of <paramref name="mask"/> of it).</summary>
    private void Sink(GuestLayout layout, BitValue value, ulong mask)
    {
        foreach (var written in value.Writers)
        {
            var bits = written.Bits & mask;
            if (bits == 0)
            {
                continue;
            }

            if (WriterTable.IsParameter(written.Writer))
            {
                _summary.Add(WriterTable.ParameterOrdinal(written.Writer), layout, bits);
                continue;
            }

            var reserved = layout.XenBitsAmong(bits);
            if (reserved == 0)
            {
                continue;
            }

            var key = (written.Writer, layout);
            if (!_findings.TryGetValue(key, out var finding))
            {
                _findings[key] = finding = new Finding(_writers[written.Writer], layout);
            }

            finding.Add(reserved, value);
        }
    }

    private static BitValue Convert(IConversionOperation conversion, BitValue operand)
    {
        return conversion.OperatorMethod is null
            && IntegerType.Of(conversion.Operand.Type) is not null
            && IntegerType.Of(conversion.Type) is { } target
                ? BitAlgebra.Normalize(operand, target)
                : BitValue.Unknown;
    }

    private BitValue Unary(IUnaryOperation unary, BitValue operand)
    {
        if (IntegerType.Of(unary.Type) is not { } type)
        {
            return BitValue.Unknown;
        }

        return unary.OperatorKind switch
        {
            UnaryOperatorKind.BitwiseNegation => BitAlgebra.Normalize(BitAlgebra.Not(operand), type),
            UnaryOperatorKind.Plus => operand,
            _ => BitValue.Number,
        };
    }

    private BitValue Binary(IBinaryOperation binary, BitValue left, BitValue right, SyntaxNode syntax)
    {
        if (IntegerType.Of(binary.Type) is not { } type || binary.OperatorMethod is not null)
        {
            return BitValue.Unknown;
        }

        var result = binary.OperatorKind switch
        {
            BinaryOperatorKind.Or or BinaryOperatorKind.And or BinaryOperatorKind.ExclusiveOr or BinaryOperatorKind.Add or BinaryOperatorKind.Subtract
                when binary.LeftOperand.ConstantValue.HasValue && !binary.RightOperand.ConstantValue.HasValue
                => binary.OperatorKind == BinaryOperatorKind.Subtract ? BitValue.Number : Apply(binary.OperatorKind, right, left, binary.LeftOperand, syntax),
            _ => Arithmetic(binary.OperatorKind, left, right, binary.RightOperand, binary.Type, syntax),
        };
        return BitAlgebra.Normalize(result, type);
    }

    /// <summary><c>x op y</c> where <paramref name="operandOperation"/> is y's operation (a constant decides bits at <paramref name="syntax"/>).</summary>
    private BitValue Apply(BinaryOperatorKind kind, BitValue x, BitValue y, IOperation operandOperation, SyntaxNode syntax)
    {
        if (kind is BinaryOperatorKind.Or or BinaryOperatorKind.And or BinaryOperatorKind.ExclusiveOr or BinaryOperatorKind.Add or BinaryOperatorKind.Subtract
            && operandOperation.ConstantValue.HasValue)
        {
            var constant = y.One;
            return kind switch
            {
                BinaryOperatorKind.Or => BitAlgebra.OrConstant(x, constant, _writers.ForOperation(syntax, WriterKind.Sets)),
                BinaryOperatorKind.And => BitAlgebra.AndConstant(x, constant, _writers.ForOperation(syntax, WriterKind.Clears)),
                BinaryOperatorKind.ExclusiveOr => BitAlgebra.XorConstant(x, constant, _writers.ForOperation(syntax, WriterKind.Toggles)),
                BinaryOperatorKind.Add => BitAlgebra.AddConstant(x, constant, _writers.ForOperation(syntax, WriterKind.Sets)),
                _ => BitAlgebra.AddConstant(x, constant, _writers.ForOperation(syntax, WriterKind.Clears)),
            };
        }

        return kind switch
        {
            BinaryOperatorKind.Or => BitAlgebra.Or(x, y),
            BinaryOperatorKind.And => BitAlgebra.And(x, y),
            BinaryOperatorKind.ExclusiveOr => BitAlgebra.Xor(x, y),
            _ => BitValue.Number,
        };
    }

    private BitValue Arithmetic(BinaryOperatorKind kind, BitValue left, BitValue right, IOperation rightOperation, ITypeSymbol? type, SyntaxNode syntax)
    {
        switch (kind)
        {
            case BinaryOperatorKind.Or or BinaryOperatorKind.And or BinaryOperatorKind.ExclusiveOr or BinaryOperatorKind.Add or BinaryOperatorKind.Subtract:
                return Apply(kind, left, right, rightOperation, syntax);
            case BinaryOperatorKind.LeftShift or BinaryOperatorKind.RightShift or BinaryOperatorKind.UnsignedRightShift
                when rightOperation.ConstantValue.HasValue && IntegerType.TryGetBits(rightOperation.ConstantValue.Value, out var countBits)
                    && IntegerType.Of(type) is { } shifted:
            {
                var count = (int)(countBits & (shifted.Width == 64 ? 63UL : 31UL));
                if (kind == BinaryOperatorKind.LeftShift)
                {
                    return BitAlgebra.ShiftLeft(left, count);
                }

                var arithmetic = kind == BinaryOperatorKind.RightShift && shifted.Signed;
                var operand = kind == BinaryOperatorKind.UnsignedRightShift && shifted.Signed
                    ? BitAlgebra.Normalize(left, UnsignedOf(shifted))
                    : left;
                return BitAlgebra.ShiftRight(operand, count, arithmetic);
            }

            default:
                return BitValue.Number;
        }
    }

    private static IntegerType UnsignedOf(IntegerType type) => type.Width == 64 ? IntegerType.UInt64 : IntegerType.UInt32;
}
