using Microsoft.CodeAnalysis.Text;
using System.Collections.Immutable;

namespace PteGen.Tests.Usage.Differential;

/// <summary>
/// The reference's abstract value of a 64-bit integer, written bit by bit from pte101-spec.md: for each bit a
/// <see cref="BitState"/> and the set of <see cref="Origin"/>s (writers, and parameter-bit markers) whose effect on
/// that bit may reach here. Deliberately naive (arrays of 64, one loop per operation, no masks): it has to be obviously
/// the spec, not fast, and must not share a line of reasoning with the analyzer's mask arithmetic.
/// </summary>
internal sealed class AbstractValue
{
    public const int Width = 64;

    private static readonly ImmutableHashSet<Origin> NoOrigins = ImmutableHashSet<Origin>.Empty;

    private readonly BitState[] _states;
    private readonly ImmutableHashSet<Origin>[] _origins;

    private AbstractValue(BitState[] states, ImmutableHashSet<Origin>[] origins)
    {
        _states = states;
        _origins = origins;
    }

    public BitState State(int bit) => _states[bit];

    public ImmutableHashSet<Origin> Origins(int bit) => _origins[bit];

    /// <summary>A value the spec knows nothing about (a parameter, <c>e.Raw</c>, a call's result): all bits E, no writers.</summary>
    public static AbstractValue Unknown() => Uniform(BitState.Entry);

    /// <summary>The result of other arithmetic (<c>*</c>, two non-constants added): all bits N, no writers.</summary>
    public static AbstractValue Number() => Uniform(BitState.Number);

    /// <summary>A method parameter: all bits E, each bit marked as the parameter's own bit (for the method's summary).</summary>
    public static AbstractValue Parameter(int parameter) =>
        Build(bit => (BitState.Entry, NoOrigins.Add(Origin.ParameterBitOf(parameter, bit))));

    /// <summary>A constant's exact bits; its 1 bits get <paramref name="writer"/> when it is used as a value (not as an operand).</summary>
    public static AbstractValue Constant(ulong value, Origin? writer) =>
        Build(bit => IsSet(value, bit)
            ? (BitState.One, writer is null ? NoOrigins : NoOrigins.Add(writer))
            : (BitState.Zero, NoOrigins));

    /// <summary><c>x | C</c>: C's 1 bits become 1, written by the operation only (earlier writers are replaced).</summary>
    public AbstractValue OrConstant(ulong constant, Origin operation) =>
        Build(bit => IsSet(constant, bit) ? (BitState.One, NoOrigins.Add(operation)) : Keep(bit));

    /// <summary>
    /// <c>x &amp; C</c>: C's 0 bits become 0; the operation writes them only where x's bit was 1 or E (a 0 or N bit
    /// keeps x's writers).
    /// </summary>
    public AbstractValue AndConstant(ulong constant, Origin operation) =>
        Build(bit =>
        {
            if (IsSet(constant, bit))
            {
                return Keep(bit);
            }

            var writes = _states[bit] is BitState.One or BitState.Entry;
            return (BitState.Zero, writes ? NoOrigins.Add(operation) : _origins[bit]);
        });

    /// <summary><c>x ^ C</c>: C's 1 bits are flipped (E and N stay), written by the operation only.</summary>
    public AbstractValue XorConstant(ulong constant, Origin operation) =>
        Build(bit => IsSet(constant, bit) ? (Flip(_states[bit]), NoOrigins.Add(operation)) : Keep(bit));

    /// <summary>
    /// <c>x + C</c> and <c>x - C</c>: C's 1 bits get the operation as writer; bits below C's lowest 1 bit keep x's state,
    /// the others become unknown (N if x's was N, else E); bits not in C keep x's writers.
    /// </summary>
    public AbstractValue AddOrSubtractConstant(ulong constant, Origin operation)
    {
        var lowest = LowestSetBit(constant);
        return Build(bit =>
        {
            var state = bit < lowest ? _states[bit] : _states[bit] == BitState.Number ? BitState.Number : BitState.Entry;
            return (state, IsSet(constant, bit) ? NoOrigins.Add(operation) : _origins[bit]);
        });
    }

    /// <summary><c>~x</c>: every bit flipped, writers kept.</summary>
    public AbstractValue Complement() => Build(bit => (Flip(_states[bit]), _origins[bit]));

    /// <summary><c>x | y</c>, neither constant: 1 wins, 0 gives the other side; writers of both sides.</summary>
    public AbstractValue Or(AbstractValue other) =>
        Build(bit => (OrState(_states[bit], other._states[bit]), Deciding(_states[bit], _origins[bit], other._states[bit], other._origins[bit], BitState.One)));

    /// <summary><c>x &amp; y</c>, neither constant: 0 wins, 1 gives the other side; writers of both sides.</summary>
    public AbstractValue And(AbstractValue other) =>
        Build(bit => (AndState(_states[bit], other._states[bit]), Deciding(_states[bit], _origins[bit], other._states[bit], other._origins[bit], BitState.Zero)));

    /// <summary>
    /// The writers of a bit of <c>x | y</c> (<paramref name="dominant"/> 1) or <c>x &amp; y</c> (dominant 0): a side whose
    /// bit is dominant decides it alone, and a side whose bit is the other known value does not decide a bit that the
    /// other side may carry from an entry (E); otherwise both sides' writers count.
    /// </summary>
    private static ImmutableHashSet<Origin> Deciding(BitState x, ImmutableHashSet<Origin> xOrigins, BitState y, ImmutableHashSet<Origin> yOrigins, BitState dominant)
    {
        var neutral = dominant == BitState.One ? BitState.Zero : BitState.One;
        var xDecides = !((x == neutral && y == BitState.Entry) || (y == dominant && x != dominant));
        var yDecides = !((y == neutral && x == BitState.Entry) || (x == dominant && y != dominant));
        return (xDecides ? xOrigins : NoOrigins).Union(yDecides ? yOrigins : NoOrigins);
    }

    /// <summary>
    /// The value a call of a helper returns, from what the helper returns (<paramref name="returned"/>, its parameter
    /// marked) and the argument: the helper's own writers become one writer at the call, <paramref name="atCall"/>,
    /// and the parameter's bits returned in place are the argument's.
    /// </summary>
    public static AbstractValue Call(AbstractValue returned, AbstractValue argument, TextSpan callSpan)
    {
        var kinds = new HashSet<OriginKind>();
        for (var bit = 0; bit < Width; bit++)
        {
            foreach (var origin in returned._origins[bit])
            {
                if (!origin.IsParameterBit)
                {
                    kinds.Add(origin.Kind);
                }
            }
        }

        var atCall = Origin.Writer(kinds.Count == 1 ? kinds.Single() : OriginKind.Sets, callSpan);
        return Build(bit =>
        {
            var origins = NoOrigins;
            foreach (var origin in returned._origins[bit])
            {
                origins = origin.IsParameterBit
                    ? (origin.Bit == bit ? origins.Union(argument._origins[bit]) : origins)
                    : origins.Add(atCall);
            }

            return (returned._states[bit], origins);
        });
    }

    /// <summary><c>x ^ y</c>, neither constant: 0 gives the other side, 1 flips it; writers of both sides.</summary>
    public AbstractValue Xor(AbstractValue other) =>
        Build(bit => (XorState(_states[bit], other._states[bit]), _origins[bit].Union(other._origins[bit])));

    /// <summary>
    /// <c>x &lt;&lt; k</c> (ulong, constant k != 0): bits and their writers move up; a moved E becomes N; the bits shifted in
    /// are 0 without writers.
    /// </summary>
    public AbstractValue ShiftLeft(int count) =>
        Build(bit => bit - count >= 0 ? (Moved(_states[bit - count]), _origins[bit - count]) : (BitState.Zero, NoOrigins));

    /// <summary><c>x &gt;&gt; k</c> on a ulong (logical): as <see cref="ShiftLeft"/>, downwards.</summary>
    public AbstractValue ShiftRight(int count) =>
        Build(bit => bit + count < Width ? (Moved(_states[bit + count]), _origins[bit + count]) : (BitState.Zero, NoOrigins));

    /// <summary>
    /// A merge of two paths (<c>c ? a : b</c>, if/else): equal states stay, otherwise E if either side is 1 or E, else N
    /// (0 with N); writers of both paths.
    /// </summary>
    public AbstractValue Join(AbstractValue other) =>
        Build(bit => (JoinState(_states[bit], other._states[bit]), _origins[bit].Union(other._origins[bit])));

    private (BitState State, ImmutableHashSet<Origin> Origins) Keep(int bit) => (_states[bit], _origins[bit]);

    private static AbstractValue Uniform(BitState state) => Build(_ => (state, NoOrigins));

    private static AbstractValue Build(Func<int, (BitState State, ImmutableHashSet<Origin> Origins)> perBit)
    {
        var states = new BitState[Width];
        var origins = new ImmutableHashSet<Origin>[Width];
        for (var bit = 0; bit < Width; bit++)
        {
            (states[bit], origins[bit]) = perBit(bit);
        }

        return new AbstractValue(states, origins);
    }

    private static bool IsSet(ulong value, int bit) => ((value >> bit) & 1) != 0;

    private static int LowestSetBit(ulong value)
    {
        for (var bit = 0; bit < Width; bit++)
        {
            if (IsSet(value, bit))
            {
                return bit;
            }
        }

        return Width;
    }

    private static bool IsKnown(BitState state) => state is BitState.Zero or BitState.One;

    private static BitState Flip(BitState state) => state switch
    {
        BitState.Zero => BitState.One,
        BitState.One => BitState.Zero,
        _ => state,
    };

    private static BitState Moved(BitState state) => state == BitState.Entry ? BitState.Number : state;

    /// <summary>Two unknowns meet: E if either is E, else N.</summary>
    private static BitState UnknownMeet(BitState left, BitState right) =>
        left == BitState.Entry || right == BitState.Entry ? BitState.Entry : BitState.Number;

    private static BitState OrState(BitState left, BitState right)
    {
        if (left == BitState.One || right == BitState.One)
        {
            return BitState.One;
        }

        if (left == BitState.Zero)
        {
            return right;
        }

        return right == BitState.Zero ? left : UnknownMeet(left, right);
    }

    private static BitState AndState(BitState left, BitState right)
    {
        if (left == BitState.Zero || right == BitState.Zero)
        {
            return BitState.Zero;
        }

        if (left == BitState.One)
        {
            return right;
        }

        return right == BitState.One ? left : UnknownMeet(left, right);
    }

    private static BitState XorState(BitState left, BitState right)
    {
        if (IsKnown(left) && IsKnown(right))
        {
            return left == right ? BitState.Zero : BitState.One;
        }

        if (IsKnown(left))
        {
            return left == BitState.One ? Flip(right) : right;
        }

        if (IsKnown(right))
        {
            return right == BitState.One ? Flip(left) : left;
        }

        return UnknownMeet(left, right);
    }

    private static BitState JoinState(BitState left, BitState right)
    {
        if (left == right)
        {
            return left;
        }

        return left is BitState.One or BitState.Entry || right is BitState.One or BitState.Entry ? BitState.Entry : BitState.Number;
    }
}
