using System.Collections.Immutable;

namespace PteGen.Tests.Robustness;

/// <summary>
/// The layouts <see cref="RandomLayoutTests"/> found PteGen getting wrong, reduced by hand and kept as fixed cases: each
/// is checked exactly as the random ones are (no exception, a PTE0xx error for an invalid layout and no error in its
/// generated file, a clean compilation and the full API for a valid one).
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
    };

    public static TheoryData<string> Names => [.. Found.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void IsGeneratedOrDiagnosedAsTheOracleSays(string name)
    {
        var (layout, valid) = Found[name];
        Assert.Equal(valid, LayoutOracle.Judge(layout).IsValid);
        var result = LayoutChecker.Check([layout]);
        Assert.True(result.Failures.Count == 0, string.Join("\n----------------\n", result.Failures));
    }

    private static Claim C(string name, Owner owner, int low, int high, FieldType type, string? when = null) =>
        new(name, owner, low, high, false, type, when, null, null, null, null, PropertyShape.Normal);

    private static SwitchSpec DebugPke => new(
        null,
        "None",
        [new SwitchMember("Debug", "Debug", 1), new SwitchMember("Pke", "Pke", 2)],
        false,
        []);

    private static LayoutSpec Layout(string typeName, params Claim[] claims) =>
        new(typeName, TypeShape.ReadonlyPartialStruct, SwitchesReference.None, SwitchSpec.Empty, null, [.. claims]);

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
