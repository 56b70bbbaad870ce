using Microsoft.CodeAnalysis;
using static PteGen.Tests.Infrastructure.UsageHarness;

namespace PteGen.Tests.Usage;

/// <summary>
/// PTE102 with the declaration model of the guest profiles: <c>Feature</c> and <c>FeatureNeverOffered</c> (a use Xen
/// never lets reach the layout is not reported, but its bits stay taken), and one declaration checked against several
/// layouts (today's <c>L1e</c> and the 2005-2008 <c>L1e2005</c> of samples/XenPv), each with its own configurations,
/// the suggested bit portable in all of them.
/// </summary>
public sealed class ConditionalSoftwareBitTests
{
    private const string Bit62Owners = "bit 62 is Xen's (GrantMapping) under configuration Debug and the hardware's (ProtectionKey) under configuration Pke";

    private static readonly MetadataReference SampleLayouts = MetadataReference.CreateFromFile(typeof(XenPv.L1e).Assembly.Location);

    private static GuestRun RunOverSampleLayouts(string members, string? configuration) => Run(
        $$"""
        using PteGen;
        using XenPv;
        using XenPv.Historical;

        namespace Guest;

        public static class Bits
        {
        {{members}}
        }
        """,
        UsageSettings.Config(configuration),
        referenceLayouts: false,
        extraReferences: [SampleLayouts]);

    /// <summary>
    /// Thousands of colliding constants in one type: each is reported once with the same suggestion, and the type is
    /// read in one pass (the bits of the siblings are a union, not a walk of every sibling per constant), so the
    /// analysis stays well within a minute where a walk per constant would take far longer.
    /// </summary>
    [Fact]
    public void FiveThousandCollidingConstants_AreEachReportedOnce_InOnePassOverTheType()
    {
        const int count = 5_000;
        var members = string.Join("\n", Enumerable.Range(0, count).Select(index =>
            $"    [GuestSoftwareBits(typeof(L1e))] public const ulong Key{index} = 1UL << 62;"));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var run = RunOverSampleLayouts(members, configuration: null);
        watch.Stop();
        var reported = run.Of("PTE102");
        Assert.Equal(count, reported.Count);
        Assert.All(reported, d => Assert.EndsWith("; bit 9 is guest-available in every configuration", d.GetMessage(), StringComparison.Ordinal));
        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(1), $"{count} constants took {watch.Elapsed}.");
    }

    [Fact]
    public void AUseWhoseFeatureIsNeverOffered_IsNotReported()
    {
        var run = Run(Members("""
                [GuestSoftwareBits(typeof(L1e), Feature = "PKU", FeatureNeverOffered = true)]
                public const ulong KeyBit3 = 1UL << 62;
            """));
        run.ExpectNone("PTE102");
    }

    [Fact]
    public void AFeatureThatIsOffered_IsStillReported_TheTwin()
    {
        var run = Run(Members("""
                [GuestSoftwareBits(typeof(L1e), Feature = "PKU")]
                public const ulong [|KeyBit3 = 1UL << 62|];
            """));
        run.ExpectSingle("PTE102", $"'KeyBit3' uses bit 62 as a software bit of 'L1e', but it is not portable: {Bit62Owners}; bit 9 is guest-available in every configuration");
    }

    [Fact]
    public void ANeverOfferedSibling_StillTakesItsBitFromTheSuggestion()
    {
        var run = Run(Members("""
                [GuestSoftwareBits(typeof(L1e), Feature = "bhyve EPT tables", FeatureNeverOffered = true)]
                public const ulong EptModified = 1UL << 9;

                [GuestSoftwareBits(typeof(L1e))]
                public const ulong [|Pinned = 1UL << 62|];
            """));
        run.ExpectSingle("PTE102", $"'Pinned' uses bit 62 as a software bit of 'L1e', but it is not portable: {Bit62Owners}; bit 10 is guest-available in every configuration");
    }

    [Fact]
    public void AFlagsEnumWhoseFeatureIsNeverOffered_IsNotReported_ItsTwinIs()
    {
        var run = Run("""
            using System;
            using PteGen;
            using XenPv;

            namespace Guest;

            [GuestSoftwareBits(typeof(L1e), Feature = "PKU", FeatureNeverOffered = true)]
            [Flags]
            public enum Keys : ulong { None = 0, Key1 = 1UL << 59, Key8 = 1UL << 62 }

            [GuestSoftwareBits(typeof(L1e))]
            [Flags]
            public enum Mine : ulong { None = 0, [|Pinned = 1UL << 62|] }
            """);
        run.ExpectSingle("PTE102", $"'Pinned' uses bit 62 as a software bit of 'L1e', but it is not portable: {Bit62Owners}; bit 9 is guest-available in every configuration");
    }

    [Fact]
    public void SeveralLayouts_EachIsCheckedUnderItsOwnConfiguration()
    {
        // Bit 11 is the guest's in today's L1e, and Xen's debug grant bit in L1e2005.
        var run = RunOverSampleLayouts("""
                [GuestSoftwareBits(typeof(L1e))]
                [GuestSoftwareBits(typeof(L1e2005))]
                public const ulong Wired = 1UL << 9;

                [GuestSoftwareBits(typeof(L1e))]
                [GuestSoftwareBits(typeof(L1e2005))]
                public const ulong PvList = 1UL << 10;

                [GuestSoftwareBits(typeof(L1e))]
                [GuestSoftwareBits(typeof(L1e2005))]
                public const ulong [|Executable = 1UL << 11|];
            """, "Debug");

        // 52 is free in L1e2005 but Xen's in L1e, so the suggestion is 53, portable in both.
        run.ExpectSingle("PTE102", "'Executable' uses bit 11 as a software bit of 'L1e2005', but it is not portable: bit 11 is Xen's (GrantMapping) under configuration Debug; bit 53 is guest-available in every configuration");
    }

    [Fact]
    public void SeveralLayouts_UnderNone_NothingCollides()
    {
        var run = RunOverSampleLayouts("""
                [GuestSoftwareBits(typeof(L1e))]
                [GuestSoftwareBits(typeof(L1e2005))]
                public const ulong Executable = 1UL << 11;
            """, "None");
        run.ExpectNone("PTE102");
    }

    [Fact]
    public void OneLayoutOnly_TheOtherIsNotChecked_TheTwin()
    {
        var run = RunOverSampleLayouts("""
                [GuestSoftwareBits(typeof(L1e))]
                public const ulong Executable = 1UL << 11;
            """, "Debug");
        run.ExpectNone("PTE102");
    }

    [Fact]
    public void TheSameLayoutTwice_IsReportedOnce()
    {
        var run = RunOverSampleLayouts("""
                [GuestSoftwareBits(typeof(L1e2005))]
                [GuestSoftwareBits(typeof(L1e2005))]
                public const ulong [|Executable = 1UL << 11|];
            """, "Debug");
        run.ExpectSingle("PTE102", "'Executable' uses bit 11 as a software bit of 'L1e2005', but it is not portable: bit 11 is Xen's (GrantMapping) under configuration Debug; bit 9 is guest-available in every configuration");
    }

    [Fact]
    public void SeveralLayouts_NeverOfferedInOne_ReportedInTheOther()
    {
        var run = RunOverSampleLayouts("""
                [GuestSoftwareBits(typeof(L1e), Feature = "PKU", FeatureNeverOffered = true)]
                [GuestSoftwareBits(typeof(L1e2005))]
                public const ulong [|Key3 = 1UL << 11|];
            """, "Debug");
        run.ExpectSingle("PTE102", "'Key3' uses bit 11 as a software bit of 'L1e2005', but it is not portable: bit 11 is Xen's (GrantMapping) under configuration Debug; bit 9 is guest-available in every configuration");
    }
}
