using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp;
using PteGen.Generators.Model;

namespace PteGen.Generators.Parsing.Reading;

/// <summary>What kind of type carries <c>[PteLayout]</c>.</summary>
internal enum DeclaredKind
{
    Struct,
    RecordStruct,
    Class,
    RecordClass,
    Interface,
    Enum,
    Delegate,
    Other,
}

/// <summary>
/// A <c>[PteLayout]</c> type as written: plain values read off its symbol and attributes, with no judgement yet.
/// The rules decide what is wrong with it; <see cref="LayoutParser"/> turns it into a <see cref="LayoutModel"/>.
/// </summary>
internal sealed record LayoutDeclaration(
    string Namespace,
    string Name,
    string RawName,
    DeclaredKind Kind,
    bool IsRefLike,
    bool IsPartial,
    bool IsFileLocal,
    bool IsUnsafe,
    string TypeParameters,
    bool FromSource,
    LanguageVersion? LanguageVersion,
    IReadOnlyList<ContainingDeclaration> ContainingTypes,
    SwitchesArgument Switches,
    int? Level,
    bool AdjustGuest,
    string? WarnWhenText,
    IReadOnlyList<ClaimDeclaration> Claims,
    IReadOnlyList<MemberDeclaration> Members,
    IReadOnlyList<HookDeclaration> Hooks,
    string? GuestAbiIndependentOf = null)
{
    public bool IsGeneric => TypeParameters.Length > 0;
}

/// <summary>A type around the layout.</summary>
/// <param name="Keyword">Its declaration keyword(s), as the generated part repeats them.</param>
/// <param name="Name">Its name, escaped.</param>
/// <param name="RawName">Its name as in metadata.</param>
/// <param name="TypeParameters">Its type parameter list (<c>&lt;T&gt;</c>), or empty.</param>
/// <param name="IsPartial">Whether every declaration of it says <c>partial</c>.</param>
/// <param name="IsFileLocal">Whether it is a <c>file</c> type.</param>
/// <param name="IsUnsafe">Whether a declaration of it says <c>unsafe</c> (its members' unsafe context).</param>
internal sealed record ContainingDeclaration(string Keyword, string Name, string RawName, string TypeParameters, bool IsPartial, bool IsFileLocal, bool IsUnsafe);

/// <summary>What the switches argument of <c>[PteLayout(typeof(...))]</c> is.</summary>
internal enum SwitchesProblem
{
    None,
    NotAnEnum,
    NotMarked,
    TooManySwitches,

    /// <summary>The enum is less visible than the layout, whose generated public members take it (CS0051).</summary>
    LessAccessible,
}

/// <summary>The switches argument: its type as written and what it gives.</summary>
/// <param name="TypeDisplay">The type as written; empty when there is no argument.</param>
/// <param name="Problem">Why it cannot be used.</param>
/// <param name="Switches">The configuration space (<see cref="SwitchSet.None"/> unless usable).</param>
internal sealed record SwitchesArgument(string TypeDisplay, SwitchesProblem Problem, SwitchSet Switches)
{
    public static readonly SwitchesArgument Absent = new("", SwitchesProblem.None, SwitchSet.None);

    /// <summary>A switches type was given but cannot be used; conditions then cannot be checked against it.</summary>
    public bool IsBroken => Problem != SwitchesProblem.None;
}

/// <summary>How a member of the layout could collide with the generated part.</summary>
internal enum MemberShape
{
    /// <summary>An instance field: the entry is exactly one ulong.</summary>
    InstanceField,

    /// <summary>A constructor taking one ulong, as the generated one does.</summary>
    RawConstructor,

    /// <summary>A method with the signature of a generated equality or formatting member.</summary>
    ObjectMemberSignature,

    /// <summary>A property, field, event or type named Equals, GetHashCode or ToString.</summary>
    ObjectMemberName,

    /// <summary>An ordinary method, property, field, event or nested type (collides if its name is generated).</summary>
    Named,
}

/// <summary>A user-written member of the layout that might collide with the generated part.</summary>
/// <param name="Index">Its index in the reader's member list (for <see cref="Problems.Site.Member"/>).</param>
/// <param name="Name">Its name.</param>
/// <param name="Shape">How it could collide.</param>
/// <param name="Display">How messages name it.</param>
internal sealed record MemberDeclaration(int Index, string Name, MemberShape Shape, string Display);

/// <summary>How the user declared a method named like the generated hook.</summary>
internal enum HookShape
{
    /// <summary>The implementing part of a partial method, whose defining part is not in the user's code.</summary>
    Implementation,

    /// <summary>The defining part of a partial method, written by the user.</summary>
    Definition,

    /// <summary>An ordinary method.</summary>
    NotPartial,
}

/// <summary>A user method named <c>OnGlobalKernelPage</c>.</summary>
/// <param name="MemberIndex">Its index in the reader's member list.</param>
/// <param name="Shape">How it is declared.</param>
/// <param name="MatchesGenerated">Whether it is <c>static void OnGlobalKernelPage(Layout entry)</c>, private, as the generated hook.</param>
/// <param name="Definition">The defining declaration that pairs with an <see cref="HookShape.Implementation"/>; empty when it cannot be written.</param>
/// <param name="ParameterName">Its first parameter's name, or empty.</param>
/// <param name="Signature">How messages show it.</param>
/// <param name="IsExplicitlyPrivate">Written with <c>private</c>, which the generated definition must repeat (CS8799).</param>
internal sealed record HookDeclaration(int MemberIndex, HookShape Shape, bool MatchesGenerated, string Definition, string ParameterName, string Signature, bool IsExplicitlyPrivate = false);
