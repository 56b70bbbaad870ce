using System;
using System.Collections.Generic;

namespace PteGen.Generators.Usage.Flow;

/// <summary>
/// What the analysis knows of an integer value, bit by bit: known 0, known 1, unknown and possibly an entry's bit
/// (<see cref="Entry"/>: a parameter, a field, an array element, <c>.Raw</c>), or unknown and a number's bit (the
/// rest: the result of a shift or of arithmetic, such as <c>pfn &lt;&lt; 12</c>). Values of narrower types are held
/// as their 64-bit extension (signed types sign-extended). <see cref="Writers"/> says which forcing operations
/// decided which bits, sorted by writer, at most one entry per writer.
/// </summary>
/// <remarks>Immutable: every operation returns a new value and shares what it did not change.</remarks>
internal readonly struct BitValue : IEquatable<BitValue>
{
    private static readonly WriterBits[] NoWriters = [];

    private readonly WriterBits[]? _writers;

    public BitValue(ulong zero, ulong one, ulong entry, WriterBits[]? writers)
    {
        Zero = zero;
        One = one & ~zero;
        Entry = entry & ~(zero | one);
        _writers = writers is { Length: 0 } ? null : writers;
    }

    /// <summary>Nothing known, every bit may be an entry's: a parameter, a field, <c>.Raw</c>, a call's result.</summary>
    public static BitValue Unknown { get; } = new(0, 0, ulong.MaxValue, null);

    /// <summary>Nothing known, a number: the result of arithmetic.</summary>
    public static BitValue Number { get; } = new(0, 0, 0, null);

    public ulong Zero { get; }

    public ulong One { get; }

    public ulong Entry { get; }

    public ulong Known => Zero | One;

    public WriterBits[] Writers => _writers ?? NoWriters;

    public static BitValue Constant(ulong value, int writer) =>
        new(~value, value, 0, value == 0 || writer < 0 ? null : [new WriterBits(writer, value)]);

    public BitValue WithWriters(WriterBits[]? writers) => new(Zero, One, Entry, writers);

    /// <summary>The bits that are 1 or may hold an entry's 1: what a mask can clear.</summary>
    public ulong Clearable => One | Entry;

    /// <summary>The writers restricted to <paramref name="mask"/>.</summary>
    public static WriterBits[]? Restrict(WriterBits[] writers, ulong mask)
    {
        List<WriterBits>? kept = null;
        var changed = false;
        foreach (var writer in writers)
        {
            var bits = writer.Bits & mask;
            if (bits != writer.Bits)
            {
                changed = true;
            }

            if (bits != 0)
            {
                (kept ??= new List<WriterBits>(writers.Length)).Add(bits == writer.Bits ? writer : new WriterBits(writer.Writer, bits));
            }
        }

        return !changed ? (writers.Length == 0 ? null : writers) : kept?.ToArray();
    }

    /// <summary>The writers moved by <paramref name="map"/> (a shift, an extension); writers it empties are dropped.</summary>
    public static WriterBits[]? Map(WriterBits[] writers, Func<WriterBits, ulong> map)
    {
        List<WriterBits>? kept = null;
        foreach (var writer in writers)
        {
            var bits = map(writer);
            if (bits != 0)
            {
                (kept ??= new List<WriterBits>(writers.Length)).Add(new WriterBits(writer.Writer, bits));
            }
        }

        return kept?.ToArray();
    }

    /// <summary>The union of two writer lists (both sorted by writer), bits of one writer merged.</summary>
    public static WriterBits[]? Union(WriterBits[] left, WriterBits[] right)
    {
        if (left.Length == 0)
        {
            return right.Length == 0 ? null : right;
        }

        if (right.Length == 0)
        {
            return left;
        }

        var result = new List<WriterBits>(left.Length + right.Length);
        int i = 0, j = 0;
        while (i < left.Length || j < right.Length)
        {
            if (j == right.Length || (i < left.Length && left[i].Writer < right[j].Writer))
            {
                result.Add(left[i++]);
            }
            else if (i == left.Length || right[j].Writer < left[i].Writer)
            {
                result.Add(right[j++]);
            }
            else
            {
                result.Add(new WriterBits(left[i].Writer, left[i].Bits | right[j].Bits));
                i++;
                j++;
            }
        }

        return result.ToArray();
    }

    /// <summary><paramref name="writers"/> with <paramref name="writer"/> deciding <paramref name="bits"/> (earlier writers of them dropped).</summary>
    public static WriterBits[]? Replace(WriterBits[] writers, int writer, ulong bits)
    {
        var kept = Restrict(writers, ~bits) ?? NoWriters;
        return bits == 0 ? (kept.Length == 0 ? null : kept) : Union(kept, [new WriterBits(writer, bits)]);
    }

    /// <summary>The control-flow join of two values: a bit known alike stays known; otherwise it may be an entry's when either side may be 1.</summary>
    public static BitValue Join(BitValue left, BitValue right)
    {
        var zero = left.Zero & right.Zero;
        var one = left.One & right.One;
        var entry = (left.Clearable | right.Clearable) & ~(zero | one);
        var writers = ReferenceEquals(left._writers, right._writers) ? left._writers : Union(left.Writers, right.Writers);
        return new BitValue(zero, one, entry, writers);
    }

    public bool Equals(BitValue other)
    {
        if (Zero != other.Zero || One != other.One || Entry != other.Entry)
        {
            return false;
        }

        if (ReferenceEquals(_writers, other._writers))
        {
            return true;
        }

        var left = Writers;
        var right = other.Writers;
        if (left.Length != right.Length)
        {
            return false;
        }

        for (var index = 0; index < left.Length; index++)
        {
            if (left[index].Writer != right[index].Writer || left[index].Bits != right[index].Bits)
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is BitValue other && Equals(other);

    public override int GetHashCode() => unchecked((int)(Zero ^ (One >> 3) ^ (Entry >> 7)) ^ Writers.Length);
}
