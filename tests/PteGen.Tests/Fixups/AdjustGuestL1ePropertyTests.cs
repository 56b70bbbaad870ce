using CsCheck;
using XenPv;

namespace PteGen.Tests.Fixups;

/// <summary>
/// Properties of <c>L1e.AdjustGuestL1e</c> (docs/xen-pv-abi.md §1) over random 64-bit entries, both domain kinds and every valid
/// configuration, and agreement of the <see cref="Span{T}"/> batch forms with the scalar form.
/// </summary>
[Collection(L1eWarningHookCollection.Name)]
public sealed class AdjustGuestL1ePropertyTests
{
    private const long Iterations = 20_000;

    private static readonly Gen<PvDomainKind> Kind = Gen.OneOf(Bits.Kinds);
    private static readonly Gen<XenConfig> Configuration = Gen.OneOf(Bits.ValidConfigurations);

    /// <summary>Random entries; one in four is forced present with bit 52 and Global both clear or both set, to reach
    /// the rarer rows often.</summary>
    private static readonly Gen<ulong> Entry = Gen.Select(Gen.ULong, Gen.Int[0, 3], (raw, shape) => shape switch
    {
        0 => (raw | Bits.Present) & ~(Bits.GuestKernel | Bits.Global),
        1 => raw | Bits.Present | Bits.GuestKernel | Bits.Global,
        _ => raw,
    });

    private static ulong Adjust(ulong raw, PvDomainKind kind, XenConfig configuration) =>
        L1e.AdjustGuestL1e(new L1e(raw), kind, configuration).Raw;

    private static string Print((ulong Raw, PvDomainKind Kind, XenConfig Configuration) input) =>
        $"{Bits.Hex(input.Raw)}, {input.Kind}, {input.Configuration}";

    private static void Check(Action<ulong, PvDomainKind, XenConfig> property) =>
        Gen.Select(Entry, Kind, Configuration).Sample(property, iter: Iterations, print: Print);

    [Fact]
    public void OnlyUserKernelMarkerAndGlobalCanChange() =>
        Check((raw, kind, configuration) =>
        {
            var adjusted = Adjust(raw, kind, configuration);
            Assert.Equal(0UL, (adjusted ^ raw) & ~Bits.L1Adjustable);
        });

    [Fact]
    public void BitsAreOnlyEverAddedNeverCleared() =>
        Check((raw, kind, configuration) => Assert.Equal(raw, Adjust(raw, kind, configuration) & raw));

    [Fact]
    public void PresentPv64OutputAlwaysHasUser() =>
        Check((raw, _, configuration) =>
        {
            var present = raw | Bits.Present;
            Assert.Equal(Bits.User, Adjust(present, PvDomainKind.Pv64, configuration) & Bits.User);
        });

    [Fact]
    public void PresentPv64OutputIsAKernelOrAGlobalMapping() =>
        Check((raw, _, configuration) =>
        {
            // Every adjusted present entry is marked as kernel (bit 52) or is global: Xen never leaves one unclassified.
            var adjusted = Adjust(raw | Bits.Present, PvDomainKind.Pv64, configuration);
            Assert.NotEqual(0UL, adjusted & (Bits.GuestKernel | Bits.Global));
        });

    [Fact]
    public void AnEntryWhoseInputHasTheKernelMarkerNeverGainsGlobal() =>
        Check((raw, kind, configuration) =>
        {
            var marked = raw | Bits.GuestKernel;
            Assert.Equal(marked & Bits.Global, Adjust(marked, kind, configuration) & Bits.Global);
        });

    [Fact]
    public void AdjustIsIdempotent() =>
        Check((raw, kind, configuration) =>
        {
            var once = Adjust(raw, kind, configuration);
            Assert.Equal(once, Adjust(once, kind, configuration));
        });

    [Fact]
    public void Pv32AndNonPresentEntriesComeBackUnchanged() =>
        Check((raw, kind, configuration) =>
        {
            Assert.Equal(raw, Adjust(raw, PvDomainKind.Pv32, configuration));
            Assert.Equal(raw & ~Bits.Present, Adjust(raw & ~Bits.Present, kind, configuration));
        });

    [Fact]
    public void TheConfigurationDoesNotChangeTheResult() =>
        Check((raw, kind, _) =>
        {
            // Only the warning depends on the configuration (docs/xen-pv-abi.md §1: the bits never do).
            var none = Adjust(raw, kind, XenConfig.None);
            Assert.Equal(none, Adjust(raw, kind, XenConfig.Debug));
            Assert.Equal(none, Adjust(raw, kind, XenConfig.Pke));
            Assert.Equal(none, L1e.AdjustGuestL1e(new L1e(raw), kind).Raw);
        });

    public static TheoryData<int> Lengths() => [.. Bits.TableLengths];

    /// <summary>Random tables of each listed length: the batch forms agree with the scalar form, entry by entry.</summary>
    [Theory]
    [MemberData(nameof(Lengths))]
    public void BatchFormsAgreeWithTheScalarForm(int length) =>
        Gen.Select(Entry.Array[length], Kind, Configuration).Sample(CheckBatch, iter: 64, print: PrintTable);

    [Fact]
    public void BatchFormsAgreeWithTheScalarFormOnRandomLengths() =>
        Gen.Select(Entry.Array[0, 1100], Kind, Configuration).Sample(CheckBatch, iter: 400, print: PrintTable);

    private static string PrintTable((ulong[] Raws, PvDomainKind Kind, XenConfig Configuration) input) =>
        $"{input.Raws.Length} entries [{string.Join(", ", input.Raws.Select(Bits.Hex))}], {input.Kind}, {input.Configuration}";

    private static void CheckBatch(ulong[] raws, PvDomainKind kind, XenConfig configuration)
    {
        // Each table sits between two sentinels, which no batch form may touch.
        const ulong Sentinel = 0x0000000000000001UL; // present, no User: the scalar fixup would change it
        var scalarRuntime = raws.Select(raw => Adjust(raw, kind, configuration)).ToArray();
        var scalarConstant = raws.Select(raw => L1e.AdjustGuestL1e(new L1e(raw), kind).Raw).ToArray();

        var runtime = Framed(raws, Sentinel);
        L1e.AdjustGuestL1e(runtime.AsSpan(1, raws.Length), kind, configuration);
        AssertFramed(scalarRuntime, runtime, Sentinel, $"AdjustGuestL1e(Span, {kind}, {configuration})");

        var constant = Framed(raws, Sentinel);
        L1e.AdjustGuestL1e(constant.AsSpan(1, raws.Length), kind);
        AssertFramed(scalarConstant, constant, Sentinel, $"AdjustGuestL1e(Span, {kind})");

        // From a source into a separate destination: the source is left as it was.
        var source = raws.Select(raw => new L1e(raw)).ToArray();
        var runtimeCopy = Framed(new ulong[raws.Length], Sentinel);
        L1e.AdjustGuestL1e(source, runtimeCopy.AsSpan(1, raws.Length), kind, configuration);
        AssertFramed(scalarRuntime, runtimeCopy, Sentinel, $"AdjustGuestL1e(ReadOnlySpan, Span, {kind}, {configuration})");

        var constantCopy = Framed(new ulong[raws.Length], Sentinel);
        L1e.AdjustGuestL1e(source, constantCopy.AsSpan(1, raws.Length), kind);
        AssertFramed(scalarConstant, constantCopy, Sentinel, $"AdjustGuestL1e(ReadOnlySpan, Span, {kind})");
        Assert.Equal(raws, source.Select(entry => entry.Raw));
    }

    [Fact]
    public void TheSourceToDestinationFormRejectsAShortDestination()
    {
        var source = new[] { new L1e(0x1), new L1e(0x1) };
        var error = Assert.Throws<ArgumentException>(() => L1e.AdjustGuestL1e(source, new L1e[1], PvDomainKind.Pv64));
        Assert.Equal("adjusted", error.ParamName);
        Assert.Throws<ArgumentException>(() => L1e.AdjustGuestL1e(source, new L1e[1], PvDomainKind.Pv64, XenConfig.None));

        // A longer destination is fine: only the first entries are written.
        var longer = new L1e[3];
        L1e.AdjustGuestL1e(source, longer, PvDomainKind.Pv64);
        Assert.Equal(new ulong[] { 0x0010000000000005UL, 0x0010000000000005UL, 0 }, longer.Select(entry => entry.Raw));
    }

    private static L1e[] Framed(ulong[] raws, ulong sentinel) =>
        [new L1e(sentinel), .. raws.Select(raw => new L1e(raw)), new L1e(sentinel)];

    private static void AssertFramed(ulong[] expected, L1e[] framed, ulong sentinel, string form)
    {
        Assert.Equal(sentinel, framed[0].Raw);
        Assert.Equal(sentinel, framed[^1].Raw);
        for (var index = 0; index < expected.Length; index++)
        {
            var actual = framed[index + 1].Raw;
            Assert.True(
                expected[index] == actual,
                $"{form}, entry {index} of {expected.Length}: batch gave {Bits.Hex(actual)}, scalar gave {Bits.Hex(expected[index])}");
        }
    }
}
