using System.Collections.Immutable;

namespace PteGen.Tests.Robustness;

// A random layout, as plain data: what the generators in LayoutGenerators.cs produce, what LayoutOracle.cs judges and
// what LayoutRenderer.cs writes as C#. Everything is rendered exactly as modelled, so the oracle can judge the model.

/// <summary>The owner an ownership attribute names.</summary>
internal enum Owner
{
    Hardware,
    XenReserved,
    GuestAvailable,
}

/// <summary>What kind of type carries <c>[PteLayout]</c>; only a struct can be a layout.</summary>
internal enum LayoutKind
{
    Struct,
    RecordStruct,
    RefStruct,
    Class,
    RecordClass,
}

/// <summary>What kind of type contains the layout.</summary>
internal enum ContainerKind
{
    Class,
    StaticClass,
    Struct,
    Record,
    Interface,
}

/// <summary>A type around the layout.</summary>
/// <param name="Kind">Its kind.</param>
/// <param name="IsPartial">Whether it is declared <c>partial</c>.</param>
/// <param name="IsGeneric">Whether it has a type parameter.</param>
/// <param name="Accessibility">Its accessibility keywords (<c>public</c> or <c>internal</c>).</param>
/// <param name="IsUnsafe">Whether it is declared <c>unsafe</c>.</param>
internal sealed record Container(ContainerKind Kind, bool IsPartial = true, bool IsGeneric = false, string Accessibility = "public", bool IsUnsafe = false);

/// <summary>How a method named <c>OnGlobalKernelPage</c> is declared in the layout, if at all.</summary>
internal enum HookShape
{
    None,

    /// <summary><c>static partial void OnGlobalKernelPage(Entry entry) { }</c>: the generated hook's implementation.</summary>
    Implementation,

    /// <summary>The same, with a keyword for its parameter's name (<c>@class</c>).</summary>
    ImplementationRenamed,

    /// <summary>The same, explicitly <c>private</c> (which it is anyway).</summary>
    ImplementationExplicitlyPrivate,

    /// <summary><c>static partial void OnGlobalKernelPage(ulong entry) { }</c>.</summary>
    ImplementationOtherParameter,

    /// <summary><c>partial void OnGlobalKernelPage(Entry entry) { }</c>.</summary>
    ImplementationInstance,

    /// <summary><c>public static partial void OnGlobalKernelPage(Entry entry) { }</c>.</summary>
    ImplementationPublic,

    /// <summary><c>static partial void OnGlobalKernelPage(in Entry entry) { }</c>.</summary>
    ImplementationIn,

    /// <summary><c>private static partial int OnGlobalKernelPage(Entry entry) =&gt; 0;</c>.</summary>
    ImplementationReturningInt,

    /// <summary><c>static partial void OnGlobalKernelPage&lt;TEntry&gt;(Entry entry) { }</c>.</summary>
    ImplementationGeneric,

    /// <summary>Two implementations: one taking another parameter too, then the matching one.</summary>
    TwoImplementations,

    /// <summary><c>static void OnGlobalKernelPage(Entry entry) { }</c>: an ordinary method.</summary>
    NotPartial,

    /// <summary><c>static partial void OnGlobalKernelPage(Entry entry);</c> written by the user.</summary>
    Definition,

    /// <summary>Both parts written by the user.</summary>
    DefinitionAndImplementation,
}

/// <summary>How the layout type is declared.</summary>
/// <param name="Kind">What kind of type it is.</param>
/// <param name="IsReadonly">Declared <c>readonly</c> (structs and record structs only).</param>
/// <param name="IsPartial">Declared <c>partial</c>.</param>
/// <param name="IsGeneric">Has a type parameter <c>T</c>.</param>
/// <param name="Accessibility">Its accessibility keywords, or empty for the default.</param>
/// <param name="IsFileLocal">Declared <c>file</c> (a top-level layout only; see <see cref="LayoutSpec.FileLocalContainer"/>).</param>
/// <param name="IsUnsafe">Declared <c>unsafe</c>.</param>
/// <param name="IsNew">Declared <c>new</c> (a nested layout only; it hides nothing, which the compiler warns about).</param>
/// <param name="TwoParts">Declared in two <c>partial</c> parts, the claims split between them.</param>
/// <param name="Hook">What the layout declares named <c>OnGlobalKernelPage</c>.</param>
internal sealed record TypeDeclaration(
    LayoutKind Kind = LayoutKind.Struct,
    bool IsReadonly = true,
    bool IsPartial = true,
    bool IsGeneric = false,
    string Accessibility = "public",
    bool IsFileLocal = false,
    bool IsUnsafe = false,
    bool IsNew = false,
    bool TwoParts = false,
    HookShape Hook = HookShape.None)
{
    public static readonly TypeDeclaration Default = new();

    /// <summary>Whether <c>readonly</c> may be written on the kind.</summary>
    public bool CanBeReadonly => Kind is LayoutKind.Struct or LayoutKind.RecordStruct or LayoutKind.RefStruct;

    /// <summary>Whether the kind is a class, where members cannot be <c>readonly</c>.</summary>
    public bool IsClass => Kind is LayoutKind.Class or LayoutKind.RecordClass;
}

/// <summary>How a claim's property is declared, as far as PteGen's rules go.</summary>
internal enum PropertyShape
{
    Normal,

    // Not layout properties: each is an error.
    Setter,
    Init,
    Static,
    NotPartial,
    NoOwnership,
    TwoOwnerships,
    Indexer,
    ReturnsByRef,

    /// <summary>The user writes the implementing part too: <c>public partial bool P { get =&gt; true; }</c>.</summary>
    ImplementedByUser,
}

/// <summary>Modifiers of a claim's property besides its accessibility and <c>partial</c>.</summary>
[Flags]
internal enum ClaimModifiers
{
    None = 0,
    Unsafe = 1,
    New = 2,
    Readonly = 4,
}

/// <summary>What else is written on a claim's property.</summary>
[Flags]
internal enum ClaimDecorations
{
    None = 0,

    /// <summary><c>[System.Obsolete("...")]</c>.</summary>
    Obsolete = 1,

    /// <summary><c>[System.Obsolete("...", true)]</c> (with <see cref="Obsolete"/>, the error form wins).</summary>
    ObsoleteError = 2,

    /// <summary>A <c>/// &lt;summary&gt;</c> comment.</summary>
    DocComment = 4,

    /// <summary>Attributes PteGen does not know: <c>[System.ComponentModel.Description("...")]</c>, <c>[System.CLSCompliant(false)]</c>.</summary>
    OtherAttributes = 8,
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

    /// <summary>A type that does not exist: the compiler reports it (CS0246), not PteGen.</summary>
    Unresolved,
}

/// <summary>A property type: its C# spelling, its kind, and for integers and enums the bits it can hold.</summary>
/// <param name="Code">The type as written in the property declaration.</param>
/// <param name="Kind">What it is.</param>
/// <param name="ValueBits">Unsigned: its size; enum: its value bits (the size, less the sign bit for a signed underlying type).</param>
/// <param name="EnumUnderlying">For a field enum, its underlying type (the renderer declares the enum).</param>
/// <param name="IsPointer">A pointer type, which only an unsafe context may name.</param>
internal sealed record FieldType(string Code, FieldTypeKind Kind, int ValueBits, string? EnumUnderlying = null, bool IsPointer = false)
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

    /// <summary>Pointer types: neither bool, unsigned integers nor enums, and legal only in an unsafe context.</summary>
    public static readonly ImmutableArray<FieldType> Pointers =
    [
        new("ulong*", FieldTypeKind.Other, 0, IsPointer: true),
        new("byte*", FieldTypeKind.Other, 0, IsPointer: true),
    ];

    /// <summary>Types that do not resolve.</summary>
    public static readonly ImmutableArray<FieldType> Unresolved =
    [
        new("Missing", FieldTypeKind.Unresolved, 0),
        new("global::Nowhere.Bits", FieldTypeKind.Unresolved, 0),
    ];
}

/// <summary>A switch: the member as written in C# (<c>@class</c>) and its name as a condition names it (<c>class</c>).</summary>
internal sealed record SwitchMember(string Source, string Name, ulong Value);

/// <summary>
/// A member of the switches enum written as an expression: negative (<c>int.MinValue</c>, <c>-1</c>) or of several
/// bits (<c>1 | 2</c>). It is read by its bits in the underlying type: one bit makes it a switch (<c>int.MinValue</c> is
/// the switch of bit 31), several a combination of switches, or a mistake when one of them is no switch.
/// </summary>
/// <param name="Name">Its name (a plain identifier).</param>
/// <param name="Code">Its value as written.</param>
/// <param name="Bits">Its value's bits in the underlying type.</param>
internal sealed record ExpressionMember(string Name, string Code, ulong Bits)
{
    public bool IsSingleBit => ulong.PopCount(Bits) == 1;
}

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

    /// <summary><c>Cfg.X</c> for the expression member at <see cref="ExclusiveArgument.Value"/> (an index).</summary>
    Expression,
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
/// <param name="Expressions">Members written as expressions (negative, or of several bits).</param>
/// <param name="IsInternal">Declared <c>internal</c> rather than <c>public</c>.</param>
internal sealed record SwitchSpec(
    string? Underlying,
    string? ZeroName,
    ImmutableArray<SwitchMember> Members,
    bool Composite,
    ImmutableArray<ExclusiveGroup> Groups,
    ImmutableArray<ExpressionMember> Expressions = default,
    bool IsInternal = false)
{
    public const string EnumName = "Cfg";

    /// <summary>Whether the enum declares <c>All</c>, combining two or more switches (with one switch it would be an alias).</summary>
    public bool HasComposite => Composite && Members.Length >= 2;
    public const string CompositeName = "All";

    public ImmutableArray<ExpressionMember> ExpressionMembers => Expressions.IsDefault ? [] : Expressions;

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
/// <param name="Accessibility">The property's accessibility keywords; empty for none (private).</param>
/// <param name="Modifiers">Its other modifiers.</param>
/// <param name="Decorations">Its other attributes and comments.</param>
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
    ArgumentStyle Style = ArgumentStyle.Positional,
    string Accessibility = "public",
    ClaimModifiers Modifiers = ClaimModifiers.None,
    ClaimDecorations Decorations = ClaimDecorations.None)
{
    /// <summary>The high bit as PteGen reads it: one argument means one bit.</summary>
    public int EffectiveHigh => OneArgument ? Low : High;

    /// <summary>The name without the <c>@</c> of a keyword.</summary>
    public string PlainName => Name.StartsWith('@') ? Name[1..] : Name;
}

/// <summary>A whole layout: the switches enum (if any), the layout type, its claims and its fixup options.</summary>
/// <param name="TypeName">The layout's name as written.</param>
/// <param name="Declaration">How the layout type is declared.</param>
/// <param name="SwitchesReference">What <c>[PteLayout]</c> names as its switches.</param>
/// <param name="Switches">The switches enum the renderer declares.</param>
/// <param name="Level">The <c>Level</c> argument, or null to leave it out.</param>
/// <param name="Claims">The claims, in declaration order.</param>
/// <param name="AdjustGuest">The <c>AdjustGuest</c> argument, or null to leave it out.</param>
/// <param name="WarnWhen">The <c>WarnWhen</c> argument, or null to leave it out.</param>
/// <param name="Containers">The types around the layout, outermost first.</param>
/// <param name="FileLocalContainer">Whether the outermost container is declared <c>file</c>.</param>
/// <param name="CaseTwin">Whether a second layout, the same but named in another case (<c>ENTRY</c>), sits beside it.</param>
internal sealed record LayoutSpec(
    string TypeName,
    TypeDeclaration Declaration,
    SwitchesReference SwitchesReference,
    SwitchSpec Switches,
    int? Level,
    ImmutableArray<Claim> Claims,
    bool? AdjustGuest = null,
    string? WarnWhen = null,
    ImmutableArray<Container> Containers = default,
    bool FileLocalContainer = false,
    bool CaseTwin = false)
{
    public string PlainTypeName => TypeName.StartsWith('@') ? TypeName[1..] : TypeName;

    public ImmutableArray<Container> Nesting => Containers.IsDefault ? [] : Containers;

    public static string Namespace(int index) => $"Case{index}";

    /// <summary>The name of the container at <paramref name="depth"/> (0 is the outermost).</summary>
    public static string ContainerName(int depth) => $"Outer{depth}";

    /// <summary>The name of the case twin: the layout's name in upper case, or in lower case if it already is.</summary>
    public string TwinName => PlainTypeName.ToUpperInvariant() is var upper && upper != PlainTypeName ? upper : PlainTypeName.ToLowerInvariant();

    /// <summary>The layout and, with <see cref="CaseTwin"/>, its twin, each as a spec of its own (the twin has no twin).</summary>
    public IEnumerable<LayoutSpec> Layouts() =>
        CaseTwin ? [this with { CaseTwin = false }, this with { TypeName = TwinName, CaseTwin = false }] : [this];

    /// <summary>The metadata name of the layout type in the batch slot <paramref name="index"/>.</summary>
    public string MetadataName(int index) =>
        Namespace(index) + "."
        + string.Concat(Nesting.Select((container, depth) => ContainerName(depth) + (container.IsGeneric ? "`1" : "") + "+"))
        + PlainTypeName + (Declaration.IsGeneric ? "`1" : "");

    /// <summary>The generated file's name as PteGen gives it (namespace, containing types joined by +, the name), before any number that tells names differing only in case apart.</summary>
    public string HintStem(int index) =>
        Namespace(index) + "." + string.Concat(Nesting.Select((_, depth) => ContainerName(depth) + "+")) + PlainTypeName;

    public override string ToString() => LayoutRenderer.Render(this, 0);
}
