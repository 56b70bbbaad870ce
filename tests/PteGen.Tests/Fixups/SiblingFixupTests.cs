using CsCheck;
using XenPv;
using static PteGen.PvDomainKind;

namespace PteGen.Tests.Fixups;

/// <summary>
/// <c>AdjustGuestL2e</c>, <c>AdjustGuestL3e</c> and <c>AdjustGuestL4e</c> (docs/xen-pv-abi.md §1, "Siblings"):
/// L2 adds User to present entries of 64-bit PV domains only; L3 adds User to present entries (User|RW for 32-bit PV);
/// L4 adds Accessed to every present entry, plus User for 64-bit PV. Non-present entries and every other bit are
/// unchanged, and the batch forms agree with the scalar ones.
/// </summary>
public sealed class SiblingFixupTests
{
    /// <summary>One level's generated fixup overloads, over raw values.</summary>
    public sealed record Level(
        int Number,
        Func<ulong, PvDomainKind, ulong> Constant,
        Func<ulong, PvDomainKind, XenConfig, ulong> Runtime,
        Action<ulong[], int, int, PvDomainKind> BatchConstant,
        Action<ulong[], int, int, PvDomainKind, XenConfig> BatchRuntime)
    {
        public override string ToString() => $"L{Number}";
    }

    private static readonly Level L2 = new(
        2,
        (raw, kind) => L2e.AdjustGuestL2e(new L2e(raw), kind).Raw,
        (raw, kind, configuration) => L2e.AdjustGuestL2e(new L2e(raw), kind, configuration).Raw,
        (raws, start, length, kind) => Batch<L2e>(raws, start, length, raw => new L2e(raw), entry => entry.Raw, span => L2e.AdjustGuestL2e(span, kind)),
        (raws, start, length, kind, configuration) => Batch<L2e>(raws, start, length, raw => new L2e(raw), entry => entry.Raw, span => L2e.AdjustGuestL2e(span, kind, configuration)));

    private static readonly Level L3 = new(
        3,
        (raw, kind) => L3e.AdjustGuestL3e(new L3e(raw), kind).Raw,
        (raw, kind, configuration) => L3e.AdjustGuestL3e(new L3e(raw), kind, configuration).Raw,
        (raws, start, length, kind) => Batch<L3e>(raws, start, length, raw => new L3e(raw), entry => entry.Raw, span => L3e.AdjustGuestL3e(span, kind)),
        (raws, start, length, kind, configuration) => Batch<L3e>(raws, start, length, raw => new L3e(raw), entry => entry.Raw, span => L3e.AdjustGuestL3e(span, kind, configuration)));

    private static readonly Level L4 = new(
        4,
        (raw, kind) => L4e.AdjustGuestL4e(new L4e(raw), kind).Raw,
        (raw, kind, configuration) => L4e.AdjustGuestL4e(new L4e(raw), kind, configuration).Raw,
        (raws, start, length, kind) => Batch<L4e>(raws, start, length, raw => new L4e(raw), entry => entry.Raw, span => L4e.AdjustGuestL4e(span, kind)),
        (raws, start, length, kind, configuration) => Batch<L4e>(raws, start, length, raw => new L4e(raw), entry => entry.Raw, span => L4e.AdjustGuestL4e(span, kind, configuration)));

    private static readonly Level[] Levels = [L2, L3, L4];

    private delegate void SpanAction<T>(Span<T> span);

    /// <summary>Adjusts <c>raws[start..start+length]</c> in place through a typed span.</summary>
    private static void Batch<T>(ulong[] raws, int start, int length, Func<ulong, T> wrap, Func<T, ulong> unwrap, SpanAction<T> adjust)
    {
        var entries = raws.Select(wrap).ToArray();
        adjust(entries.AsSpan(start, length));
        for (var index = 0; index < raws.Length; index++)
        {
            raws[index] = unwrap(entries[index]);
        }
    }

    /// <summary>The bits each level adds to a present entry, per domain kind (docs/xen-pv-abi.md §1, written out).</summary>
    private static ulong AddedToPresent(int level, PvDomainKind kind) => (level, kind) switch
    {
        (2, Pv64) => 0x0000000000000004UL, // User
        (2, Pv32) => 0x0000000000000000UL, // nothing
        (3, Pv64) => 0x0000000000000004UL, // User
        (3, Pv32) => 0x0000000000000006UL, // User | RW
        (4, Pv64) => 0x0000000000000024UL, // Accessed | User
        (4, Pv32) => 0x0000000000000020UL, // Accessed
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    private static Level LevelNumber(int number) => Levels.Single(level => level.Number == number);

    public static TheoryData<int, PvDomainKind, ulong, ulong> Examples() => new()
    {
        // level, kind, input, expected output (literal)
        { 2, Pv64, 0x8000000123456003UL, 0x8000000123456007UL }, // present, RW: +U
        { 2, Pv64, 0x8000000123456002UL, 0x8000000123456002UL }, // not present: unchanged
        { 2, Pv32, 0x8000000123456003UL, 0x8000000123456003UL }, // 32-bit PV: unchanged
        { 2, Pv64, 0x7FF0000000000E25UL, 0x7FF0000000000E25UL }, // already User: unchanged
        { 3, Pv64, 0x0000000123456001UL, 0x0000000123456005UL }, // present: +U
        { 3, Pv32, 0x0000000123456001UL, 0x0000000123456007UL }, // present, 32-bit PV: +U +RW
        { 3, Pv32, 0x0000000123456000UL, 0x0000000123456000UL }, // not present: unchanged
        { 3, Pv32, 0xFFFFFFFFFFFFFFF9UL, 0xFFFFFFFFFFFFFFFFUL }, // everything else set: +U +RW
        { 4, Pv64, 0x0000000123456001UL, 0x0000000123456025UL }, // present: +A +U
        { 4, Pv32, 0x0000000123456001UL, 0x0000000123456021UL }, // present, 32-bit PV: +A
        { 4, Pv64, 0xFFFFFFFFFFFFFFDAUL, 0xFFFFFFFFFFFFFFDAUL }, // not present: unchanged
        { 4, Pv32, 0x8000000000000007UL, 0x8000000000000027UL }, // +A, User kept
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void LiteralExamples(int level, PvDomainKind kind, ulong input, ulong expected)
    {
        var fixup = LevelNumber(level);
        Assert.Equal(expected, fixup.Constant(input, kind));
        foreach (var configuration in Bits.ValidConfigurations)
        {
            Assert.Equal(expected, fixup.Runtime(input, kind, configuration));
        }
    }

    public static TheoryData<int, PvDomainKind> LevelsAndKinds() => new()
    {
        { 2, Pv64 }, { 2, Pv32 }, { 3, Pv64 }, { 3, Pv32 }, { 4, Pv64 }, { 4, Pv32 },
    };

    /// <summary>Random entries: a present entry gets exactly its level's bits, a non-present one nothing.</summary>
    [Theory]
    [MemberData(nameof(LevelsAndKinds))]
    public void AddsExactlyTheLevelsBitsToPresentEntriesOnly(int level, PvDomainKind kind)
    {
        var fixup = LevelNumber(level);
        var added = AddedToPresent(level, kind);
        Gen.Select(Gen.ULong, Gen.OneOf(Bits.ValidConfigurations)).Sample(
            (raw, configuration) =>
            {
                var present = raw | Bits.Present;
                var absent = raw & ~Bits.Present;
                Assert.Equal(present | added, fixup.Constant(present, kind));
                Assert.Equal(present | added, fixup.Runtime(present, kind, configuration));
                Assert.Equal(absent, fixup.Constant(absent, kind));
                Assert.Equal(absent, fixup.Runtime(absent, kind, configuration));
            },
            iter: 10_000,
            print: input => $"{fixup} {kind}: {Bits.Hex(input.Item1)}, {input.Item2}");
    }

    [Theory]
    [MemberData(nameof(LevelsAndKinds))]
    public void IsIdempotent(int level, PvDomainKind kind)
    {
        var fixup = LevelNumber(level);
        Gen.ULong.Sample(
            raw => Assert.Equal(fixup.Constant(raw, kind), fixup.Constant(fixup.Constant(raw, kind), kind)),
            iter: 5_000,
            print: Bits.Hex);
    }

    public static TheoryData<int, int> LevelsAndLengths()
    {
        var data = new TheoryData<int, int>();
        foreach (var level in new[] { 2, 3, 4 })
        {
            foreach (var length in Bits.TableLengths)
            {
                data.Add(level, length);
            }
        }

        return data;
    }

    /// <summary>The batch forms agree with the scalar form on random tables, and touch nothing outside their span.</summary>
    [Theory]
    [MemberData(nameof(LevelsAndLengths))]
    public void BatchFormsAgreeWithTheScalarForm(int level, int length)
    {
        var fixup = LevelNumber(level);
        Gen.Select(Gen.ULong.Array[length], Gen.OneOf(Bits.Kinds), Gen.OneOf(Bits.ValidConfigurations)).Sample(
            (raws, kind, configuration) => CheckBatch(fixup, raws, kind, configuration),
            iter: 32,
            print: input => $"{fixup}: {input.Item1.Length} entries [{string.Join(", ", input.Item1.Select(Bits.Hex))}], {input.Item2}, {input.Item3}");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void BatchFormsAgreeWithTheScalarFormOnRandomLengths(int level)
    {
        var fixup = LevelNumber(level);
        Gen.Select(Gen.ULong.Array[0, 1100], Gen.OneOf(Bits.Kinds), Gen.OneOf(Bits.ValidConfigurations)).Sample(
            (raws, kind, configuration) => CheckBatch(fixup, raws, kind, configuration),
            iter: 200,
            print: input => $"{fixup}: {input.Item1.Length} entries, {input.Item2}, {input.Item3}");
    }

    private static void CheckBatch(Level fixup, ulong[] raws, PvDomainKind kind, XenConfig configuration)
    {
        // A present entry without User, A or RW at each end: any fixup would change it if it reached it.
        const ulong Sentinel = 0x0000000000000001UL;
        ulong[] Framed() => [Sentinel, .. raws, Sentinel];

        var expectedConstant = raws.Select(raw => fixup.Constant(raw, kind)).ToArray();
        var expectedRuntime = raws.Select(raw => fixup.Runtime(raw, kind, configuration)).ToArray();

        ulong[] framedConstant = [Sentinel, .. expectedConstant, Sentinel];
        var constant = Framed();
        fixup.BatchConstant(constant, 1, raws.Length, kind);
        Assert.Equal(framedConstant, constant);

        ulong[] framedRuntime = [Sentinel, .. expectedRuntime, Sentinel];
        var runtime = Framed();
        fixup.BatchRuntime(runtime, 1, raws.Length, kind, configuration);
        Assert.Equal(framedRuntime, runtime);
    }
}
