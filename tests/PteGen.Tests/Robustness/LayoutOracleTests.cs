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
    public void CountsTheSwitchNamesOfAConditionOnceARepeatedOperandIsDropped()
    {
        // 30 switches make 435 distinct pairs; each pair is an operand with two switch names.
        var many = Enumerable.Range(0, 30).ToDictionary(i => $"S{i}", i => 1UL << i);
        var pairs = Enumerable.Range(0, 30).SelectMany(a => Enumerable.Range(a + 1, 29 - a).Select(b => $"S{a} && S{b}")).ToList();
        string Chain(int count, Func<int, string> operand) => string.Join(" || ", Enumerable.Range(0, count).Select(operand));

        ConditionReader.Read(Chain(128, i => $"({pairs[i]})"), many, out var atTheLimit);
        ConditionReader.Read(Chain(129, i => $"({pairs[i]})"), many, out var overTheLimit);
        ConditionReader.Read(Chain(10_000, i => $"({pairs[i % 100]})"), many, out var repeated);
        ConditionReader.Read(Chain(100, i => $"(({pairs[i]}) || ({pairs[i]}))"), many, out var spliced);
        ConditionReader.Read(Chain(100, i => $"!!({pairs[i]}) || ({pairs[i]})"), many, out var doubleNegations);
        Assert.Null(atTheLimit);
        Assert.NotNull(overTheLimit);
        Assert.Null(repeated);
        Assert.Null(spliced);
        Assert.Null(doubleNegations);
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
        // example has them. Hiding the kernel marker under Debug (the objection raised on xen-devel) breaks it.
        Assert.True(LayoutOracle.Judge(valid with { Level = 1 }).IsValid);
        var hiddenMarker = WithClaim(valid with { Level = 1 }, 11, c => c with { When = "Debug" });
        Assert.False(LayoutOracle.Judge(hiddenMarker with { Claims = hiddenMarker.Claims.Add(hiddenMarker.Claims[11] with { Name = "Other52", Owner = Owner.GuestAvailable, Role = null, When = "!Debug" }) }).IsValid);
        Assert.True(LayoutOracle.Judge(hiddenMarker with { AdjustGuest = false, Claims = hiddenMarker.Claims.Add(hiddenMarker.Claims[11] with { Name = "Other52", Owner = Owner.GuestAvailable, Role = null, When = "!Debug" }) }).IsValid);
    }

    public static TheoryData<string, bool> Declarations => new()
    {
        { "readonly struct", true },
        { "struct", true },
        { "record struct", false },
        { "ref struct", false },
        { "class", false },
        { "record class", false },
        { "not partial", false },
        { "generic", false },
        { "file-local", false },
        { "in partial class, struct, record and interface", true },
        { "in a class that is not partial", false },
        { "in a generic class", false },
        { "in a file-local class", false },
        { "public with public switches", true },
        { "internal with internal switches", true },
        { "private in a public class, with internal switches", true },
        { "public with internal switches", false },
        { "protected in a public class, with internal switches", false },
        { "hook implemented where one is generated", true },
        { "hook implemented where none is", false },
        { "hook with another signature", false },
        { "ordinary method named like the hook where none is generated", true },
        { "ordinary method named like the hook where one is", false },
    };

    [Theory]
    [MemberData(nameof(Declarations))]
    public void JudgesDeclarationsByThePagesOfPTE001ToPTE003AndPTE020AndPTE026(string name, bool valid)
    {
        var plain = DesignExample();
        var l1 = plain with { Level = 1 }; // its fixup warns under Debug: PteGen declares the hook
        var declaration = TypeDeclaration.Default;
        var spec = name switch
        {
            "readonly struct" => plain,
            "struct" => plain with { Declaration = declaration with { IsReadonly = false } },
            "record struct" => plain with { Declaration = declaration with { Kind = LayoutKind.RecordStruct } },
            "ref struct" => plain with { Declaration = declaration with { Kind = LayoutKind.RefStruct } },
            "class" => plain with { Declaration = declaration with { Kind = LayoutKind.Class } },
            "record class" => plain with { Declaration = declaration with { Kind = LayoutKind.RecordClass } },
            "not partial" => plain with { Declaration = declaration with { IsPartial = false } },
            "generic" => plain with { Declaration = declaration with { IsGeneric = true } },
            "file-local" => plain with { Declaration = declaration with { IsFileLocal = true } },
            "in partial class, struct, record and interface" => plain with { Containers = [new(ContainerKind.Class), new(ContainerKind.Struct), new(ContainerKind.Record), new(ContainerKind.Interface)] },
            "in a class that is not partial" => plain with { Containers = [new(ContainerKind.Class, IsPartial: false)] },
            "in a generic class" => plain with { Containers = [new(ContainerKind.Class, IsGeneric: true)] },
            "in a file-local class" => plain with { Containers = [new(ContainerKind.Class)], FileLocalContainer = true },
            "public with public switches" => plain,
            "internal with internal switches" => plain with { Declaration = declaration with { Accessibility = "internal" }, Switches = plain.Switches with { IsInternal = true } },
            "private in a public class, with internal switches" => plain with { Declaration = declaration with { Accessibility = "private" }, Containers = [new(ContainerKind.Class)], Switches = plain.Switches with { IsInternal = true } },
            "public with internal switches" => plain with { Switches = plain.Switches with { IsInternal = true } },
            "protected in a public class, with internal switches" => plain with { Declaration = declaration with { Accessibility = "protected" }, Containers = [new(ContainerKind.Class)], Switches = plain.Switches with { IsInternal = true } },
            "hook implemented where one is generated" => l1 with { Declaration = declaration with { Hook = HookShape.Implementation } },
            "hook implemented where none is" => plain with { Declaration = declaration with { Hook = HookShape.Implementation } },
            "hook with another signature" => l1 with { Declaration = declaration with { Hook = HookShape.ImplementationOtherParameter } },
            "ordinary method named like the hook where none is generated" => plain with { Declaration = declaration with { Hook = HookShape.NotPartial } },
            "ordinary method named like the hook where one is" => l1 with { Declaration = declaration with { Hook = HookShape.NotPartial } },
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        var verdict = LayoutOracle.Judge(spec);
        Assert.True(valid == verdict.IsValid, string.Join("; ", verdict.Reasons));
    }

    [Fact]
    public void KeepsTheCompilersOwnFindingsApartFromPteGensRules()
    {
        var valid = DesignExample();

        // A claim type that does not resolve is the compiler's error; the layout breaks none of PteGen's rules.
        var unresolved = LayoutOracle.Judge(WithClaim(valid, 9, c => c with { Type = FieldType.Unresolved[0] }));
        Assert.False(unresolved.IsValid);
        Assert.False(unresolved.BreaksPteGenRules);
        Assert.Equal(["CS0246"], unresolved.UserErrors);

        // 'new' on a claim that hides nothing is a warning; on a claim named GetType it is what hiding takes.
        Assert.Equal(["CS0109"], LayoutOracle.Judge(WithClaim(valid, 9, c => c with { Modifiers = ClaimModifiers.New })).UserWarnings);
        Assert.Empty(LayoutOracle.Judge(WithClaim(valid, 9, c => c with { Name = "GetType", Modifiers = ClaimModifiers.New })).UserWarnings);
        Assert.True(LayoutOracle.Judge(WithClaim(valid, 9, c => c with { Name = "GetType" })) is { IsValid: true, UserWarnings: ["CS0108"] });

        // A pointer type needs an unsafe context; it is no field type either way.
        var pointer = LayoutOracle.Judge(WithClaim(valid, 9, c => c with { Type = FieldType.Pointers[0] }));
        Assert.Equal(["CS0214"], pointer.UserErrors);
        Assert.True(pointer.BreaksPteGenRules);
        Assert.Empty(LayoutOracle.Judge(WithClaim(valid, 9, c => c with { Type = FieldType.Pointers[0], Modifiers = ClaimModifiers.Unsafe })).UserErrors);
    }

    [Fact]
    public void ReadsLongChainsWithoutRecursingAlongThem()
    {
        var chain = LayoutGenerators.LongCondition("Debug", "Pke", LayoutGenerators.ChainKind.Or, 100_000, 20, 3);
        var condition = ConditionReader.Read(chain, Switches, out var problem);
        Assert.Null(problem);
        Assert.True(condition!.Holds(1));
        Assert.False(condition.Holds(2));

        ConditionReader.Read(LayoutGenerators.LongCondition("Debug", "Pke", LayoutGenerators.ChainKind.UnknownName, 100_000, 0, 77), Switches, out var unknown);
        Assert.NotNull(unknown);
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
        return new LayoutSpec("L1e", TypeDeclaration.Default, SwitchesReference.Declared, switches, null, claims);
    }
}
