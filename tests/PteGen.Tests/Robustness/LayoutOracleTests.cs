using System.Collections.Immutable;

namespace PteGen.Tests.Robustness;

/// <summary>The oracle of <see cref="RandomLayoutTests"/> on cases whose answer is known, so the judge is checked too.</summary>
public sealed class LayoutOracleTests
{
    private static readonly Dictionary<string, ulong> Switches = new() { ["Debug"] = 1, ["Pke"] = 2, ["class"] = 4 };

    [Theory]
    [InlineData("Debug", true)]
    [InlineData("!Pke && !Debug", true)]
    [InlineData("!!Debug", true)]
    [InlineData(" ( Debug\t||\n(Pke) ) && !class ", true)]
    [InlineData("", true)]
    [InlineData("  \t", true)]
    [InlineData("&&", false)]
    [InlineData("(", false)]
    [InlineData("Debug &", false)]
    [InlineData("Debug | Pke", false)]
    [InlineData("Debug Pke", false)]
    [InlineData("(Debug))", false)]
    [InlineData("debug", false)]
    [InlineData("None", false)]
    [InlineData("@class", false)]
    [InlineData("Cfg.Debug", false)]
    public void ReadsConditionsByTheRulesOfTheDesign(string text, bool valid)
    {
        ConditionReader.Read(text, Switches, out var problem);
        Assert.Equal(valid, problem is null);
    }

    [Fact]
    public void RefusesNestingDeeperThanTheDocumentedLimitWithoutRecursingFurther()
    {
        ConditionReader.Read(new string('(', 40) + "Debug" + new string(')', 40), Switches, out var shallow);
        ConditionReader.Read(new string('!', 100_000) + "Debug", Switches, out var deep);
        Assert.Null(shallow);
        Assert.NotNull(deep);
    }

    [Fact]
    public void EvaluatesConditionsPerConfiguration()
    {
        var condition = ConditionReader.Read("!Pke && !Debug || class", Switches, out _)!;
        Assert.True(condition.Holds(0));
        Assert.False(condition.Holds(1));
        Assert.True(condition.Holds(1 | 4));
    }

    [Fact]
    public void JudgesTheDesignExampleValidAndItsBrokenVariantsInvalid()
    {
        var valid = DesignExample();
        var verdict = LayoutOracle.Judge(valid);
        Assert.True(verdict.IsValid, string.Join("; ", verdict.Reasons));
        Assert.Equal(0x1UL << 52, verdict.FixedBits(Owner.XenReserved));

        // Without the GrantMapping claim, bit 62 has no owner under Debug.
        Assert.False(LayoutOracle.Judge(valid with { Claims = valid.Claims.RemoveAt(valid.Claims.Length - 2) }).IsValid);

        // Without the MutuallyExclusive group, Debug|Pke is a configuration in which bit 62 has two owners.
        Assert.False(LayoutOracle.Judge(valid with { Switches = valid.Switches with { Groups = [] } }).IsValid);

        // A signed type, a bool for several bits, an unknown switch, a role on the wrong owner.
        Assert.False(LayoutOracle.Judge(WithClaim(valid, 9, c => c with { Type = FieldType.Signed[0] })).IsValid);
        Assert.False(LayoutOracle.Judge(WithClaim(valid, 9, c => c with { Type = FieldType.Bool })).IsValid);
        Assert.False(LayoutOracle.Judge(WithClaim(valid, 9, c => c with { When = "Pke && Smep" })).IsValid);
        Assert.False(LayoutOracle.Judge(WithClaim(valid, 9, c => c with { Role = 1 })).IsValid);

        // Level 1 asks for the L1 fixup, which needs Present, User, Global and GuestKernel in every configuration: the
        // example has them. Hiding the kernel marker under Debug (the seed discussion's objection) breaks it.
        Assert.True(LayoutOracle.Judge(valid with { Level = 1 }).IsValid);
        var hiddenMarker = WithClaim(valid with { Level = 1 }, 11, c => c with { When = "Debug" });
        Assert.False(LayoutOracle.Judge(hiddenMarker with { Claims = hiddenMarker.Claims.Add(hiddenMarker.Claims[11] with { Name = "Other52", Owner = Owner.GuestAvailable, Role = null, When = "!Debug" }) }).IsValid);
        Assert.True(LayoutOracle.Judge(hiddenMarker with { AdjustGuest = false, Claims = hiddenMarker.Claims.Add(hiddenMarker.Claims[11] with { Name = "Other52", Owner = Owner.GuestAvailable, Role = null, When = "!Debug" }) }).IsValid);
    }

    private static LayoutSpec WithClaim(LayoutSpec spec, int index, Func<Claim, Claim> change) =>
        spec with { Claims = spec.Claims.SetItem(index, change(spec.Claims[index])) };

    /// <summary>The L1 entry of docs/xen-pv-abi.md §3.</summary>
    private static LayoutSpec DesignExample()
    {
        Claim C(string name, Owner owner, int low, int high, FieldType type, string? when = null, int? role = null) =>
            new(name, owner, low, high, false, type, when, role, null, null, null, PropertyShape.Normal);
        var (b, u8, u64) = (FieldType.Bool, FieldType.Unsigned[0], FieldType.Unsigned[3]);
        var switches = new SwitchSpec(
            null,
            "None",
            [new SwitchMember("Debug", "Debug", 1), new SwitchMember("Pke", "Pke", 2)],
            false,
            [new ExclusiveGroup([new ExclusiveArgument(ExclusiveArgumentKind.Member, 0), new ExclusiveArgument(ExclusiveArgumentKind.Member, 1)])]);
        ImmutableArray<Claim> claims =
        [
            C("Present", Owner.Hardware, 0, 0, b, role: 1),
            C("Writable", Owner.Hardware, 1, 1, b, role: 2),
            C("User", Owner.Hardware, 2, 2, b, role: 3),
            C("WriteThrough", Owner.Hardware, 3, 3, b),
            C("CacheDisable", Owner.Hardware, 4, 4, b),
            C("Accessed", Owner.Hardware, 5, 5, b, role: 6),
            C("Dirty", Owner.Hardware, 6, 6, b, role: 7),
            C("Pat", Owner.Hardware, 7, 7, b),
            C("Global", Owner.Hardware, 8, 8, b, role: 9),
            C("Available", Owner.GuestAvailable, 9, 11, u8),
            C("Frame", Owner.Hardware, 12, 51, u64, role: 10),
            C("GuestKernel", Owner.XenReserved, 52, 52, b, role: 11),
            C("AvailableHigh", Owner.GuestAvailable, 53, 58, u8),
            C("ProtectionKey", Owner.Hardware, 59, 62, u8, "Pke", 13),
            C("SoftwareKeyBits", Owner.GuestAvailable, 59, 61, u8, "!Pke"),
            C("Software62", Owner.GuestAvailable, 62, 62, b, "!Pke && !Debug"),
            C("GrantMapping", Owner.XenReserved, 62, 62, b, "Debug", 12),
            C("NoExecute", Owner.Hardware, 63, 63, b, role: 14),
        ];
        return new LayoutSpec("L1e", TypeShape.ReadonlyPartialStruct, SwitchesReference.Declared, switches, null, claims);
    }
}
