using PteGen.Tests.Infrastructure;
using CsCheck;
using XenPv;
using XenPv.Abis;
using static PteGen.PvDomainKind;

namespace PteGen.Tests.Fixups;

/// <summary>
/// The run-time configuration overloads (docs/xen-pv-abi.md §5): an invalid configuration is refused with
/// <see cref="ArgumentOutOfRangeException"/> by every scalar and batch form (before any entry is touched), and the debug
/// warning follows the configuration passed at run time, not the build configuration.
/// </summary>
[Collection(L1eWarningHookCollection.Name)]
public sealed class RuntimeConfigurationTests(RuntimeConfigurationTests.ExpertDebugProbe expert) : IClassFixture<RuntimeConfigurationTests.ExpertDebugProbe>
{
    /// <summary>Debug|Pke (mutually exclusive), undefined switches alone and mixed with defined ones.</summary>
    public static TheoryData<int> InvalidConfigurations() => [3, 4, 5, 6, 7, 8, 0x10, 1 << 30, int.MinValue, -1];

    /// <summary>ExpertConfig has a third switch, Debug (4), which combines with either of the other two.</summary>
    public static TheoryData<int> InvalidExpertConfigurations() => [3, 7, 8, 0xC, 0x10, 1 << 30, int.MinValue, -1];

    private static readonly ulong[] SomeEntries = [0x0000000123456001UL, 0x0010000000000101UL, 0x8000000000000005UL];

    private static void AssertRefused(Action call)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(call);
        Assert.Equal("configuration", exception.ParamName);
        Assert.Contains("Not a valid configuration", exception.Message);
    }

    /// <summary>Runs a batch form on a table that it must refuse, and checks that no entry was touched.</summary>
    private static void AssertBatchRefused<T>(Func<ulong, T> wrap, Func<T, ulong> unwrap, Action<T[]> adjust)
    {
        foreach (var length in new[] { 0, 1, SomeEntries.Length })
        {
            var entries = SomeEntries.Take(length).Select(wrap).ToArray();
            AssertRefused(() => adjust(entries));
            Assert.Equal(SomeEntries.Take(length), entries.Select(unwrap));
        }
    }

    [Theory]
    [MemberData(nameof(InvalidConfigurations))]
    public void L1eRefusesAnInvalidConfiguration(int value)
    {
        var configuration = (XenConfig)value;
        Assert.False(L1e.IsValid(configuration));
        foreach (var kind in Bits.Kinds)
        {
            AssertRefused(() => L1e.AdjustGuestL1e(new L1e(SomeEntries[0]), kind, configuration));
            AssertBatchRefused(raw => new L1e(raw), entry => entry.Raw, entries => L1e.AdjustGuestL1e(entries.AsSpan(), kind, configuration));
        }
    }

    [Theory]
    [MemberData(nameof(InvalidConfigurations))]
    public void SiblingsRefuseAnInvalidConfiguration(int value)
    {
        var configuration = (XenConfig)value;
        Assert.False(L2e.IsValid(configuration));
        Assert.False(L3e.IsValid(configuration));
        Assert.False(L4e.IsValid(configuration));
        foreach (var kind in Bits.Kinds)
        {
            AssertRefused(() => L2e.AdjustGuestL2e(new L2e(SomeEntries[0]), kind, configuration));
            AssertRefused(() => L3e.AdjustGuestL3e(new L3e(SomeEntries[0]), kind, configuration));
            AssertRefused(() => L4e.AdjustGuestL4e(new L4e(SomeEntries[0]), kind, configuration));
            AssertBatchRefused(raw => new L2e(raw), entry => entry.Raw, entries => L2e.AdjustGuestL2e(entries.AsSpan(), kind, configuration));
            AssertBatchRefused(raw => new L3e(raw), entry => entry.Raw, entries => L3e.AdjustGuestL3e(entries.AsSpan(), kind, configuration));
            AssertBatchRefused(raw => new L4e(raw), entry => entry.Raw, entries => L4e.AdjustGuestL4e(entries.AsSpan(), kind, configuration));
        }
    }

    [Theory]
    [MemberData(nameof(InvalidConfigurations))]
    public void TheNegotiatedAbiRefusesAnInvalidConfiguration(int value)
    {
        var configuration = (XenConfig)value;
        Assert.False(NegotiatedL1e.IsValid(configuration));
        AssertRefused(() => NegotiatedL1e.Negotiate(ulong.MaxValue, configuration));
        foreach (var kind in Bits.Kinds)
        {
            AssertRefused(() => NegotiatedL1e.AdjustGuestL1e(new NegotiatedL1e(SomeEntries[0]), kind, configuration));
            AssertBatchRefused(raw => new NegotiatedL1e(raw), entry => entry.Raw, entries => NegotiatedL1e.AdjustGuestL1e(entries.AsSpan(), kind, configuration));
        }
    }

    [Theory]
    [MemberData(nameof(InvalidExpertConfigurations))]
    public void TheExpertDebugAbiRefusesAnInvalidConfiguration(int value)
    {
        var configuration = (ExpertConfig)value;
        Assert.False(ExpertDebugL1e.IsValid(configuration));
        foreach (var kind in Bits.Kinds)
        {
            AssertRefused(() => ExpertDebugL1e.AdjustGuestL1e(new ExpertDebugL1e(SomeEntries[0]), kind, configuration));
            AssertBatchRefused(raw => new ExpertDebugL1e(raw), entry => entry.Raw, entries => ExpertDebugL1e.AdjustGuestL1e(entries.AsSpan(), kind, configuration));
        }
    }

    [Theory]
    [InlineData(ExpertConfig.Debug)]
    [InlineData(ExpertConfig.Debug | ExpertConfig.PvPteDebug)]
    [InlineData(ExpertConfig.Debug | ExpertConfig.Pke)]
    public void TheExpertDebugAbisOrdinaryDebugBuildIsValidAndChangesNoOwner(ExpertConfig configuration)
    {
        Assert.True(ExpertDebugL1e.IsValid(configuration));
        var withoutDebug = configuration & ~ExpertConfig.Debug;
        Assert.Equal(ExpertDebugL1e.GuestAvailableBits(withoutDebug), ExpertDebugL1e.GuestAvailableBits(configuration));
        Assert.Equal(ExpertDebugL1e.XenReservedBits(withoutDebug), ExpertDebugL1e.XenReservedBits(configuration));
    }

    [Fact]
    public void EveryValidConfigurationIsAccepted()
    {
        foreach (var configuration in Bits.ValidConfigurations)
        {
            Assert.True(L1e.IsValid(configuration));
            Assert.True(L2e.IsValid(configuration));
            Assert.True(L3e.IsValid(configuration));
            Assert.True(L4e.IsValid(configuration));
            Assert.True(NegotiatedL1e.IsValid(configuration));
        }

        Assert.True(ExpertDebugL1e.IsValid(ExpertConfig.None));
        Assert.True(ExpertDebugL1e.IsValid(ExpertConfig.PvPteDebug));
        Assert.True(ExpertDebugL1e.IsValid(ExpertConfig.Pke));
    }

    /// <summary>Rows 12 and 16 of the truth table (present, bit 52 and Global set; User clear and set) on a few backgrounds.</summary>
    private static readonly ulong[] WarningEntries =
    [
        0x0010000000000101UL, // row 12
        0x0010000000000105UL, // row 16
        0x8010000123456163UL, // row 12 with NX, frame, D, A, RW
        0xFFFFFFFFFFFFFFFFUL, // row 16 with every bit
    ];

    [Fact]
    public void TheWarningFollowsTheRuntimeConfiguration()
    {
        using var warnings = new L1eWarningRecorder();
        foreach (var raw in WarningEntries)
        {
            // The sample is built with no configuration (None): only the run-time configuration turns the warning on.
            L1e.AdjustGuestL1e(new L1e(raw), Pv64);
            Assert.Empty(warnings.Entries);

            L1e.AdjustGuestL1e(new L1e(raw), Pv64, XenConfig.None);
            L1e.AdjustGuestL1e(new L1e(raw), Pv64, XenConfig.Pke);
            Assert.Empty(warnings.Entries);

            L1e.AdjustGuestL1e(new L1e(raw), Pv64, XenConfig.Debug);
            Assert.Equal(new[] { raw }, warnings.Entries);

            // Each call decides for itself: nothing carries over from the previous configuration.
            L1e.AdjustGuestL1e(new L1e(raw), Pv64, XenConfig.None);
            Assert.Single(warnings.Entries);

            // Never for 32-bit PV, never for a non-present entry, even under Debug.
            L1e.AdjustGuestL1e(new L1e(raw), Pv32, XenConfig.Debug);
            L1e.AdjustGuestL1e(new L1e(raw & ~Bits.Present), Pv64, XenConfig.Debug);
            Assert.Single(warnings.Entries);
            warnings.Clear();
        }
    }

    [Fact]
    public void TheBatchWarningFollowsTheRuntimeConfiguration()
    {
        using var warnings = new L1eWarningRecorder();
        ulong[] table = [.. WarningEntries, 0x0000000000000001UL, 0x0000000000000105UL, 0x0010000000000100UL, .. WarningEntries];

        foreach (var configuration in Bits.ValidConfigurations)
        {
            foreach (var kind in Bits.Kinds)
            {
                warnings.Clear();
                L1e.AdjustGuestL1e(table.Select(raw => new L1e(raw)).ToArray().AsSpan(), kind, configuration);
                Assert.Equal(configuration == XenConfig.Debug && kind == Pv64 ? [.. WarningEntries, .. WarningEntries] : Array.Empty<ulong>(), warnings.Entries);

                warnings.Clear();
                L1e.AdjustGuestL1e(table.Select(raw => new L1e(raw)).ToArray().AsSpan(), kind);
                Assert.Empty(warnings.Entries);
            }
        }
    }

    /// <summary>Random entries: under Debug the warning fires exactly for present pv64 entries with bit 52 and Global
    /// (rows 12 and 16); under None and Pke never.</summary>
    [Fact]
    public void TheWarningFiresExactlyForRowsTwelveAndSixteenUnderDebug()
    {
        using var warnings = new L1eWarningRecorder();
        Gen.Select(Gen.ULong, Gen.OneOf(Bits.Kinds), Gen.OneOf(Bits.ValidConfigurations)).Sample(
            (raw, kind, configuration) =>
            {
                warnings.Clear();
                L1e.AdjustGuestL1e(new L1e(raw), kind, configuration);
                var row12Or16 = kind == Pv64 && (raw & (Bits.Present | Bits.GuestKernel | Bits.Global)) == (Bits.Present | Bits.GuestKernel | Bits.Global);
                Assert.Equal(configuration == XenConfig.Debug && row12Or16 ? new[] { raw } : [], warnings.Entries);
            },
            iter: 20_000,
            threads: 1, // the recorder listens on this thread only
            print: input => $"{Bits.Hex(input.Item1)}, {input.Item2}, {input.Item3}");
    }

    /// <summary>
    /// The sample's ExpertDebugL1e (<c>WarnWhen = "PvPteDebug"</c>) compiled again with a hook that counts warnings:
    /// it warns under <c>PvPteDebug</c> only, never under None or Pke, and never from the constant overload.
    /// </summary>
    [Fact]
    public void ExpertDebugL1eWarnsOnlyUnderPvPteDebug()
    {
        foreach (var raw in WarningEntries)
        {
            Assert.Equal(new[] { 0UL }, expert.Warnings(raw, Pv64, ExpertConfig.None));
            Assert.Equal(new[] { 1UL }, expert.Warnings(raw, Pv64, ExpertConfig.PvPteDebug));
            Assert.Equal(new[] { 0UL }, expert.Warnings(raw, Pv64, ExpertConfig.Pke));
            Assert.Equal(new[] { 0UL }, expert.Warnings(raw, Pv32, ExpertConfig.PvPteDebug));
            Assert.Equal(new[] { 0UL }, expert.ConstantWarnings(raw, Pv64));
        }

        // Entries that are not rows 12 or 16 never warn, whatever the configuration.
        foreach (var raw in new[] { 0x0010000000000001UL, 0x0000000000000105UL, 0x0010000000000100UL, 0x0000000000000001UL })
        {
            foreach (var configuration in new[] { ExpertConfig.None, ExpertConfig.PvPteDebug, ExpertConfig.Pke })
            {
                Assert.Equal(new[] { 0UL }, expert.Warnings(raw, Pv64, configuration));
            }
        }

        // The batch form: one warning per row-12/16 entry under PvPteDebug, none otherwise.
        ulong[] table = [.. WarningEntries, 0x0000000000000001UL, .. WarningEntries];
        Assert.Equal(8UL, expert.BatchWarnings(table, Pv64, ExpertConfig.PvPteDebug));
        Assert.Equal(0UL, expert.BatchWarnings(table, Pv64, ExpertConfig.None));
        Assert.Equal(0UL, expert.BatchWarnings(table, Pv64, ExpertConfig.Pke));
        Assert.Equal(0UL, expert.BatchWarnings(table, Pv32, ExpertConfig.PvPteDebug));
    }

    /// <summary>samples/XenPv/Abis/ExpertDebugL1e.cs compiled with PteGen plus a part that implements the warning hook.</summary>
    public sealed class ExpertDebugProbe : IDisposable
    {
        private const string Hook = """
            namespace XenPv.Abis
            {
                public readonly partial struct ExpertDebugL1e
                {
                    [System.ThreadStatic] private static int warnings;

                    static partial void OnGlobalKernelPage(ExpertDebugL1e entry) => warnings++;

                    public static ulong[] Probe(ulong raw, int kind, int configuration)
                    {
                        warnings = 0;
                        var adjusted = AdjustGuestL1e(new ExpertDebugL1e(raw), (PteGen.PvDomainKind)kind, (ExpertConfig)configuration);
                        return new[] { adjusted.Raw, (ulong)warnings };
                    }

                    public static ulong[] ProbeConstant(ulong raw, int kind)
                    {
                        warnings = 0;
                        var adjusted = AdjustGuestL1e(new ExpertDebugL1e(raw), (PteGen.PvDomainKind)kind);
                        return new[] { adjusted.Raw, (ulong)warnings };
                    }

                    public static ulong ProbeBatch(ulong[] raws, int kind, int configuration)
                    {
                        warnings = 0;
                        var entries = new ExpertDebugL1e[raws.Length];
                        for (var index = 0; index < raws.Length; index++)
                        {
                            entries[index] = new ExpertDebugL1e(raws[index]);
                        }

                        AdjustGuestL1e(new System.Span<ExpertDebugL1e>(entries), (PteGen.PvDomainKind)kind, (ExpertConfig)configuration);
                        return (ulong)warnings;
                    }
                }
            }
            """;

        private const string TypeName = "XenPv.Abis.ExpertDebugL1e";

        private readonly LoadedCompilation compilation = LoadedCompilation.Load(SampleSource.ExpertDebugL1e, Hook);

        /// <summary>The warning count of one run-time adjustment (checking on the way that the entry is adjusted as
        /// the sample's own ExpertDebugL1e adjusts it).</summary>
        public ulong[] Warnings(ulong raw, PvDomainKind kind, ExpertConfig configuration)
        {
            var result = compilation.Invoke<ulong[]>(TypeName, "Probe", raw, (int)kind, (int)configuration);
            Assert.Equal(ExpertDebugL1e.AdjustGuestL1e(new ExpertDebugL1e(raw), kind, configuration).Raw, result[0]);
            return [result[1]];
        }

        public ulong[] ConstantWarnings(ulong raw, PvDomainKind kind)
        {
            var result = compilation.Invoke<ulong[]>(TypeName, "ProbeConstant", raw, (int)kind);
            Assert.Equal(ExpertDebugL1e.AdjustGuestL1e(new ExpertDebugL1e(raw), kind).Raw, result[0]);
            return [result[1]];
        }

        public ulong BatchWarnings(ulong[] raws, PvDomainKind kind, ExpertConfig configuration) =>
            compilation.Invoke<ulong>(TypeName, "ProbeBatch", raws.ToArray(), (int)kind, (int)configuration);

        public void Dispose() => compilation.Dispose();
    }
}
