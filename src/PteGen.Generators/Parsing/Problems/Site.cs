namespace PteGen.Generators.Parsing.Problems;

/// <summary>What a problem points at, in the declaration's own terms; <see cref="SiteLocator"/> turns it into a location.</summary>
internal enum SiteKind
{
    /// <summary>The layout type's name.</summary>
    Type,

    /// <summary>The <c>[PteLayout]</c> attribute.</summary>
    LayoutAttribute,

    /// <summary>A positional argument of <c>[PteLayout]</c> (<see cref="Site.Item"/> is its index).</summary>
    LayoutPositionalArgument,

    /// <summary>A named argument of <c>[PteLayout]</c> (<see cref="Site.Argument"/>).</summary>
    LayoutNamedArgument,

    /// <summary>A claim's property name.</summary>
    ClaimProperty,

    /// <summary>A claim's ownership attribute (<see cref="Site.Item"/>: which one, when there are several).</summary>
    ClaimAttribute,

    /// <summary>A named argument of a claim's ownership attribute (<see cref="Site.Argument"/>).</summary>
    ClaimNamedArgument,

    /// <summary>The bit range of a claim's ownership attribute.</summary>
    ClaimBitRange,

    /// <summary>A member of the layout (<see cref="Site.Item"/> indexes the reader's member list).</summary>
    Member,
}

/// <summary>Where a problem is: plain values, so rules stay free of syntax and the generator computes no location it does not report.</summary>
/// <param name="Kind">What is pointed at.</param>
/// <param name="Claim">The claim's index in the declaration, for claim sites.</param>
/// <param name="Item">A position: an argument or attribute index, or a member index.</param>
/// <param name="Argument">A named argument's name.</param>
internal readonly record struct Site(SiteKind Kind, int Claim = -1, int Item = 0, string Argument = "")
{
    public static Site Type => new(SiteKind.Type);

    public static Site LayoutAttribute => new(SiteKind.LayoutAttribute);

    public static Site LayoutArgument(string name) => new(SiteKind.LayoutNamedArgument, Argument: name);

    public static Site ClaimProperty(int claim) => new(SiteKind.ClaimProperty, claim);

    public static Site ClaimAttribute(int claim, int attribute = 0) => new(SiteKind.ClaimAttribute, claim, attribute);

    public static Site ClaimArgument(int claim, string name) => new(SiteKind.ClaimNamedArgument, claim, Argument: name);

    public static Site ClaimBitRange(int claim) => new(SiteKind.ClaimBitRange, claim);

    public static Site Member(int member) => new(SiteKind.Member, Item: member);
}
