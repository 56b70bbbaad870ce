using XenPv;
using static PteGen.PvDomainKind;

namespace PteGen.Tests.Fixups;

/// <summary>
/// <c>L1e.AdjustGuestL1e</c> over every combination of Present × User × kernel marker (bit 52) × Global × domain kind ×
/// valid configuration, against the truth table of <c>docs/xen-pv-abi.md</c> §1,
/// written out below row by row. Every combination is checked on entries whose other bits vary (frame, NX, RW, A, D,
/// PWT/PCD/PAT, bits 9-11 and 53-62, ...), which must come back unchanged.
/// </summary>
[Collection(L1eWarningHookCollection.Name)]
public sealed class AdjustGuestL1eTableTests
{
    /// <summary>One row of the truth table.</summary>
    /// <param name="Number">The row number in the truth table of <c>docs/xen-pv-abi.md</c> §1 (17-32: the same 16 inputs in a 32-bit PV domain).</param>
    /// <param name="P">Input Present (bit 0).</param>
    /// <param name="U">Input User (bit 2).</param>
    /// <param name="K">Input kernel marker, <c>_PAGE_GUEST_KERNEL</c> (bit 52).</param>
    /// <param name="G">Input Global (bit 8).</param>
    /// <param name="Kind">The domain kind.</param>
    /// <param name="OutP">Output Present.</param>
    /// <param name="OutU">Output User.</param>
    /// <param name="OutK">Output kernel marker.</param>
    /// <param name="OutG">Output Global.</param>
    /// <param name="WarnNone">Warning under configuration None (a release build: never).</param>
    /// <param name="WarnDebug">Warning under configuration Debug (a debug build: rows 12 and 16 only).</param>
    /// <param name="WarnPke">Warning under configuration Pke (not a debug build: never).</param>
    public sealed record Row(
        int Number, int P, int U, int K, int G, PvDomainKind Kind, int OutP, int OutU, int OutK, int OutG, int WarnNone, int WarnDebug, int WarnPke)
    {
        public ulong Input => Flags(P, U, K, G);

        public ulong Output => Flags(OutP, OutU, OutK, OutG);

        public bool WarnsUnder(XenConfig configuration) => configuration switch
        {
            XenConfig.None => WarnNone == 1,
            XenConfig.Debug => WarnDebug == 1,
            XenConfig.Pke => WarnPke == 1,
            _ => throw new ArgumentOutOfRangeException(nameof(configuration)),
        };

        private static ulong Flags(int p, int u, int k, int g) =>
            (p == 1 ? Bits.Present : 0) | (u == 1 ? Bits.User : 0) | (k == 1 ? Bits.GuestKernel : 0) | (g == 1 ? Bits.Global : 0);
    }

    /// <summary>The truth table, transcribed from <c>docs/xen-pv-abi.md</c> §1.</summary>
    public static readonly Row[] Table =
    [
        //  #   P  U  K  G  domain  → P  U  K  G   warn: None Debug Pke
        // 64-bit PV domain.
        new(1,  0, 0, 0, 0, Pv64,     0, 0, 0, 0,        0,   0,    0), // not present: untouched
        new(2,  0, 0, 0, 1, Pv64,     0, 0, 0, 1,        0,   0,    0),
        new(3,  0, 0, 1, 0, Pv64,     0, 0, 1, 0,        0,   0,    0),
        new(4,  0, 0, 1, 1, Pv64,     0, 0, 1, 1,        0,   0,    0), // no warning: not present
        new(5,  0, 1, 0, 0, Pv64,     0, 1, 0, 0,        0,   0,    0),
        new(6,  0, 1, 0, 1, Pv64,     0, 1, 0, 1,        0,   0,    0),
        new(7,  0, 1, 1, 0, Pv64,     0, 1, 1, 0,        0,   0,    0),
        new(8,  0, 1, 1, 1, Pv64,     0, 1, 1, 1,        0,   0,    0),
        new(9,  1, 0, 0, 0, Pv64,     1, 1, 1, 0,        0,   0,    0), // kernel mapping: +U +K
        new(10, 1, 0, 0, 1, Pv64,     1, 1, 1, 1,        0,   0,    0), // kernel with G: +U +K, G kept, no warning
        new(11, 1, 0, 1, 0, Pv64,     1, 1, 1, 0,        0,   0,    0), // kernel (guest set bit 52): +U
        new(12, 1, 0, 1, 1, Pv64,     1, 1, 1, 1,        0,   1,    0), // kernel with G: +U, G kept, WARNING
        new(13, 1, 1, 0, 0, Pv64,     1, 1, 0, 1,        0,   0,    0), // user mapping: +G
        new(14, 1, 1, 0, 1, Pv64,     1, 1, 0, 1,        0,   0,    0), // user mapping, already global
        new(15, 1, 1, 1, 0, Pv64,     1, 1, 1, 0,        0,   0,    0), // U and K: treated as kernel, no G added
        new(16, 1, 1, 1, 1, Pv64,     1, 1, 1, 1,        0,   1,    0), // as 15 with G: G kept, WARNING
        // 32-bit PV (compat) domain: always unchanged, never a warning.
        new(17, 0, 0, 0, 0, Pv32,     0, 0, 0, 0,        0,   0,    0),
        new(18, 0, 0, 0, 1, Pv32,     0, 0, 0, 1,        0,   0,    0),
        new(19, 0, 0, 1, 0, Pv32,     0, 0, 1, 0,        0,   0,    0),
        new(20, 0, 0, 1, 1, Pv32,     0, 0, 1, 1,        0,   0,    0),
        new(21, 0, 1, 0, 0, Pv32,     0, 1, 0, 0,        0,   0,    0),
        new(22, 0, 1, 0, 1, Pv32,     0, 1, 0, 1,        0,   0,    0),
        new(23, 0, 1, 1, 0, Pv32,     0, 1, 1, 0,        0,   0,    0),
        new(24, 0, 1, 1, 1, Pv32,     0, 1, 1, 1,        0,   0,    0),
        new(25, 1, 0, 0, 0, Pv32,     1, 0, 0, 0,        0,   0,    0),
        new(26, 1, 0, 0, 1, Pv32,     1, 0, 0, 1,        0,   0,    0),
        new(27, 1, 0, 1, 0, Pv32,     1, 0, 1, 0,        0,   0,    0),
        new(28, 1, 0, 1, 1, Pv32,     1, 0, 1, 1,        0,   0,    0),
        new(29, 1, 1, 0, 0, Pv32,     1, 1, 0, 0,        0,   0,    0),
        new(30, 1, 1, 0, 1, Pv32,     1, 1, 0, 1,        0,   0,    0),
        new(31, 1, 1, 1, 0, Pv32,     1, 1, 1, 0,        0,   0,    0),
        new(32, 1, 1, 1, 1, Pv32,     1, 1, 1, 1,        0,   0,    0),
    ];

    /// <summary>
    /// The other 60 bits of the entries each row is checked on: none of P, U, G or bit 52 (checked by
    /// <see cref="BackgroundsLeaveTheFourTableBitsClear"/>), and everything else in some combination.
    /// </summary>
    public static readonly ulong[] Backgrounds =
    [
        0x0000000000000000UL, // nothing else
        0xFFEFFFFFFFFFFEFAUL, // every other bit: RW, PWT, PCD, A, D, PAT, 9-11, the frame, 53-62, NX
        0x8000000123456062UL, // NX, frame 0x123456, D, A, RW
        0x7FE0000000000E00UL, // bits 9-11 and 53-62 (the software bits, including the grant marker 62)
        0x4000000000000000UL, // bit 62 alone (_PAGE_GNTTAB in debug builds)
        0x0000000000000098UL, // PWT, PCD, PAT
        0x000FFFFFFFFFF000UL, // the whole frame field
        0x0020000000000002UL, // bit 53 (next to the marker) and RW
        0xA5A5A5A5A5A5A4A0UL, // a pattern
        0x5A4A5A5A5A5A5A5AUL, // its complement, minus P, U, G and bit 52
    ];

    public static TheoryData<int, XenConfig> RowsAndConfigurations()
    {
        var data = new TheoryData<int, XenConfig>();
        foreach (var row in Table)
        {
            foreach (var configuration in Bits.ValidConfigurations)
            {
                data.Add(row.Number, configuration);
            }
        }

        return data;
    }

    public static TheoryData<int> Rows() => [.. Table.Select(row => row.Number)];

    private static Row RowNumber(int number) => Table.Single(row => row.Number == number);

    [Fact]
    public void TheTableHasEveryCombinationOnce()
    {
        Assert.Equal(32, Table.Length);
        Assert.Equal(Enumerable.Range(1, 32), Table.Select(row => row.Number));
        foreach (var kind in Bits.Kinds)
        {
            var inputs = Table.Where(row => row.Kind == kind).Select(row => row.Input).ToHashSet();
            Assert.Equal(16, inputs.Count);
        }
    }

    [Fact]
    public void BackgroundsLeaveTheFourTableBitsClear()
    {
        foreach (var background in Backgrounds)
        {
            Assert.Equal(0UL, background & (Bits.Present | Bits.L1Adjustable));
        }

        Assert.Equal(~(Bits.Present | Bits.L1Adjustable), Backgrounds[1]);
    }

    [Fact]
    public void TheWarningRowsAreTwelveAndSixteenUnderDebugOnly()
    {
        Assert.Equal(new[] { 12, 16 }, Table.Where(row => row.WarnDebug == 1).Select(row => row.Number));
        Assert.DoesNotContain(Table, row => row.WarnNone == 1 || row.WarnPke == 1);
    }

    /// <summary>The run-time overload, <c>AdjustGuestL1e(entry, kind, configuration)</c>, and its warning.</summary>
    [Theory]
    [MemberData(nameof(RowsAndConfigurations))]
    public void RuntimeOverloadFollowsTheTable(int number, XenConfig configuration)
    {
        var row = RowNumber(number);
        using var warnings = new L1eWarningRecorder();
        foreach (var background in Backgrounds)
        {
            warnings.Clear();
            var input = background | row.Input;
            var expected = background | row.Output;

            var actual = L1e.AdjustGuestL1e(new L1e(input), row.Kind, configuration).Raw;

            Assert.True(
                expected == actual,
                $"row {number}, {row.Kind}, {configuration}: AdjustGuestL1e({Bits.Hex(input)}) = {Bits.Hex(actual)}, expected {Bits.Hex(expected)}");
            if (row.WarnsUnder(configuration))
            {
                // Exactly one warning, about the entry as the guest submitted it (not the adjusted one).
                Assert.Equal(new[] { input }, warnings.Entries);
            }
            else
            {
                Assert.Empty(warnings.Entries);
            }
        }
    }

    /// <summary>
    /// The constant overload, <c>AdjustGuestL1e(entry, kind)</c>: the sample's build configuration is empty, that is
    /// None (a release build), so it follows the None column and never warns.
    /// </summary>
    [Theory]
    [MemberData(nameof(Rows))]
    public void ConstantOverloadFollowsTheTableUnderNone(int number)
    {
        var row = RowNumber(number);
        using var warnings = new L1eWarningRecorder();
        foreach (var background in Backgrounds)
        {
            var input = background | row.Input;
            var expected = background | row.Output;

            var actual = L1e.AdjustGuestL1e(new L1e(input), row.Kind).Raw;

            Assert.True(
                expected == actual,
                $"row {number}, {row.Kind}, build configuration None: AdjustGuestL1e({Bits.Hex(input)}) = {Bits.Hex(actual)}, expected {Bits.Hex(expected)}");
        }

        Assert.Equal(0, row.WarnNone);
        Assert.Empty(warnings.Entries);
    }

    /// <summary>The batch forms over the whole table at once: same outputs, and the warnings in table order.</summary>
    [Theory]
    [InlineData(XenConfig.None)]
    [InlineData(XenConfig.Debug)]
    [InlineData(XenConfig.Pke)]
    public void BatchOverloadsFollowTheTable(XenConfig configuration)
    {
        using var warnings = new L1eWarningRecorder();
        foreach (var kind in Bits.Kinds)
        {
            var rows = Table.Where(row => row.Kind == kind).ToArray();
            var inputs = Backgrounds.SelectMany(background => rows.Select(row => background | row.Input)).ToArray();
            var expected = Backgrounds.SelectMany(background => rows.Select(row => background | row.Output)).ToArray();
            var expectedWarnings = Backgrounds
                .SelectMany(background => rows.Where(row => row.WarnsUnder(configuration)).Select(row => background | row.Input))
                .ToArray();

            warnings.Clear();
            var runtime = inputs.Select(raw => new L1e(raw)).ToArray();
            L1e.AdjustGuestL1e(runtime.AsSpan(), kind, configuration);
            Assert.Equal(expected, runtime.Select(entry => entry.Raw));
            Assert.Equal(expectedWarnings, warnings.Entries);

            warnings.Clear();
            var constant = inputs.Select(raw => new L1e(raw)).ToArray();
            L1e.AdjustGuestL1e(constant.AsSpan(), kind);
            Assert.Equal(expected, constant.Select(entry => entry.Raw));
            Assert.Empty(warnings.Entries);
        }
    }

    /// <summary>The consequences docs/xen-pv-abi.md §1 singles out, each as one concrete entry.</summary>
    [Fact]
    public void TheNamedConsequencesHold()
    {
        using var warnings = new L1eWarningRecorder();

        // A kernel entry submitted with Global but without bit 52 keeps Global and logs nothing (row 10).
        var kernelGlobal = 0x8000000123456163UL; // NX, frame, D, A, G, RW, P
        Assert.Equal(0x8010000123456167UL, L1e.AdjustGuestL1e(new L1e(kernelGlobal), Pv64, XenConfig.Debug).Raw);
        Assert.Empty(warnings.Entries);

        // User and bit 52 both set: a kernel entry, no Global added (row 15).
        Assert.Equal(0x0010000123456067UL, L1e.AdjustGuestL1e(new L1e(0x0010000123456067UL), Pv64, XenConfig.Debug).Raw);

        // A user mapping becomes global (row 13); a plain kernel mapping gets User and bit 52 (row 9).
        Assert.Equal(0x0000000123456167UL, L1e.AdjustGuestL1e(new L1e(0x0000000123456067UL), Pv64, XenConfig.None).Raw);
        Assert.Equal(0x0010000123456067UL, L1e.AdjustGuestL1e(new L1e(0x0000000123456063UL), Pv64, XenConfig.None).Raw);

        // Grant mappings built by Xen (P|A|D|GNTTAB|NX, plus U for an application map) are rows 9 and 13.
        Assert.Equal(0xC010000000001065UL, L1e.AdjustGuestL1e(new L1e(0xC000000000001061UL), Pv64, XenConfig.Debug).Raw);
        Assert.Equal(0xC000000000001165UL, L1e.AdjustGuestL1e(new L1e(0xC000000000001065UL), Pv64, XenConfig.Debug).Raw);

        // The warning looks at the input: row 12's entry gets User, but the hook sees it without.
        Assert.Empty(warnings.Entries);
        Assert.Equal(0x0010000000000105UL, L1e.AdjustGuestL1e(new L1e(0x0010000000000101UL), Pv64, XenConfig.Debug).Raw);
        Assert.Equal(new[] { 0x0010000000000101UL }, warnings.Entries);
    }
}
