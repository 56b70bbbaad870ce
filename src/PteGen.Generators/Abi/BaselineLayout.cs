using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using PteGen.Generators.Parsing;

namespace PteGen.Generators.Abi;

/// <summary>
/// A valid layout of the compilation with its ABI facts, and the symbols that locate its diagnostics: the claim that
/// owns a bit now, or the <c>[PteLayout]</c> attribute. Lives only as long as one compilation's analysis.
/// </summary>
internal sealed class BaselineLayout
{
    public BaselineLayout(string fullName, INamedTypeSymbol type, AttributeData layoutAttribute, IReadOnlyList<PteAbiFact> facts)
    {
        FullName = fullName;
        Type = type;
        LayoutAttribute = layoutAttribute;
        Facts = facts;
    }

    public string FullName { get; }

    public INamedTypeSymbol Type { get; }

    public AttributeData LayoutAttribute { get; }

    public IReadOnlyList<PteAbiFact> Facts { get; }

    public Location AttributeLocation(CancellationToken cancellationToken)
    {
        var location = SyntaxLocations.Of(LayoutAttribute, cancellationToken);
        return location != Location.None ? location : Type.Locations.FirstOrDefault() ?? Location.None;
    }

    /// <summary>The ownership attribute of the claim <paramref name="field"/> (its property name, unescaped).</summary>
    public Location ClaimLocation(string field, CancellationToken cancellationToken)
    {
        foreach (var property in Type.GetMembers(field).OfType<IPropertySymbol>())
        {
            foreach (var attribute in property.GetAttributes())
            {
                if (KnownNames.OwnerOf(attribute.AttributeClass) is not null
                    && SyntaxLocations.Of(attribute, cancellationToken) is { } location
                    && location != Location.None)
                {
                    return location;
                }
            }
        }

        return AttributeLocation(cancellationToken);
    }
}
