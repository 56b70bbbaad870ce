extern alias Generators;

using Microsoft.CodeAnalysis;
using static PteGen.Tests.Infrastructure.UsageHarness;
using GuestUsageAnalyzer = Generators::PteGen.Generators.Usage.GuestUsageAnalyzer;

namespace PteGen.Tests.Usage;

/// <summary>
/// PTE102: a <c>[GuestSoftwareBits(typeof(L1e))]</c> constant or flags enum uses a bit that is not guest-available in
/// every configuration the guest may run under; the diagnostic carries <c>MoveTo</c>, the lowest portable bit its
/// siblings leave free.
/// </summary>
public sealed class SoftwareBitTests
{
    private const string Bit62Owners = "bit 62 is Xen's (GrantMapping) under configuration Debug and the hardware's (ProtectionKey) under configuration Pke";
    private const string Bit52Owners = "bit 52 is Xen's (GuestKernel) in every configuration (None, Debug, Pke)";

    private static string Message(string name, string bits, string owners, string advice) =>
        $"'{name}' uses {bits} as a software bit of 'L1e', but it is not portable: {owners}{advice}";

    private static string MoveTo(int bit) => $"; bit {bit} is guest-available in every configuration";

    private const string NoBitLeft = "; no bit that is guest-available in every configuration is left for it";

    private static string? MoveToProperty(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(GuestUsageAnalyzer.MoveToProperty, out var value) ? value : null;

    [Fact]
    public void Bit62IsNotPortable_XenUnderDebugAndHardwareUnderPke()
    {
        var run = Run(Members("""
                [GuestSoftwareBits(typeof(L1e))]
                public const ulong [|Pinned = 1UL << 62|];
            """));
        var diagnostic = run.ExpectSingle("PTE102", Message("Pinned", "bit 62", Bit62Owners, MoveTo(9)));
        Assert.Equal("9", MoveToProperty(diagnostic));
        run.ExpectNone("PTE101", "PTE104");
    }

    [Fact]
    public void Bit52IsXensInEveryConfiguration()
    {
        var run = Run(Members("""
                [GuestSoftwareBits(typeof(L1e))]
                internal const ulong [|Mine = 1UL << 52|];
            """));
        var diagnostic = run.ExpectSingle("PTE102", Message("Mine", "bit 52", Bit52Owners, MoveTo(9)));
        Assert.Equal("9", MoveToProperty(diagnostic));
    }

    [Fact]
    public void TheMoveTargetSkipsBitsUsedBySiblings()
    {
        var run = Run(Members("""
                [GuestSoftwareBits(typeof(L1e))]
                public const ulong IoMapping = 1UL << 9;

                [GuestSoftwareBits(typeof(L1e))]
                public const ulong [|Pinned = 1UL << 62|];

                [GuestSoftwareBits(typeof(L1e))]
                public const ulong Special = 1UL << 57;
            """));
        var diagnostic = run.ExpectSingle("PTE102", Message("Pinned", "bit 62", Bit62Owners, MoveTo(10)));
        Assert.Equal("10", MoveToProperty(diagnostic));
    }

    [Fact]
    public void FlagsEnumMembersAreCheckedOneByOne()
    {
        var run = Run("""
            using System;
            using PteGen;
            using XenPv;

            namespace Guest;

            [GuestSoftwareBits(typeof(L1e))]
            [Flags]
            public enum MyBits : ulong
            {
                None = 0,
                A = 1UL << 9,
                [|B = 1UL << 62|],
                C = 1UL << 57,
                [|D = 1UL << 52|],
            }
            """);
        var found = run.Expect(
            "PTE102",
            Message("B", "bit 62", Bit62Owners, MoveTo(10)),
            Message("D", "bit 52", Bit52Owners, MoveTo(10)));
        Assert.All(found, d => Assert.Equal("10", MoveToProperty(d)));
    }

    [Fact]
    public void AMultiBitMaskNamesEveryCollidingBitAndOffersNoMove()
    {
        var run = Run(Members("""
                [GuestSoftwareBits(typeof(L1e))]
                public const ulong [|Wide = (1UL << 9) | (1UL << 52) | (1UL << 62)|];
            """));
        var diagnostic = run.ExpectSingle(
            "PTE102",
            "'Wide' uses bits 52 and 62 as a software bit of 'L1e', but it is not portable: "
                + "bit 52 is Xen's (GuestKernel) in every configuration (None, Debug, Pke); " + Bit62Owners);
        Assert.Null(MoveToProperty(diagnostic));
    }

    [Fact]
    public void NoPortableBitLeft_TheMessageSaysSoAndThereIsNoMoveTo()
    {
        var run = Run(Members("""
                [GuestSoftwareBits(typeof(L1e))] public const ulong S9 = 1UL << 9;
                [GuestSoftwareBits(typeof(L1e))] public const ulong S10 = 1UL << 10;
                [GuestSoftwareBits(typeof(L1e))] public const ulong S11 = 1UL << 11;
                [GuestSoftwareBits(typeof(L1e))] public const ulong S53 = 1UL << 53;
                [GuestSoftwareBits(typeof(L1e))] public const ulong S54 = 1UL << 54;
                [GuestSoftwareBits(typeof(L1e))] public const ulong S55 = 1UL << 55;
                [GuestSoftwareBits(typeof(L1e))] public const ulong S56 = 1UL << 56;
                [GuestSoftwareBits(typeof(L1e))] public const ulong S57 = 1UL << 57;
                [GuestSoftwareBits(typeof(L1e))] public const ulong S58 = 1UL << 58;
                [GuestSoftwareBits(typeof(L1e))] public const ulong [|Pinned = 1UL << 62|];
            """));
        var diagnostic = run.ExpectSingle("PTE102", Message("Pinned", "bit 62", Bit62Owners, NoBitLeft));
        Assert.Null(MoveToProperty(diagnostic));
    }

    [Fact]
    public void TheMoveTargetMustFitTheDeclaredType()
    {
        // A uint constant cannot hold bits 53-58: with 9-11 taken there is no bit left for it.
        var run = Run(Members("""
                [GuestSoftwareBits(typeof(L1e))] public const uint Low9 = 1U << 9;
                [GuestSoftwareBits(typeof(L1e))] public const uint Low10 = 1U << 10;
                [GuestSoftwareBits(typeof(L1e))] public const uint Low11 = 1U << 11;
                [GuestSoftwareBits(typeof(L1e))] public const uint [|Low3 = 1U << 3|];
            """));
        var diagnostic = run.ExpectSingle(
            "PTE102",
            "'Low3' uses bit 3 as a software bit of 'L1e', but it is not portable: bit 3 is the hardware's (WriteThrough) in every configuration (None, Debug, Pke)" + NoBitLeft);
        Assert.Null(MoveToProperty(diagnostic));
    }

    [Theory]
    [InlineData("1UL << 9")]
    [InlineData("1UL << 57")]
    [InlineData("(1UL << 9) | (1UL << 10) | (1UL << 11) | (1UL << 53)")]
    [InlineData("0x0700000000000E00UL")] // bits 9-11 and 56-58
    public void PortableBitsAreNotReported(string value)
    {
        Run(Members($$"""
                [GuestSoftwareBits(typeof(L1e))]
                public const ulong Mine = {{value}};
            """)).ExpectClean();
    }

    [Fact]
    public void PortableEnumMembersAndUnmarkedConstantsAreNotReported()
    {
        Run("""
            using System;
            using PteGen;
            using XenPv;

            namespace Guest;

            [GuestSoftwareBits(typeof(L1e))]
            [Flags]
            public enum MyBits : ulong { None = 0, A = 1UL << 9, B = 1UL << 57, Both = A | B }

            public static class Unmarked
            {
                public const ulong NotASoftwareBit = 1UL << 62; // no [GuestSoftwareBits]: not a declaration of guest bits
            }
            """).ExpectClean();
    }

    [Fact]
    public void UnderNoneBit62IsGuestAvailableAndNotReported()
    {
        Run(
            Members("""
                [GuestSoftwareBits(typeof(L1e))]
                public const ulong Pinned = 1UL << 62;
            """),
            UsageSettings.Config("None")).ExpectClean();
    }

    [Fact]
    public void UnderDebugBit62IsXens()
    {
        var run = Run(
            Members("""
                [GuestSoftwareBits(typeof(L1e))]
                public const ulong [|Pinned = 1UL << 62|];
            """),
            UsageSettings.Config("Debug"));
        run.ExpectSingle("PTE102", Message("Pinned", "bit 62", "bit 62 is Xen's (GrantMapping) under configuration Debug", MoveTo(9)));
    }

    [Fact]
    public void UnderPkeBits59To62AreTheHardwares()
    {
        var run = Run(
            Members("""
                [GuestSoftwareBits(typeof(L1e))]
                public const ulong [|Pinned = 1UL << 62|];

                [GuestSoftwareBits(typeof(L1e))]
                public const ulong [|Key = 1UL << 59|];

                [GuestSoftwareBits(typeof(L1e))]
                public const ulong Fine = 1UL << 9;
            """),
            UsageSettings.Config("Pke"));
        run.Expect(
            "PTE102",
            Message("Pinned", "bit 62", "bit 62 is the hardware's (ProtectionKey) under configuration Pke", MoveTo(10)),
            Message("Key", "bit 59", "bit 59 is the hardware's (ProtectionKey) under configuration Pke", MoveTo(10)));
    }

    [Fact]
    public void UnderNoneBits59To61AreGuestAvailable()
    {
        Run(
            Members("""
                [GuestSoftwareBits(typeof(L1e))]
                public const ulong Key = 1UL << 59;
            """),
            UsageSettings.Config("None")).ExpectClean();
    }
}
