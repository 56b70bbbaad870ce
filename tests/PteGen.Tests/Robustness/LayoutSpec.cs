using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace PteGen.Tests.Robustness;

// A random layout, as plain data: what the generators in LayoutGenerators.cs produce, what LayoutOracle.cs judges and
// what LayoutRenderer (below) writes as C#. Everything is rendered exactly as modelled, so the oracle can judge the model.

/// <summary>The owner an ownership attribute names.</summary>
internal enum Owner
{
    Hardware,
    XenReserved,
    GuestAvailable,
}

/// <summary>How the layout type is declared.</summary>
internal enum TypeShape
{
    ReadonlyPartialStruct,
    PartialStruct,
    NestedInPartialClass,
    NestedInStaticPartialClass,
    NestedInPartialStruct,
    NestedInPartialRecord,
    NestedInPartialInterface,

    /// <summary>Two <c>partial</c> declarations, the claims split between them.</summary>
    TwoParts,

    // Not layouts PteGen can generate: each is an error.
    NonPartialStruct,
    PartialClass,
    PartialRecordStruct,
    RefStruct,
    Generic,
    NestedInNonPartialClass,
}

/// <summary>How a claim's property is declared.</summary>
internal enum PropertyShape
{
    Normal,
    ReadonlyMember,
    Internal,

    // Not layout properties: each is an error.
    Setter,
    Init,
    Static,
    NotPartial,
    NoOwnership,
    TwoOwnerships,
}

/// <summary>How an ownership attribute's arguments are written; every style means the same values.</summary>
internal enum ArgumentStyle
{
    /// <summary><c>Hardware(3, 5, When = "A")</c>.</summary>
    Positional,

    /// <summary><c>Hardware(low: 3, high: 5)</c>, <c>Hardware(bit: 3)</c>.</summary>
    Named,

    /// <summary><c>Hardware(high: 5, low: 3)</c>.</summary>
    NamedReversed,

    /// <summary><c>Hardware(0 + 3, 10 - 5)</c>, and <c>When = nameof(Cfg.A)</c> for a condition that is one switch name.</summary>
    Expressions,
}

/// <summary>What <c>[PteLayout(...)]</c> names as the switches type.</summary>
internal enum SwitchesReference
{
    None,
    Declared,
    DeclaredWithoutPteSwitches,
    Int,
    String,
}

/// <summary>What kind of value a property type holds.</summary>
internal enum FieldTypeKind
{
    Bool,
    Unsigned,
    Enum,
    Signed,
    Other,
}

/// <summary>A property type: its C# spelling, its kind, and for integers and enums the bits it can hold.</summary>
/// <param name="Code">The type as written in the property declaration.</param>
/// <param name="Kind">What it is.</param>
/// <param name="ValueBits">Unsigned: its size; enum: its value bits (the size, less the sign bit for a signed underlying type).</param>
/// <param name="EnumUnderlying">For a field enum, its underlying type (the renderer declares the enum).</param>
internal sealed record FieldType(string Code, FieldTypeKind Kind, int ValueBits, string? EnumUnderlying = null)
{
    public static readonly FieldType Bool = new("bool", FieldTypeKind.Bool, 1);

    public static readonly ImmutableArray<FieldType> Unsigned =
    [
        new("byte", FieldTypeKind.Unsigned, 8),
        new("ushort", FieldTypeKind.Unsigned, 16),
        new("uint", FieldTypeKind.Unsigned, 32),
        new("ulong", FieldTypeKind.Unsigned, 64),
    ];

    public static readonly ImmutableArray<FieldType> Enums =
    [
        new("KByte", FieldTypeKind.Enum, 8, "byte"),
        new("KSByte", FieldTypeKind.Enum, 7, "sbyte"),
        new("KShort", FieldTypeKind.Enum, 15, "short"),
        new("KUShort", FieldTypeKind.Enum, 16, "ushort"),
        new("KInt", FieldTypeKind.Enum, 31, "int"),
        new("KUInt", FieldTypeKind.Enum, 32, "uint"),
        new("KLong", FieldTypeKind.Enum, 63, "long"),
        new("KULong", FieldTypeKind.Enum, 64, "ulong"),
    ];

    public static readonly ImmutableArray<FieldType> Signed =
    [
        new("sbyte", FieldTypeKind.Signed, 0),
        new("short", FieldTypeKind.Signed, 0),
        new("int", FieldTypeKind.Signed, 0),
        new("long", FieldTypeKind.Signed, 0),
    ];

    /// <summary>Types that are neither bool, unsigned integers nor enums.</summary>
    public static readonly ImmutableArray<FieldType> Others =
    [
        new("float", FieldTypeKind.Other, 0),
        new("double", FieldTypeKind.Other, 0),
        new("decimal", FieldTypeKind.Other, 0),
        new("string", FieldTypeKind.Other, 0),
        new("object", FieldTypeKind.Other, 0),
        new("bool?", FieldTypeKind.Other, 0),
        new("byte?", FieldTypeKind.Other, 0),
    ];
}

/// <summary>A switch: the member as written in C# (<c>@class</c>) and its name as a condition names it (<c>class</c>).</summary>
internal sealed record SwitchMember(string Source, string Name, ulong Value);

/// <summary>One argument of <c>[MutuallyExclusive(...)]</c>.</summary>
internal enum ExclusiveArgumentKind
{
    /// <summary><c>Cfg.Member</c> for the switch at <see cref="ExclusiveArgument.Value"/> (an index).</summary>
    Member,

    /// <summary><c>Cfg.All</c>, the composite member.</summary>
    Composite,

    /// <summary><c>Cfg.None</c>, the zero member.</summary>
    Zero,

    /// <summary>An <c>int</c> literal, not an enum value.</summary>
    IntLiteral,

    /// <summary><c>(Cfg)value</c>.</summary>
    Cast,

    /// <summary><c>(object?)null</c>: an array element that is null.</summary>
    NullElement,
}

internal sealed record ExclusiveArgument(ExclusiveArgumentKind Kind, ulong Value);

/// <summary>One <c>[MutuallyExclusive]</c>: its arguments, or <c>null</c> written as the whole array when <paramref name="NullArray"/>.</summary>
internal sealed record ExclusiveGroup(ImmutableArray<ExclusiveArgument> Arguments, bool NullArray = false);

/// <summary>The switches enum.</summary>
/// <param name="Underlying">The underlying type, or null for the default (int).</param>
/// <param name="ZeroName">The name of the zero member, if any.</param>
/// <param name="Members">The switches (single-bit members).</param>
/// <param name="Composite">Whether a member <c>All</c> combines every switch (not a switch of its own; see <see cref="HasComposite"/>).</param>
/// <param name="Groups">The <c>[MutuallyExclusive]</c> attributes.</param>
internal sealed record SwitchSpec(
    string? Underlying,
    string? ZeroName,
    ImmutableArray<SwitchMember> Members,
    bool Composite,
    ImmutableArray<ExclusiveGroup> Groups)
{
    public const string EnumName = "Cfg";

    /// <summary>Whether the enum declares <c>All</c>, combining two or more switches (with one switch it would be an alias).</summary>
    public bool HasComposite => Composite && Members.Length >= 2;
    public const string CompositeName = "All";

    public static readonly SwitchSpec Empty = new(null, null, [], false, []);
}

/// <summary>One claim: a property with its ownership attribute.</summary>
/// <param name="Name">The property name as written (<c>@class</c> for a keyword).</param>
/// <param name="Owner">The attribute.</param>
/// <param name="Low">The first constructor argument.</param>
/// <param name="High">The second constructor argument (ignored when <paramref name="OneArgument"/>).</param>
/// <param name="OneArgument">Whether the attribute is written with one argument, <c>(bit)</c>.</param>
/// <param name="Type">The property type.</param>
/// <param name="When">The <c>When</c> text, or null to leave it out.</param>
/// <param name="Role">The <c>Role</c> value (any int), or null to leave it out.</param>
/// <param name="GuestWrite">The <c>GuestWrite</c> value (any int), or null to leave it out.</param>
/// <param name="Relocatable">The <c>Relocatable</c> value, or null to leave it out (written for XenReserved only).</param>
/// <param name="Optional">The <c>Optional</c> value, or null to leave it out (written for XenReserved only).</param>
/// <param name="Shape">How the property is declared.</param>
/// <param name="Style">How the attribute's arguments are spelled (the values are the same).</param>
internal sealed record Claim(
    string Name,
    Owner Owner,
    int Low,
    int High,
    bool OneArgument,
    FieldType Type,
    string? When,
    int? Role,
    int? GuestWrite,
    bool? Relocatable,
    bool? Optional,
    PropertyShape Shape,
    ArgumentStyle Style = ArgumentStyle.Positional)
{
    /// <summary>The high bit as PteGen reads it: one argument means one bit.</summary>
    public int EffectiveHigh => OneArgument ? Low : High;

    /// <summary>The name without the <c>@</c> of a keyword.</summary>
    public string PlainName => Name.StartsWith('@') ? Name[1..] : Name;
}

/// <summary>A whole layout: the switches enum (if any), the layout type, its claims and its fixup options.</summary>
internal sealed record LayoutSpec(
    string TypeName,
    TypeShape Shape,
    SwitchesReference SwitchesReference,
    SwitchSpec Switches,
    int? Level,
    ImmutableArray<Claim> Claims,
    bool? AdjustGuest = null,
    string? WarnWhen = null)
{
    public string PlainTypeName => TypeName.StartsWith('@') ? TypeName[1..] : TypeName;

    public static string Namespace(int index) => $"Case{index}";

    public bool IsNested => Shape is TypeShape.NestedInPartialClass or TypeShape.NestedInStaticPartialClass or TypeShape.NestedInPartialStruct
        or TypeShape.NestedInPartialRecord or TypeShape.NestedInPartialInterface or TypeShape.NestedInNonPartialClass;

    /// <summary>The metadata name of the layout type in the batch slot <paramref name="index"/>.</summary>
    public string MetadataName(int index) =>
        Namespace(index) + "." + (IsNested ? "Outer+" : "") + PlainTypeName + (Shape == TypeShape.Generic ? "`1" : "");

    /// <summary>The hint name PteGen gives the generated file (namespace, containing types joined by +, the name).</summary>
    public string HintName(int index) => Namespace(index) + "." + (IsNested ? "Outer+" : "") + PlainTypeName + ".g.cs";

    public override string ToString() => LayoutRenderer.Render(this, 0);
}

/// <summary>Writes a <see cref="LayoutSpec"/> as one C# file in namespace <c>Case{index}</c>.</summary>
internal static class LayoutRenderer
{
    private static readonly string[] RoleNames =
    [
        "None", "Present", "Writable", "User", "WriteThrough", "CacheDisable", "Accessed", "Dirty", "PatOrPageSize", "Global",
        "Frame", "GuestKernel", "GrantMapping", "ProtectionKey", "NoExecute",
    ];

    private static readonly string[] GuestWriteNames = ["Default", "Allowed", "Refused"];

    public static string Render(LayoutSpec spec, int index)
    {
        var text = new StringBuilder();
        text.Append("using PteGen;\n\n");
        text.Append("namespace ").Append(LayoutSpec.Namespace(index)).Append("\n{\n");

        var switches = spec.Switches;
        if (spec.SwitchesReference is SwitchesReference.Declared or SwitchesReference.DeclaredWithoutPteSwitches)
        {
            RenderSwitches(text, switches, spec.SwitchesReference == SwitchesReference.Declared);
        }

        foreach (var enumType in spec.Claims.Select(c => c.Type).Where(t => t.EnumUnderlying is not null).Distinct())
        {
            text.Append($"    public enum {enumType.Code} : {enumType.EnumUnderlying} {{ Zero = 0, One = 1 }}\n\n");
        }

        // The members a When may name with nameof(Cfg.X) (anything else would not compile).
        var enumMembers = spec.SwitchesReference is SwitchesReference.Declared or SwitchesReference.DeclaredWithoutPteSwitches
            ? switches.Members.Select(m => m.Name)
                .Concat(switches.ZeroName is { } zero ? [zero] : [])
                .Concat(switches.HasComposite ? [SwitchSpec.CompositeName] : [])
                .ToHashSet(StringComparer.Ordinal)
            : [];

        var indent = "    ";
        var outer = spec.Shape switch
        {
            TypeShape.NestedInPartialClass => "public partial class Outer",
            TypeShape.NestedInStaticPartialClass => "public static partial class Outer",
            TypeShape.NestedInPartialStruct => "public partial struct Outer",
            TypeShape.NestedInPartialRecord => "public partial record Outer",
            TypeShape.NestedInPartialInterface => "public partial interface Outer",
            TypeShape.NestedInNonPartialClass => "public static class Outer",
            _ => null,
        };
        if (outer is not null)
        {
            text.Append(indent).Append(outer).Append('\n').Append(indent).Append("{\n");
            indent += "    ";
        }

        text.Append(indent).Append("[PteLayout");
        var layoutArguments = new List<string>();
        switch (spec.SwitchesReference)
        {
            case SwitchesReference.Declared or SwitchesReference.DeclaredWithoutPteSwitches:
                layoutArguments.Add($"typeof({SwitchSpec.EnumName})");
                break;
            case SwitchesReference.Int:
                layoutArguments.Add("typeof(int)");
                break;
            case SwitchesReference.String:
                layoutArguments.Add("typeof(string)");
                break;
        }

        if (spec.Level is { } level)
        {
            layoutArguments.Add($"Level = {level.ToString(CultureInfo.InvariantCulture)}");
        }

        if (spec.AdjustGuest is { } adjustGuest)
        {
            layoutArguments.Add($"AdjustGuest = {(adjustGuest ? "true" : "false")}");
        }

        if (spec.WarnWhen is { } warnWhen)
        {
            layoutArguments.Add($"WarnWhen = {StringLiteral(warnWhen)}");
        }

        if (layoutArguments.Count > 0)
        {
            text.Append('(').Append(string.Join(", ", layoutArguments)).Append(')');
        }

        text.Append("]\n").Append(indent);
        text.Append(spec.Shape switch
        {
            TypeShape.PartialStruct => $"public partial struct {spec.TypeName}",
            TypeShape.NonPartialStruct => $"public readonly struct {spec.TypeName}",
            TypeShape.PartialClass => $"public partial class {spec.TypeName}",
            TypeShape.PartialRecordStruct => $"public readonly partial record struct {spec.TypeName}",
            TypeShape.RefStruct => $"public readonly ref partial struct {spec.TypeName}",
            TypeShape.Generic => $"public readonly partial struct {spec.TypeName}<T>",
            _ => $"public readonly partial struct {spec.TypeName}",
        });
        text.Append('\n').Append(indent).Append("{\n");
        var firstPart = spec.Shape == TypeShape.TwoParts ? (spec.Claims.Length + 1) / 2 : spec.Claims.Length;
        foreach (var claim in spec.Claims.Take(firstPart))
        {
            text.Append(indent).Append("    ").Append(RenderClaim(claim, enumMembers, index)).Append('\n');
        }

        text.Append(indent).Append("}\n");
        if (spec.Shape == TypeShape.TwoParts)
        {
            text.Append('\n').Append(indent).Append($"public readonly partial struct {spec.TypeName}\n").Append(indent).Append("{\n");
            foreach (var claim in spec.Claims.Skip(firstPart))
            {
                text.Append(indent).Append("    ").Append(RenderClaim(claim, enumMembers, index)).Append('\n');
            }

            text.Append(indent).Append("}\n");
        }
        if (outer is not null)
        {
            text.Append("    }\n");
        }

        text.Append("}\n");
        return text.ToString();
    }

    private static void RenderSwitches(StringBuilder text, SwitchSpec switches, bool marked)
    {
        if (marked)
        {
            text.Append("    [PteSwitches]\n");
        }

        foreach (var group in switches.Groups)
        {
            text.Append("    [MutuallyExclusive");
            if (group.NullArray)
            {
                text.Append("(null)");
            }
            else if (group.Arguments.Length > 0)
            {
                text.Append('(').Append(string.Join(", ", group.Arguments.Select(a => RenderExclusiveArgument(switches, a)))).Append(')');
            }

            text.Append("]\n");
        }

        text.Append("    [System.Flags]\n");
        text.Append("    public enum ").Append(SwitchSpec.EnumName);
        if (switches.Underlying is not null)
        {
            text.Append(" : ").Append(switches.Underlying);
        }

        var members = new List<string>();
        if (switches.ZeroName is not null)
        {
            members.Add($"{switches.ZeroName} = 0");
        }

        members.AddRange(switches.Members.Select(m => $"{m.Source} = {m.Value.ToString(CultureInfo.InvariantCulture)}"));
        if (switches.HasComposite)
        {
            members.Add($"{SwitchSpec.CompositeName} = {string.Join(" | ", switches.Members.Select(m => m.Source))}");
        }

        text.Append(" { ").Append(string.Join(", ", members)).Append(" }\n\n");
    }

    private static string RenderExclusiveArgument(SwitchSpec switches, ExclusiveArgument argument) => argument.Kind switch
    {
        ExclusiveArgumentKind.Member => $"{SwitchSpec.EnumName}.{switches.Members[(int)argument.Value].Source}",
        ExclusiveArgumentKind.Composite => $"{SwitchSpec.EnumName}.{SwitchSpec.CompositeName}",
        ExclusiveArgumentKind.Zero => $"{SwitchSpec.EnumName}.{switches.ZeroName}",
        ExclusiveArgumentKind.IntLiteral => argument.Value.ToString(CultureInfo.InvariantCulture),
        ExclusiveArgumentKind.Cast => $"({SwitchSpec.EnumName}){argument.Value.ToString(CultureInfo.InvariantCulture)}",
        _ => "(object?)null",
    };

    public static string RenderClaim(Claim claim, IReadOnlySet<string> enumMembers, int index)
    {
        var text = new StringBuilder();
        if (claim.Shape != PropertyShape.NoOwnership)
        {
            text.Append('[').Append(RenderAttribute(claim, claim.Owner, withNamedArguments: true, enumMembers, index)).Append("] ");
        }

        if (claim.Shape == PropertyShape.TwoOwnerships)
        {
            var other = claim.Owner == Owner.GuestAvailable ? Owner.Hardware : Owner.GuestAvailable;
            text.Append('[').Append(RenderAttribute(claim, other, withNamedArguments: false, enumMembers, index)).Append("] ");
        }

        text.Append(claim.Shape switch
        {
            PropertyShape.ReadonlyMember => "public readonly partial ",
            PropertyShape.Internal => "internal partial ",
            PropertyShape.Static => "public static partial ",
            PropertyShape.NotPartial => "public ",
            _ => "public partial ",
        });
        text.Append(claim.Type.Code).Append(' ').Append(claim.Name);
        text.Append(claim.Shape switch
        {
            PropertyShape.Setter => " { get; set; }",
            PropertyShape.Init => " { get; init; }",
            PropertyShape.NotPartial => " => default!;",
            _ => " { get; }",
        });
        return text.ToString();
    }

    private static string RenderAttribute(Claim claim, Owner owner, bool withNamedArguments, IReadOnlySet<string> enumMembers, int index)
    {
        var style = withNamedArguments ? claim.Style : ArgumentStyle.Positional;
        var arguments = (style, claim.OneArgument) switch
        {
            (ArgumentStyle.Named or ArgumentStyle.NamedReversed, true) => ["bit: " + Int(claim.Low)],
            (ArgumentStyle.Named, false) => ["low: " + Int(claim.Low), "high: " + Int(claim.High)],
            (ArgumentStyle.NamedReversed, false) => ["high: " + Int(claim.High), "low: " + Int(claim.Low)],
            (ArgumentStyle.Expressions, _) => new List<string> { Expression(claim.Low) },
            _ => new List<string> { Int(claim.Low) },
        };
        if (!claim.OneArgument && style is ArgumentStyle.Positional or ArgumentStyle.Expressions)
        {
            arguments.Add(style == ArgumentStyle.Expressions ? Expression(claim.High) : Int(claim.High));
        }

        if (withNamedArguments)
        {
            if (claim.When is not null)
            {
                arguments.Add("When = " + (style == ArgumentStyle.Expressions && enumMembers.Contains(claim.When)
                    ? $"nameof(global::{LayoutSpec.Namespace(index)}.{SwitchSpec.EnumName}.@{claim.When})"
                    : StringLiteral(claim.When)));
            }

            if (claim.Role is { } role)
            {
                arguments.Add("Role = " + (role >= 0 && role < RoleNames.Length ? "PteRole." + RoleNames[role] : $"(PteRole)({Int(role)})"));
            }

            if (claim.GuestWrite is { } guestWrite)
            {
                arguments.Add("GuestWrite = " + (guestWrite >= 0 && guestWrite < GuestWriteNames.Length ? "GuestWrite." + GuestWriteNames[guestWrite] : $"(GuestWrite)({Int(guestWrite)})"));
            }

            if (owner == Owner.XenReserved && claim.Relocatable is { } relocatable)
            {
                arguments.Add("Relocatable = " + (relocatable ? "true" : "false"));
            }

            if (owner == Owner.XenReserved && claim.Optional is { } optional)
            {
                arguments.Add("Optional = " + (optional ? "true" : "false"));
            }
        }

        var name = owner switch
        {
            Owner.Hardware => "Hardware",
            Owner.XenReserved => "XenReserved",
            _ => "GuestAvailable",
        };
        return $"{name}({string.Join(", ", arguments)})";
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A constant expression with the value: <c>(1 + 2)</c>, <c>(64 - 1)</c>.</summary>
    private static string Expression(int value) => value switch
    {
        int.MinValue => "int.MinValue",
        int.MaxValue => "int.MaxValue",
        >= 10 => $"({Int(value - 7)} + 7)",
        _ => $"({Int(value + 3)} - 3)",
    };

    /// <summary>A C# string literal in which every character outside printable ASCII is a <c>\uXXXX</c> escape.</summary>
    public static string StringLiteral(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            if (c == '"' || c == '\\')
            {
                text.Append('\\').Append(c);
            }
            else if (c >= 0x20 && c < 0x7F)
            {
                text.Append(c);
            }
            else
            {
                text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        return text.Append('"').ToString();
    }
}
