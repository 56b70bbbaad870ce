using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace PteGen.Generators.Parsing.Problems;

/// <summary>
/// Turns a <see cref="Site"/> into the most precise source location: the argument, the attribute or the name that
/// caused the problem. Holds the symbols the reader read; lives only as long as one parse.
/// </summary>
internal sealed class SiteLocator
{
    private readonly INamedTypeSymbol _type;
    private readonly AttributeData _layoutAttribute;
    private readonly IReadOnlyList<ClaimSymbols> _claims;
    private readonly IReadOnlyList<ISymbol> _members;
    private readonly CancellationToken _cancellationToken;

    public SiteLocator(
        INamedTypeSymbol type,
        AttributeData layoutAttribute,
        IReadOnlyList<ClaimSymbols> claims,
        IReadOnlyList<ISymbol> members,
        CancellationToken cancellationToken)
    {
        _type = type;
        _layoutAttribute = layoutAttribute;
        _claims = claims;
        _members = members;
        _cancellationToken = cancellationToken;
    }

    public Location Locate(Site site)
    {
        var location = site.Kind switch
        {
            SiteKind.Type => First(_type),
            SiteKind.LayoutAttribute => SyntaxLocations.Of(_layoutAttribute, _cancellationToken),
            SiteKind.LayoutPositionalArgument => SyntaxLocations.OfPositionalArgument(_layoutAttribute, site.Item, _cancellationToken),
            SiteKind.LayoutNamedArgument => SyntaxLocations.OfNamedArgument(_layoutAttribute, site.Argument, _cancellationToken),
            SiteKind.ClaimProperty => First(_claims[site.Claim].Property),
            SiteKind.ClaimAttribute => _claims[site.Claim].Attributes.Count > site.Item
                ? SyntaxLocations.Of(_claims[site.Claim].Attributes[site.Item], _cancellationToken)
                : First(_claims[site.Claim].Property),
            SiteKind.ClaimNamedArgument => SyntaxLocations.OfNamedArgument(_claims[site.Claim].Attributes[0], site.Argument, _cancellationToken),
            SiteKind.ClaimBitRange => SyntaxLocations.OfConstructorArguments(_claims[site.Claim].Attributes[0], _cancellationToken),
            SiteKind.Member => First(_members[site.Item]),
            _ => Location.None,
        };

        // A layout read from metadata has no syntax; its problems still point at the type.
        return location == Location.None && site.Kind != SiteKind.Type ? First(_type) : location;
    }

    private static Location First(ISymbol symbol) => symbol.Locations.FirstOrDefault(l => l.IsInSource) ?? symbol.Locations.FirstOrDefault() ?? Location.None;
}

/// <summary>A claim's property and its ownership attributes, as the reader found them.</summary>
internal sealed record ClaimSymbols(IPropertySymbol Property, IReadOnlyList<AttributeData> Attributes);
