using PteGen.Tests.Fixups;
using static PteGen.Tests.Infrastructure.DiagnosticAssert;

namespace PteGen.Tests.Diagnostics;

/// <summary>
/// Declarations the validator used to accept silently, each with a twin that must stay accepted: a claim that holds in
/// no valid configuration (PTE023), switches enum members that are negative or combine bits that are no switch
/// (PTE015), and the guest-write check of an entry whose Present claim depends on the configuration.
/// </summary>
public sealed class ValidatorGapTests
{
    private const string Prelude = """
        using System;
        using PteGen;

        namespace Test;


        """;

    private const string ExclusiveConfig = """
        [PteSwitches]
        [MutuallyExclusive(Config.Debug, Config.Pke)]
        [Flags]
        public enum Config { None = 0, Debug = 1, Pke = 2 }


        """;

    private const string FreeConfig = """
        [PteSwitches]
        [Flags]
        public enum Config { None = 0, Debug = 1, Pke = 2 }


        """;

    /// <summary>Bit 62 is Xen's under Debug and the guest's otherwise; bit 63 is claimed as <paramref name="claim63"/>.</summary>
    private static string Entry(string config, string claim63) => Prelude + config + $$"""
        [PteLayout(typeof(Config))]
        public readonly partial struct Entry
        {
            [Hardware(0, 61)] public partial ulong Low { get; }
            [XenReserved(62, When = "Debug")] public partial bool GrantMapping { get; }
            [GuestAvailable(62, When = "!Debug")] public partial bool Software62 { get; }
            [Hardware(63)] public partial bool NoExecute { get; }
            {{claim63}}
        }
        """;

    // ---------------------------------------------------------------------------------------------------------------
    // PTE023: a claim that holds in no valid configuration.

    [Fact]
    public void Pte023_AContradiction()
    {
        var message = ReportsOnlyAndCompiles("PTE023", Entry(ExclusiveConfig, "[[|GuestAvailable(63, When = \"Debug && !Debug\")|]] public partial bool Never { get; }"));
        Assert.Equal(
            "'Never' (GuestAvailable bit 63, when Debug && !Debug) holds in no valid configuration of 'Entry': its condition is false whatever switches are on; fix the condition, or remove the claim",
            message);
    }

    [Fact]
    public void Pte023_ACombinationMutuallyExclusiveRulesOut()
    {
        var message = ReportsOnlyAndCompiles("PTE023", Entry(ExclusiveConfig, "[[|Hardware(63, When = \"Debug && Pke\")|]] public partial bool Both { get; }"));
        Assert.Equal(
            "'Both' (Hardware bit 63, when Debug && Pke) holds in no valid configuration of 'Entry': its condition holds only under configuration Debug|Pke, which [MutuallyExclusive(Debug, Pke)] rules out; fix the condition, or remove the claim",
            message);
    }

    [Fact]
    public void Pte023_NamesEveryGroupThatRulesTheConditionOut()
    {
        var source = Prelude + """
            [PteSwitches]
            [MutuallyExclusive(Config.A, Config.B)]
            [MutuallyExclusive(Config.B, Config.C)]
            [Flags]
            public enum Config { None = 0, A = 1, B = 2, C = 4 }

            [PteLayout(typeof(Config))]
            public readonly partial struct Entry
            {
                [Hardware(0, 63)] public partial ulong All { get; }
                [[|XenReserved(5, When = "B && (A || C)")|]] public partial bool Never { get; }
            }
            """;
        var message = ReportsOnlyAndCompiles("PTE023", source);
        Assert.Equal(
            "'Never' (XenReserved bit 5, when B && (A || C)) holds in no valid configuration of 'Entry': its condition holds only under configurations A|B, B|C, A|B|C, which [MutuallyExclusive(A, B)] and [MutuallyExclusive(B, C)] rule out; fix the condition, or remove the claim",
            message);
    }

    [Fact]
    public void Pte023_Negative_ClaimsThatHoldSomewhere()
    {
        // Debug && !Pke holds under Debug; without the exclusion, Debug && Pke holds under Debug|Pke.
        Valid(Entry(ExclusiveConfig, "[XenReserved(63, When = \"Debug && !Pke\")] public partial bool DebugOnly { get; }").Replace(
            "[Hardware(63)] public partial bool NoExecute { get; }",
            "[Hardware(63, When = \"!(Debug && !Pke)\")] public partial bool NoExecute { get; }",
            StringComparison.Ordinal));
        Valid(Entry(FreeConfig, "[XenReserved(63, When = \"Debug && Pke\")] public partial bool Both { get; }").Replace(
            "[Hardware(63)] public partial bool NoExecute { get; }",
            "[Hardware(63, When = \"!Debug || !Pke\")] public partial bool NoExecute { get; }",
            StringComparison.Ordinal));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // PTE015: negative members are switches by their bits; a member with a bit no switch has is an error.

    /// <summary>A layout whose bit 62 is Xen's when <c>Top</c> is on, over an enum with the given underlying type and <c>Top</c>.</summary>
    private static string TopSwitchLayout(string underlying, string top) => Prelude + $$"""
        [PteSwitches]
        [MutuallyExclusive(Config.Debug, Config.Top)]
        [Flags]
        public enum Config : {{underlying}} { None = 0, Debug = 1, Top = {{top}} }

        [PteLayout(typeof(Config))]
        public readonly partial struct Entry
        {
            [Hardware(0, 61)] public partial ulong Low { get; }
            [XenReserved(62, When = "Top")] public partial bool TopOnly { get; }
            [GuestAvailable(62, When = "!Top")] public partial bool Software62 { get; }
            [Hardware(63)] public partial bool NoExecute { get; }
        }

        public static class Probe
        {
            public static ulong XenReserved(long configuration) => Entry.XenReservedBits((Config)configuration);

            public static bool IsValid(long configuration) => Entry.IsValid((Config)configuration);
        }
        """;

    [Theory]
    [InlineData("int", "int.MinValue", 31)]
    [InlineData("long", "long.MinValue", 63)]
    [InlineData("sbyte", "sbyte.MinValue", 7)]
    public void Pte015_Negative_ANegativeSingleBitMemberIsASwitch(string underlying, string top, int bit)
    {
        var source = TopSwitchLayout(underlying, top);
        Valid(source);
        using var loaded = LoadedCompilation.Load(source);
        long topValue = bit == 63 ? long.MinValue : -(1L << bit);
        Assert.Equal(1UL << 62, loaded.Invoke<ulong>("Test.Probe", "XenReserved", topValue));
        Assert.Equal(0UL, loaded.Invoke<ulong>("Test.Probe", "XenReserved", 1L));
        Assert.True(loaded.Invoke<bool>("Test.Probe", "IsValid", topValue));
        Assert.False(loaded.Invoke<bool>("Test.Probe", "IsValid", topValue | 1L)); // Debug and Top are exclusive
    }

    [Fact]
    public void Pte015_AMemberWithBitsThatAreNoSwitch()
    {
        var message = ReportsOnlyAndCompiles("PTE015", Prelude + """
            [PteSwitches]
            [Flags]
            public enum Config { None = 0, Debug = 1, Pke = 2, [|Odd|] = 12 }

            [PteLayout(typeof(Config))]
            public readonly partial struct Entry
            {
                [Hardware(0, 62)] public partial ulong Low { get; }
                [Hardware(63, When = "Debug")] public partial bool High { get; }
                [GuestAvailable(63, When = "!Debug")] public partial bool Software63 { get; }
            }
            """);
        Assert.Equal(
            "The switches enum 'Config' has the member 'Odd' = 12 (bits 2-3), which is neither a switch (a single bit) nor a combination of switches: bits 2-3 are no switch of the enum; give each switch its own member, or remove 'Odd'",
            message);
    }

    [Theory]
    [InlineData("int", "-1", "-1 (bits 0-31)", "bits 2-31 are")]
    [InlineData("long", "long.MinValue | 1", "-9223372036854775807 (bits 0 and 63)", "bit 63 is")]
    [InlineData("short", "-4", "-4 (bits 2-15)", "bits 2-15 are")]
    public void Pte015_ANegativeMemberWithBitsThatAreNoSwitch(string underlying, string value, string described, string strays)
    {
        var message = ReportsOnlyAndCompiles("PTE015", Prelude + $$"""
            [PteSwitches]
            [Flags]
            public enum Config : {{underlying}} { None = 0, Debug = 1, Pke = 2, [|All|] = {{value}} }

            [PteLayout(typeof(Config))]
            public readonly partial struct Entry
            {
                [Hardware(0, 62)] public partial ulong Low { get; }
                [Hardware(63, When = "Debug")] public partial bool High { get; }
                [GuestAvailable(63, When = "!Debug")] public partial bool Software63 { get; }
            }
            """);
        Assert.Equal(
            $"The switches enum 'Config' has the member 'All' = {described}, which is neither a switch (a single bit) nor a combination of switches: {strays} no switch of the enum; give each switch its own member, or remove 'All'",
            message);
    }

    [Fact]
    public void Pte015_Negative_CombinationsOfSwitchesAndAliases()
    {
        Valid(Prelude + """
            [PteSwitches]
            [Flags]
            public enum Config : int { None = 0, Debug = 1, Pke = 2, Top = int.MinValue, Both = Debug | Pke, Everything = Debug | Pke | Top, Dbg = Debug }

            [PteLayout(typeof(Config))]
            public readonly partial struct Entry
            {
                [Hardware(0, 62)] public partial ulong Low { get; }
                [Hardware(63, When = "Debug || Top")] public partial bool High { get; }
                [GuestAvailable(63, When = "!Debug && !Top")] public partial bool Software63 { get; }
            }
            """);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // GuestWriteViolations: a Present claim with a condition is tested exactly where it holds.

    /// <summary>
    /// Bit 62 is Xen's (refused) throughout; bit 0 is Present unless Pv, and the guest's under Pv. With
    /// <paramref name="presentUnderPv"/>, bit 1 is Present under Pv (and the guest's otherwise).
    /// </summary>
    private static string ConditionalPresentLayout(bool presentUnderPv)
    {
        var bit1 = presentUnderPv
            ? "[Hardware(1, Role = PteRole.Present, When = \"Pv\")] public partial bool PvPresent { get; }\n"
                + "    [GuestAvailable(1, When = \"!Pv\")] public partial bool Software1 { get; }"
            : "[Hardware(1)] public partial bool Bit1 { get; }";
        return Prelude + $$"""
            [PteSwitches]
            [Flags]
            public enum Config { None = 0, Pv = 1 }

            [PteLayout(typeof(Config))]
            public readonly partial struct Entry
            {
                [Hardware(0, Role = PteRole.Present, When = "!Pv")] public partial bool Present { get; }
                [GuestAvailable(0, When = "Pv")] public partial bool Software0 { get; }
                {{bit1}}
                [Hardware(2, 61)] public partial ulong Middle { get; }
                [XenReserved(62)] public partial bool Reserved { get; }
                [Hardware(63)] public partial bool High { get; }
            }

            public static class Probe
            {
                public static ulong Violations(ulong raw, int configuration) => new Entry(raw).GuestWriteViolations((Config)configuration);
            }
            """;
    }

    private const int None = 0;
    private const int Pv = 1;
    private const ulong Bit0 = 1UL << 0;
    private const ulong Bit1 = 1UL << 1;
    private const ulong Bit62 = 1UL << 62;

    [Fact]
    public void GuestWriteViolations_TestsAConditionalPresentClaimWhereItHolds()
    {
        using var loaded = LoadedCompilation.Load(ConditionalPresentLayout(presentUnderPv: false));
        ulong Violations(ulong raw, int configuration) => loaded.Invoke<ulong>("Test.Probe", "Violations", raw, configuration);

        // Without Pv, bit 0 is Present: a non-present entry is never checked, a present one is.
        Assert.Equal(0UL, Violations(Bit62, None));
        Assert.Equal(Bit62, Violations(Bit0 | Bit62, None));

        // Under Pv no claim holds Present: every entry is checked, whatever bit 0 says.
        Assert.Equal(Bit62, Violations(Bit62, Pv));
        Assert.Equal(Bit62, Violations(Bit0 | Bit62, Pv));
        Assert.Equal(0UL, Violations(Bit0 | Bit1, Pv));
    }

    [Fact]
    public void GuestWriteViolations_TestsEachConditionalPresentClaimWhereItHolds()
    {
        using var loaded = LoadedCompilation.Load(ConditionalPresentLayout(presentUnderPv: true));
        ulong Violations(ulong raw, int configuration) => loaded.Invoke<ulong>("Test.Probe", "Violations", raw, configuration);

        Assert.Equal(0UL, Violations(Bit62, None));
        Assert.Equal(0UL, Violations(Bit1 | Bit62, None)); // bit 1 is the guest's here, not Present
        Assert.Equal(Bit62, Violations(Bit0 | Bit62, None));

        Assert.Equal(0UL, Violations(Bit62, Pv));
        Assert.Equal(0UL, Violations(Bit0 | Bit62, Pv)); // bit 0 is the guest's here, not Present
        Assert.Equal(Bit62, Violations(Bit1 | Bit62, Pv));
    }

    [Fact]
    public void GuestWriteViolations_Negative_AnUnconditionalPresentClaimIsTestedInEveryConfiguration()
    {
        var source = ConditionalPresentLayout(presentUnderPv: false)
            .Replace("[Hardware(0, Role = PteRole.Present, When = \"!Pv\")]", "[Hardware(0, Role = PteRole.Present)]", StringComparison.Ordinal)
            .Replace("[GuestAvailable(0, When = \"Pv\")] public partial bool Software0 { get; }", "", StringComparison.Ordinal);
        var outcome = Valid(source);
        // Generated lines are wrapped at 140 characters: the member is compared without its line breaks.
        Assert.Contains(
            "public ulong GuestWriteViolations(global::Test.Config configuration) => (__raw & PresentMask) != 0 ? __raw & GuestRefusedBits(configuration) : 0;",
            System.Text.RegularExpressions.Regex.Replace(outcome.Generated["Test.Entry.g.cs"], @"\s+", " "),
            StringComparison.Ordinal);

        using var loaded = LoadedCompilation.Load(source);
        foreach (var configuration in new[] { None, Pv })
        {
            Assert.Equal(0UL, loaded.Invoke<ulong>("Test.Probe", "Violations", Bit62, configuration));
            Assert.Equal(Bit62, loaded.Invoke<ulong>("Test.Probe", "Violations", Bit0 | Bit62, configuration));
        }
    }
}
