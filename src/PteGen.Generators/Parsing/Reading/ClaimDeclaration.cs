using System.Collections.Generic;
using PteGen.Generators.Model;

namespace PteGen.Generators.Parsing.Reading;

/// <summary>What a claim's property type is, as far as holding a bit field goes.</summary>
internal enum TypeCategory
{
    Bool,
    Unsigned,
    Signed,
    Enum,

    /// <summary>The type does not resolve; the compiler reports it.</summary>
    Error,

    Other,
}

/// <summary>A claim's property type.</summary>
/// <param name="Category">What it is.</param>
/// <param name="Bits">Its width (for an enum, its underlying type's).</param>
/// <param name="Keyword">The integer keyword that carries it (for an enum, its underlying type's).</param>
/// <param name="IsSigned">Whether that integer is signed.</param>
internal sealed record PropertyTypeFacts(TypeCategory Category, int Bits, string Keyword, bool IsSigned);

/// <summary>The arguments of a claim's (first) ownership attribute, as written.</summary>
/// <param name="Low">The low bit (or the only bit).</param>
/// <param name="High">The high bit.</param>
/// <param name="WhenText">The condition, white space normalized; empty for always.</param>
/// <param name="Role">The role, as its number.</param>
/// <param name="GuestWrite">The guest-write rule, as its number.</param>
/// <param name="Relocatable">Whether the bit is negotiated per domain.</param>
/// <param name="Optional">Whether the claim may be left without a bit.</param>
internal sealed record OwnershipArguments(int Low, int High, string WhenText, int Role, int GuestWrite, bool Relocatable, bool Optional);

/// <summary>A property of the layout that PteGen implements, as written.</summary>
/// <param name="Name">The property name, escaped.</param>
/// <param name="RawName">The name as in metadata.</param>
/// <param name="TypeName">The type, fully qualified.</param>
/// <param name="TypeDisplay">The type as messages show it.</param>
/// <param name="Type">What the type can hold.</param>
/// <param name="IsStatic">Declared <c>static</c>.</param>
/// <param name="IsIndexer">An indexer.</param>
/// <param name="Accessors">Its accessors.</param>
/// <param name="ReturnsByRef">Returns by reference.</param>
/// <param name="IsPartialDefinition">A partial property's defining part.</param>
/// <param name="IsPartial">A partial property (either part); properties read from metadata count as partial.</param>
/// <param name="ImplementedInUserCode">Its implementing part is the user's, not the generator's.</param>
/// <param name="Modifiers">Modifiers the implementing part must repeat (<c>unsafe</c>, <c>new</c>), space separated.</param>
/// <param name="IsReadOnlyMember">Declared <c>readonly</c>.</param>
/// <param name="Accessibility">Its accessibility keywords.</param>
/// <param name="Owners">The owners its ownership attributes name, in order.</param>
/// <param name="Arguments">The first ownership attribute's arguments; null without one.</param>
/// <param name="IsObsoleteError">Marked <c>[Obsolete(..., true)]</c>.</param>
internal sealed record ClaimDeclaration(
    string Name,
    string RawName,
    string TypeName,
    string TypeDisplay,
    PropertyTypeFacts Type,
    bool IsStatic,
    bool IsIndexer,
    AccessorShape Accessors,
    bool ReturnsByRef,
    bool IsPartialDefinition,
    bool IsPartial,
    bool ImplementedInUserCode,
    string Modifiers,
    bool IsReadOnlyMember,
    string Accessibility,
    IReadOnlyList<PteOwner> Owners,
    OwnershipArguments? Arguments,
    bool IsObsoleteError);
