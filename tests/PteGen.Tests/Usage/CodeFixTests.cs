extern alias CodeFixes;

using static PteGen.Tests.Infrastructure.UsageHarness;
using MoveSoftwareBitCodeFix = CodeFixes::PteGen.CodeFixes.MoveSoftwareBitCodeFix;
using UseAccessorCodeFix = CodeFixes::PteGen.CodeFixes.UseAccessorCodeFix;

namespace PteGen.Tests.Usage;

/// <summary>
/// The code fixes, applied through a workspace, with the exact text before and after: PTE104 to the generated
/// accessor, PTE102 to the lowest portable bit no sibling uses (and no fix when none is left).
/// </summary>
public sealed class CodeFixTests
{
    private static void AssertFixed(string expected, FixOutcome outcome)
    {
        Assert.NotNull(outcome.Fixed);
        Assert.Equal(expected.ReplaceLineEndings(), outcome.Fixed!.ReplaceLineEndings());
    }

    [Theory]
    [InlineData("return new L1e(e.Raw | L1e.PresentMask);", "return e.WithPresent(true);")]
    [InlineData("return new L1e(e.Raw & ~L1e.DirtyMask);", "return e.WithDirty(false);")]
    [InlineData("return (e.Raw & L1e.DirtyMask) != 0;", "return e.Dirty;")]
    [InlineData("return (e.Raw & L1e.DirtyMask) == 0;", "return !e.Dirty;")]
    [InlineData("if ((e.Raw & L1e.AccessedMask) == 0) { return 1; } return 0;", "if (!e.Accessed) { return 1; } return 0;")]
    [InlineData("var clean = (e.Raw & L1e.DirtyMask) == 0 && e.Present; return clean;", "var clean = (!e.Dirty) && e.Present; return clean;")]
    [InlineData("return ((e.Raw & L1e.DirtyMask) == 0).ToString();", "return (!e.Dirty).ToString();")]
    [InlineData("table[i] = new L1e(table[i].Raw | L1e.GlobalMask); return null;", "table[i] = table[i].WithGlobal(true); return null;")]
    [InlineData("return new L1e(e.Raw | L1e.WritableMask).Raw;", "return e.WithWritable(true).Raw;")]
    [InlineData("return new L1e(_entry.Raw & ~L1e.NoExecuteMask);", "return _entry.WithNoExecute(false);")]
    public void UseAccessor(string before, string after)
    {
        var outcome = CodeFixHarness.Fix(Body(before), new UseAccessorCodeFix(), "PTE104");
        AssertFixed(Body(after), outcome);
        Run(outcome.Fixed!).ExpectNone("PTE104");
    }

    /// <summary>The receiver keeps its parentheses: <c>(a ? b : c).Raw</c> is not <c>a ? b : c.Raw</c>.</summary>
    [Theory]
    [InlineData("return new L1e((i > 0 ? e : _entry).Raw | L1e.PresentMask);", "return (i > 0 ? e : _entry).WithPresent(true);")]
    [InlineData("return (((L1e)_entry).Raw & L1e.DirtyMask) != 0;", "return ((L1e)_entry).Dirty;")]
    public void UseAccessorKeepsTheReceiverIntact(string before, string after)
    {
        var outcome = CodeFixHarness.Fix(Body(before), new UseAccessorCodeFix(), "PTE104");
        AssertFixed(Body(after), outcome);
        Run(outcome.Fixed!).ExpectNone("PTE104");
    }

    [Fact]
    public void MoveAConstToTheLowestFreePortableBit()
    {
        const string Before = """
                [GuestSoftwareBits(typeof(L1e))]
                public const ulong IoMapping = 1UL << 9;

                [GuestSoftwareBits(typeof(L1e))]
                public const ulong Pinned = 1UL << 62; // pinned by the guest
            """;
        const string After = """
                [GuestSoftwareBits(typeof(L1e))]
                public const ulong IoMapping = 1UL << 9;

                [GuestSoftwareBits(typeof(L1e))]
                public const ulong Pinned = 1UL << 10; // pinned by the guest
            """;
        var outcome = CodeFixHarness.Fix(Members(Before), new MoveSoftwareBitCodeFix(), "PTE102");
        Assert.Equal("Move to bit 10, guest-available in every configuration", outcome.Actions.Single().Title);
        AssertFixed(Members(After), outcome);
        Run(outcome.Fixed!).ExpectClean();
    }

    [Fact]
    public void MoveAnEnumMember()
    {
        const string Before = """
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
                B = 1UL << 62,
            }
            """;
        var outcome = CodeFixHarness.Fix(Before, new MoveSoftwareBitCodeFix(), "PTE102");
        AssertFixed(Before.Replace("B = 1UL << 62,", "B = 1UL << 10,", StringComparison.Ordinal), outcome);
        Run(outcome.Fixed!).ExpectClean();
    }

    [Fact]
    public void MoveAnIntEnumMemberKeepsItsType()
    {
        const string Before = """
            using System;
            using PteGen;
            using XenPv;

            namespace Guest;

            [GuestSoftwareBits(typeof(L1e))]
            [Flags]
            public enum Small { A = 1 << 9, B = 1 << 3, C = 1 << 10 }
            """;
        var outcome = CodeFixHarness.Fix(Before, new MoveSoftwareBitCodeFix(), "PTE102");
        AssertFixed(Before.Replace("B = 1 << 3", "B = 1 << 11", StringComparison.Ordinal), outcome);
        Run(outcome.Fixed!).ExpectClean();
    }

    [Fact]
    public void MoveOneDeclaratorOfSeveral()
    {
        var outcome = CodeFixHarness.Fix(
            Members("""
                [GuestSoftwareBits(typeof(L1e))]
                public const ulong First = 1UL << 9, Kernel = 0x0010000000000000UL, Second = 1UL << 10;
            """),
            new MoveSoftwareBitCodeFix(),
            "PTE102");
        AssertFixed(
            Members("""
                [GuestSoftwareBits(typeof(L1e))]
                public const ulong First = 1UL << 9, Kernel = 1UL << 11, Second = 1UL << 10;
            """),
            outcome);
    }

    [Fact]
    public void MoveUnderAConfigurationUsesItsPortableBits()
    {
        // Under Pke bits 59-62 are the protection key; bit 59 moves to the lowest bit guest-available under Pke.
        var outcome = CodeFixHarness.Fix(
            Members("""
                [GuestSoftwareBits(typeof(L1e))] public const ulong A = 1UL << 9;
                [GuestSoftwareBits(typeof(L1e))] public const ulong B = 1UL << 10;
                [GuestSoftwareBits(typeof(L1e))] public const ulong C = 1UL << 11;
                [GuestSoftwareBits(typeof(L1e))] public const ulong Key = 1UL << 59;
            """),
            new MoveSoftwareBitCodeFix(),
            "PTE102",
            UsageSettings.Config("Pke"));
        AssertFixed(
            Members("""
                [GuestSoftwareBits(typeof(L1e))] public const ulong A = 1UL << 9;
                [GuestSoftwareBits(typeof(L1e))] public const ulong B = 1UL << 10;
                [GuestSoftwareBits(typeof(L1e))] public const ulong C = 1UL << 11;
                [GuestSoftwareBits(typeof(L1e))] public const ulong Key = 1UL << 53;
            """),
            outcome);
    }

    [Fact]
    public void NoBitLeft_NoCodeActionIsRegistered()
    {
        var outcome = CodeFixHarness.Fix(
            Members("""
                [GuestSoftwareBits(typeof(L1e))] public const ulong S9 = 1UL << 9;
                [GuestSoftwareBits(typeof(L1e))] public const ulong S10 = 1UL << 10;
                [GuestSoftwareBits(typeof(L1e))] public const ulong S11 = 1UL << 11;
                [GuestSoftwareBits(typeof(L1e))] public const ulong S53 = 1UL << 53;
                [GuestSoftwareBits(typeof(L1e))] public const ulong S54 = 1UL << 54;
                [GuestSoftwareBits(typeof(L1e))] public const ulong S55 = 1UL << 55;
                [GuestSoftwareBits(typeof(L1e))] public const ulong S56 = 1UL << 56;
                [GuestSoftwareBits(typeof(L1e))] public const ulong S57 = 1UL << 57;
                [GuestSoftwareBits(typeof(L1e))] public const ulong S58 = 1UL << 58;
                [GuestSoftwareBits(typeof(L1e))] public const ulong Pinned = 1UL << 62;
            """),
            new MoveSoftwareBitCodeFix(),
            "PTE102");
        Assert.EndsWith("; no bit that is guest-available in every configuration is left for it", outcome.Diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(outcome.Actions);
        Assert.Null(outcome.Fixed);
    }

    [Fact]
    public void NoBitLeftInAnEnum_NoCodeActionIsRegistered()
    {
        var outcome = CodeFixHarness.Fix(
            """
            using System;
            using PteGen;
            using XenPv;

            namespace Guest;

            [GuestSoftwareBits(typeof(L1e))]
            [Flags]
            public enum Full : ulong
            {
                Low = 0xE00,
                High = 0x07E0000000000000,
                Pinned = 1UL << 62,
            }
            """,
            new MoveSoftwareBitCodeFix(),
            "PTE102");
        Assert.Equal("Pinned", outcome.Diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Split('\'')[1]);
        Assert.Empty(outcome.Actions);
    }

    [Fact]
    public void AMultiBitMaskGetsNoCodeAction()
    {
        var outcome = CodeFixHarness.Fix(
            Members("""
                [GuestSoftwareBits(typeof(L1e))]
                public const ulong Wide = (1UL << 52) | (1UL << 62);
            """),
            new MoveSoftwareBitCodeFix(),
            "PTE102");
        Assert.Empty(outcome.Actions);
    }
}
