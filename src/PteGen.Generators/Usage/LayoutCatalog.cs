using PteGen.Generators.Parsing.Problems;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using PteGen.Generators.Parsing;

namespace PteGen.Generators.Usage;

/// <summary>
/// The layouts one compilation's guest code touches, parsed once each with the generator's own parser, from source or
/// from a referenced assembly's metadata (the attributes stay in the compiled assembly).
/// </summary>
internal sealed class LayoutCatalog
{
    private readonly ConcurrentDictionary<ITypeSymbol, GuestLayout?> _layouts = new(SymbolEqualityComparer.Default);
    private readonly PteGenOptions _options;

    public LayoutCatalog(PteGenOptions options) => _options = options;

    public PteGenOptions Options => _options;

    /// <summary>The layout <paramref name="type"/> is, or <see langword="null"/> when it is not a usable layout.</summary>
    public GuestLayout? Get(ITypeSymbol? type, CancellationToken cancellationToken)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Struct } named)
        {
            return null;
        }

        return _layouts.GetOrAdd(named, _ => Parse(named, cancellationToken));
    }

    public System.Collections.Generic.IEnumerable<GuestLayout> Seen => _layouts.Values.Where(l => l is not null)!;

    private GuestLayout? Parse(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var attribute = type.GetAttributes().FirstOrDefault(a => KnownNames.IsLayoutAttribute(a.AttributeClass));
        if (attribute is null)
        {
            return null;
        }

        // Guest rules apply to what the layout declares even if it has errors elsewhere (those are reported where it
        // is declared); fields that did not parse are left out by the queries.
        var result = LayoutParser.Parse(type, attribute, languageVersion: null, ReportingHost.Analyzer, NoProblemSink.Instance, cancellationToken);
        return new GuestLayout(type, result.Layout, _options);
    }
}
