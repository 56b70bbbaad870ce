namespace PteGen.Tests.Robustness;

/// <summary>
/// The layouts <see cref="RandomLayoutTests"/> found PteGen getting wrong, reduced by hand and kept as fixed cases: each
/// is checked exactly as the random ones are (no exception; an invalid layout gets a PTE0xx error that dotnet build
/// shows and no error in its generated file; a valid one compiles cleanly and gets the full API). The known-failing
/// ones (<see cref="KnownBugs"/>) are skipped until PteGen is fixed; each has a silent twin, the same declaration
/// without its mistake or in a form PteGen handles, which runs.
/// </summary>
public sealed class FoundLayoutTests
{
    private static readonly Dictionary<string, (LayoutSpec Layout, bool Valid)> Found = new()
    {
        // [MutuallyExclusive(null)] made the generator and the analyzer throw (NullReferenceException in SwitchSetParser).
        ["MutuallyExclusive(null)"] = (NullMutuallyExclusive(), false),

        // A property named Equals or GetHashCode collided with the generated methods (CS0102 in the generated file).
        ["property named Equals"] = (Layout("Entry", C("Equals", Owner.Hardware, 0, 0, FieldType.Bool), C("Rest", Owner.GuestAvailable, 1, 63, FieldType.Unsigned[3])), false),
        ["property named GetHashCode"] = (Layout("Entry", C("GetHashCode", Owner.XenReserved, 0, 63, FieldType.Unsigned[3])), false),

        // A layout named like a member generated in it (CS0542 in the generated file).
        ["layout named Raw"] = (Layout("Raw", C("Value", Owner.GuestAvailable, 0, 63, FieldType.Unsigned[3])), false),
        ["layout named FlagMask"] = (Layout("FlagMask", C("Flag", Owner.Hardware, 0, 0, FieldType.Bool), C("Rest", Owner.GuestAvailable, 1, 63, FieldType.Unsigned[3])), false),

        // A line break inside a When or WarnWhen condition ended a generated '//' or '///' comment.
        ["line breaks in conditions"] = (LineBreaksInConditions(), true),

        // Properties named like the locals of the generated ToString (CS0030, CS8629 in the generated file).
        ["properties named like generated locals"] = (PropertiesNamedLikeGeneratedLocals(), true),

        // A long When chain overflowed the stack in the generator (about 1,700 '||' terms on a 1.5 MB thread, 20,000
        // in the command-line compiler) and took quadratic time; conditions are now flat and read in linear time.
        ["When chain of 5,000 '||' terms"] = (LongOrChain(5_000), true),
        ["When chain of 20,000 '||' terms (340,000 characters)"] = (LongOrChain(20_000), true),

        // A claim holding a fixup role whose type does not resolve was reported missing ("no claim holds role User",
        // PTE021) beside the compiler's CS0246.
        ["unresolved User claim"] = (Level2User(FieldType.Unresolved[0]), false),

        // The silent twins of the known bugs below: the same declarations in the forms PteGen handles.
        ["plain claims (twin of the indexer and by-ref claims)"] = (Present(), true),
        ["explicitly private claim (twin of the implicitly private one)"] = (Present(c => c with { Accessibility = "private" }), true),
        ["internal layout with internal switches (twin of the public one)"] = (PresentUnderSwitches() with { Declaration = TypeDeclaration.Default with { Accessibility = "internal" } }, true),
        ["unsafe pointer claim (twin of the one in an unsafe layout)"] = (Present(c => c with { Type = FieldType.Pointers[0], Modifiers = ClaimModifiers.Unsafe }), false),
        ["hook with another parameter type (twin of the generic and second hooks)"] = (WarningLevel1(HookShape.ImplementationOtherParameter), false),
        ["hook implemented without 'private' (twin of the explicitly private one)"] = (WarningLevel1(HookShape.Implementation), true),
        ["resolved User claim (twin of the unresolved one)"] = (Level2User(FieldType.Bool), true),
    };

    private static readonly Dictionary<string, (LayoutSpec Layout, bool Valid)> KnownFailing = new()
    {
        ["indexer claim"] = (Present(c => c with { Shape = PropertyShape.Indexer }), false),
        ["by-ref claim"] = (Present(c => c with { Shape = PropertyShape.ReturnsByRef }), false),
        ["implicitly private claim"] = (Present(c => c with { Accessibility = "" }), true),
        ["public layout with internal switches"] = (PresentUnderSwitches(), false),
        ["pointer claim in an unsafe layout"] = (Present(c => c with { Type = FieldType.Pointers[0] }) with { Declaration = TypeDeclaration.Default with { IsUnsafe = true } }, false),
        ["generic hook"] = (WarningLevel1(HookShape.ImplementationGeneric), false),
        ["two hook implementations"] = (WarningLevel1(HookShape.TwoImplementations), false),
        ["explicitly private hook"] = (WarningLevel1(HookShape.ImplementationExplicitlyPrivate), true),
    };

    public static TheoryData<string> Names => [.. Found.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void IsGeneratedOrDiagnosedAsTheOracleSays(string name) => AssertAsTheOracleSays(Found[name]);

    [Theory]
    [InlineData("indexer claim")]
    [InlineData("by-ref claim")]
    [InlineData("implicitly private claim")]
    [InlineData("public layout with internal switches")]
    [InlineData("pointer claim in an unsafe layout")]
    [InlineData("generic hook")]
    [InlineData("two hook implementations")]
    [InlineData("explicitly private hook")]
    public void KnownBug_IsGeneratedOrDiagnosedAsTheOracleSays(string name) => AssertAsTheOracleSays(KnownFailing[name]);

    /// <summary>Every known-failing layout is a row of the theory above, so none is forgotten when the Skip reasons go.</summary>
    [Fact]
    public void EveryKnownFailingLayoutIsACaseOfTheTheory()
    {
        var theory = typeof(FoundLayoutTests).GetMethod(nameof(KnownBug_IsGeneratedOrDiagnosedAsTheOracleSays))!;
        var rows = theory.GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .SelectMany(data => data.GetData(theory)).Select(arguments => (string)arguments[0]);
        Assert.Equal(KnownFailing.Keys.Order(StringComparer.Ordinal), rows.Order(StringComparer.Ordinal));
    }

    private static void AssertAsTheOracleSays((LayoutSpec Layout, bool Valid) found)
    {
        var verdict = LayoutOracle.Judge(found.Layout);
        Assert.True(found.Valid == verdict.IsValid, string.Join("; ", verdict.Reasons.Concat(verdict.UserErrors)));
        var result = LayoutChecker.Check([found.Layout]);
        Assert.True(result.Failures.Count == 0, string.Join("\n----------------\n", result.Failures));
    }

    private static Claim C(string name, Owner owner, int low, int high, FieldType type, string? when = null, int? role = null) =>
        new(name, owner, low, high, false, type, when, role, null, null, null, PropertyShape.Normal);

    private static SwitchSpec DebugPke => new(
        null,
        "None",
        [new SwitchMember("Debug", "Debug", 1), new SwitchMember("Pke", "Pke", 2)],
        false,
        []);

    private static LayoutSpec Layout(string typeName, params Claim[] claims) =>
        new(typeName, TypeDeclaration.Default, SwitchesReference.None, SwitchSpec.Empty, null, [.. claims]);

    /// <summary>A present bit, changed by <paramref name="change"/>, and the rest guest-available.</summary>
    private static LayoutSpec Present(Func<Claim, Claim>? change = null) =>
        Layout("Entry", (change ?? (c => c))(C("Present", Owner.Hardware, 0, 0, FieldType.Bool, role: 1)), C("Rest", Owner.GuestAvailable, 1, 63, FieldType.Unsigned[3]));

    /// <summary>A public layout with an internal switches enum, Debug deciding who owns bit 1.</summary>
    private static LayoutSpec PresentUnderSwitches() =>
        Layout(
            "Entry",
            C("Present", Owner.Hardware, 0, 0, FieldType.Bool, role: 1),
            C("Marker", Owner.XenReserved, 1, 1, FieldType.Bool, "Debug"),
            C("Free", Owner.GuestAvailable, 1, 1, FieldType.Bool, "!Debug"),
            C("Rest", Owner.GuestAvailable, 2, 63, FieldType.Unsigned[3])) with
        {
            SwitchesReference = SwitchesReference.Declared,
            Switches = DebugPke with { IsInternal = true },
        };

    /// <summary>A level-1 layout whose fixup warns (it has a Debug switch), so PteGen declares the hook; with <paramref name="hook"/>.</summary>
    private static LayoutSpec WarningLevel1(HookShape hook) =>
        Layout(
            "Entry",
            C("Present", Owner.Hardware, 0, 0, FieldType.Bool, role: 1),
            C("User", Owner.Hardware, 1, 1, FieldType.Bool, role: 3),
            C("Global", Owner.Hardware, 2, 2, FieldType.Bool, role: 9),
            C("GuestKernel", Owner.XenReserved, 3, 3, FieldType.Bool, role: 11),
            C("Rest", Owner.GuestAvailable, 4, 63, FieldType.Unsigned[3])) with
        {
            Declaration = TypeDeclaration.Default with { Hook = hook },
            SwitchesReference = SwitchesReference.Declared,
            Switches = DebugPke,
            Level = 1,
        };

    /// <summary>A level-2 layout (its fixup needs Present and User) whose User claim has the type <paramref name="userType"/>.</summary>
    private static LayoutSpec Level2User(FieldType userType) =>
        Layout(
            "Entry",
            C("Present", Owner.Hardware, 0, 0, FieldType.Bool, role: 1),
            C("User", Owner.Hardware, 1, 1, userType, role: 3),
            C("Rest", Owner.GuestAvailable, 2, 63, FieldType.Unsigned[3])) with { Level = 2 };

    /// <summary>Bit 1 owned by Xen under <c>Debug || (Pke &amp;&amp; !Pke) || ...</c>, <paramref name="terms"/> terms long, and by the guest otherwise.</summary>
    private static LayoutSpec LongOrChain(int terms)
    {
        var chain = LayoutGenerators.LongCondition("Debug", "Pke", LayoutGenerators.ChainKind.Or, terms, 0, 1);
        return Layout(
            "Entry",
            C("Present", Owner.Hardware, 0, 0, FieldType.Bool, role: 1),
            C("Marker", Owner.XenReserved, 1, 1, FieldType.Bool, chain),
            C("Free", Owner.GuestAvailable, 1, 1, FieldType.Bool, "!Debug"),
            C("Rest", Owner.GuestAvailable, 2, 63, FieldType.Unsigned[3])) with
        {
            SwitchesReference = SwitchesReference.Declared,
            Switches = DebugPke,
        };
    }

    private static LayoutSpec NullMutuallyExclusive() =>
        Layout("Entry", C("Value", Owner.GuestAvailable, 0, 63, FieldType.Unsigned[3])) with
        {
            SwitchesReference = SwitchesReference.Declared,
            Switches = DebugPke with { Groups = [new ExclusiveGroup([], NullArray: true)] },
        };

    private static LayoutSpec LineBreaksInConditions() =>
        Layout(
            "Entry",
            C("Low", Owner.Hardware, 0, 0, FieldType.Bool, "Debug\n&&\r\nPke"),
            C("LowElse", Owner.GuestAvailable, 0, 0, FieldType.Bool, "!(Debug\u2028&& Pke)"),
            C("Marker", Owner.XenReserved, 1, 1, FieldType.Bool) with { Relocatable = true }, // negotiation documents WarnWhen
            C("Rest", Owner.GuestAvailable, 2, 63, FieldType.Unsigned[3])) with
        {
            SwitchesReference = SwitchesReference.Declared,
            Switches = DebugPke,
            Level = 0,
            WarnWhen = "Debug\n|| Pke",
        };

    private static LayoutSpec PropertiesNamedLikeGeneratedLocals() =>
        Layout(
            "Entry",
            C("text", Owner.Hardware, 0, 7, FieldType.Unsigned[0]),
            C("separator", Owner.GuestAvailable, 8, 15, FieldType.Unsigned[0]),
            C("configuration", Owner.XenReserved, 16, 23, FieldType.Enums[0]),
            C("bits", Owner.GuestAvailable, 24, 63, FieldType.Unsigned[3])) with
        {
            SwitchesReference = SwitchesReference.Declared,
            Switches = DebugPke,
        };
}
