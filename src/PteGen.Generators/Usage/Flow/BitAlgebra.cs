namespace PteGen.Generators.Usage.Flow;

/// <summary>
/// The transfer functions of the bit analysis: what each operation does to the state and the writers of every bit
/// (docs/diagnostics/PTE101.md states them). All work on whole 64-bit masks: no loop over bits except in the
/// sign extension of narrow types.
/// </summary>
internal static class BitAlgebra
{
    /// <summary><c>x | C</c>: the one bits of C become 1, decided by <paramref name="writer"/>.</summary>
    public static BitValue OrConstant(BitValue x, ulong constant, int writer) =>
        new(x.Zero & ~constant, x.One | constant, x.Entry & ~constant, BitValue.Replace(x.Writers, writer, constant));

    /// <summary><c>x &amp; C</c>: the zero bits of C become 0; the ones that could be 1 are decided by <paramref name="writer"/>.</summary>
    public static BitValue AndConstant(BitValue x, ulong constant, int writer)
    {
        var cleared = ~constant;
        var forced = cleared & x.Clearable;
        return new(x.Zero | cleared, x.One & constant, x.Entry & constant, BitValue.Replace(x.Writers, writer, forced));
    }

    /// <summary><c>x ^ C</c>: the one bits of C flip, decided by <paramref name="writer"/>.</summary>
    public static BitValue XorConstant(BitValue x, ulong constant, int writer) =>
        new((x.Zero & ~constant) | (x.One & constant), (x.One & ~constant) | (x.Zero & constant), x.Entry, BitValue.Replace(x.Writers, writer, constant));

    /// <summary>
    /// <c>x + C</c> and <c>x - C</c>: the one bits of C are decided by <paramref name="writer"/>; bits below C's lowest one
    /// bit are unchanged, the others unknown (a carry or a borrow can reach them), even when x is known: the rule stays
    /// the one the documentation states.
    /// </summary>
    public static BitValue AddConstant(BitValue x, ulong constant, int writer)
    {
        if (constant == 0)
        {
            return x;
        }

        var unchanged = (constant & (0 - constant)) - 1; // the bits below the lowest one bit of C
        var entry = (x.Entry | x.Known) & ~unchanged;
        return new BitValue(x.Zero & unchanged, x.One & unchanged, (x.Entry & unchanged) | entry, BitValue.Replace(x.Writers, writer, constant));
    }

    public static BitValue Not(BitValue x) => new(x.One, x.Zero, x.Entry, x.Writers);

    /// <summary>
    /// <c>x | y</c> with neither operand constant. A side's writers stop deciding a bit that the other side decides
    /// instead: a 1 on the other side, or a 0 of this side where the other may carry an entry's bit. That is how a
    /// guest merges Xen's bits back: <c>(v &amp; ~Mask) | (old.Raw &amp; Mask)</c> forces neither side's bit.
    /// </summary>
    public static BitValue Or(BitValue x, BitValue y)
    {
        var one = x.One | y.One;
        var zero = x.Zero & y.Zero;
        var xDecides = ~((x.Zero & y.Entry) | (y.One & ~x.One));
        var yDecides = ~((y.Zero & x.Entry) | (x.One & ~y.One));
        return new BitValue(zero, one, (x.Entry | y.Entry) & ~(one | zero), Combine(x.Writers, xDecides, y.Writers, yDecides));
    }

    /// <summary><c>x &amp; y</c> with neither operand constant; the dual of <see cref="Or"/> (a 0 decides, a 1 does not).</summary>
    public static BitValue And(BitValue x, BitValue y)
    {
        var zero = x.Zero | y.Zero;
        var one = x.One & y.One;
        var xDecides = ~((x.One & y.Entry) | (y.Zero & ~x.Zero));
        var yDecides = ~((y.One & x.Entry) | (x.Zero & ~y.Zero));
        return new BitValue(zero, one, (x.Entry | y.Entry) & ~(one | zero), Combine(x.Writers, xDecides, y.Writers, yDecides));
    }

    private static WriterBits[]? Combine(WriterBits[] x, ulong xDecides, WriterBits[] y, ulong yDecides) =>
        BitValue.Union(BitValue.Restrict(x, xDecides) ?? [], BitValue.Restrict(y, yDecides) ?? []);

    /// <summary><c>x ^ y</c> with neither operand constant.</summary>
    public static BitValue Xor(BitValue x, BitValue y)
    {
        var one = (x.One & y.Zero) | (x.Zero & y.One);
        var zero = (x.One & y.One) | (x.Zero & y.Zero);
        return new BitValue(zero, one, (x.Entry | y.Entry) & ~(one | zero), BitValue.Union(x.Writers, y.Writers));
    }

    /// <summary>
    /// <c>x &lt;&lt; k</c> for a constant k: bits move up, bits shifted in are 0. Unknown bits become a number's (a
    /// shifted value is a frame number or an index, not an entry); real writers move with their bits, a parameter's
    /// bits stop being the parameter's.
    /// </summary>
    public static BitValue ShiftLeft(BitValue x, int count) => count == 0 ? x : new BitValue(
        (x.Zero << count) | ((1UL << count) - 1),
        x.One << count,
        0,
        BitValue.Map(x.Writers, w => w.Writer < 0 ? 0 : w.Bits << count));

    /// <summary><c>x &gt;&gt; k</c> for a constant k; <paramref name="arithmetic"/> copies the sign bit (signed <c>&gt;&gt;</c>).</summary>
    public static BitValue ShiftRight(BitValue x, int count, bool arithmetic)
    {
        if (count == 0)
        {
            return x;
        }

        var high = ~(ulong.MaxValue >> count);
        const ulong sign = 1UL << 63;
        var zero = x.Zero >> count;
        var one = x.One >> count;
        if (!arithmetic || (x.Zero & sign) != 0)
        {
            zero |= high;
        }
        else if ((x.One & sign) != 0)
        {
            one |= high;
        }

        return new BitValue(zero, one, 0, BitValue.Map(x.Writers, w => w.Writer < 0 ? 0 :
            (w.Bits >> count) | (arithmetic && (w.Bits & sign) != 0 ? high : 0)));
    }

    /// <summary>The value as <paramref name="type"/> holds it: truncated to its width, then sign- or zero-extended.</summary>
    public static BitValue Normalize(BitValue x, IntegerType type)
    {
        if (type.Width >= 64)
        {
            return x;
        }

        var mask = type.Mask;
        var high = ~mask;
        var top = 1UL << (type.Width - 1);
        if (!type.Signed)
        {
            return new BitValue(x.Zero | high, x.One & mask, x.Entry & mask, BitValue.Restrict(x.Writers, mask));
        }

        var zero = (x.Zero & mask) | ((x.Zero & top) != 0 ? high : 0);
        var one = (x.One & mask) | ((x.One & top) != 0 ? high : 0);
        var entry = (x.Entry & mask) | ((x.Entry & top) != 0 ? high : 0);
        return new BitValue(zero, one, entry, BitValue.Map(x.Writers, w => (w.Bits & mask) | ((w.Bits & top) != 0 ? high : 0)));
    }
}
