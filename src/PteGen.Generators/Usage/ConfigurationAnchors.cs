using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PteGen.Generators.Parsing;

namespace PteGen.Generators.Usage;

/// <summary>
/// Where the diagnostics about PteGen's MSBuild settings (PTE105-PTE107) are reported. The settings live in the project
/// file, which is no source file, and editors show only diagnostics with a source location; so each is anchored at the
/// source the setting is about, the first of (in the compilation's file order, then by position):
/// <list type="number">
/// <item>the <c>[PteLayout]</c> attribute of a layout the project declares;</item>
/// <item>the first reference, by name, to a layout the project only references (a guest);</item>
/// <item>the first token of the project's first source file.</item>
/// </list>
/// Generated files are skipped: the analyzers do not report in them, so a diagnostic placed there would be lost.
/// </summary>
internal sealed class ConfigurationAnchors
{
    private readonly Compilation _compilation;
    private readonly IReadOnlyList<INamedTypeSymbol> _layouts;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<SyntaxTree, int> _fileOrder = new();
    private readonly Dictionary<INamedTypeSymbol, Location> _declarations = new(SymbolEqualityComparer.Default);
    private Dictionary<INamedTypeSymbol, Location>? _firstReferences;

    public ConfigurationAnchors(Compilation compilation, IReadOnlyList<INamedTypeSymbol> layouts, CancellationToken cancellationToken)
    {
        _compilation = compilation;
        _layouts = layouts;
        _cancellationToken = cancellationToken;
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (!IsGenerated(tree))
            {
                _fileOrder[tree] = _fileOrder.Count;
            }
        }

        foreach (var layout in layouts)
        {
            if (Declaration(layout) is { } location)
            {
                _declarations[layout] = location;
            }
        }
    }

    /// <summary>PTE106: the layout's own anchor, or the project's when the project never names the layout.</summary>
    public Location ForLayout(INamedTypeSymbol layout) =>
        _declarations.TryGetValue(layout, out var declaration) ? declaration
        : FirstReferences.TryGetValue(layout, out var reference) ? reference
        : ForProject(preferLayoutsWithSwitches: false);

    /// <summary>
    /// PTE105 and PTE107: the first layout anchor of the project. A switch name is meant for a layout with switches,
    /// so PTE105 looks at those first.
    /// </summary>
    public Location ForProject(bool preferLayoutsWithSwitches)
    {
        if (preferLayoutsWithSwitches && First(_layouts.Where(HasSwitches)) is { } withSwitches)
        {
            return withSwitches;
        }

        return First(_layouts) ?? FirstToken() ?? Location.None;
    }

    private Location? First(IEnumerable<INamedTypeSymbol> layouts)
    {
        var candidates = layouts.ToList();
        return Earliest(candidates.Select(layout => _declarations.TryGetValue(layout, out var location) ? location : null))
            ?? Earliest(candidates.Select(layout => FirstReferences.TryGetValue(layout, out var location) ? location : null));
    }

    private Location? Earliest(IEnumerable<Location?> locations)
    {
        Location? earliest = null;
        foreach (var location in locations)
        {
            if (location is not null && (earliest is null || Compare(location, earliest) < 0))
            {
                earliest = location;
            }
        }

        return earliest;
    }

    private int Compare(Location left, Location right)
    {
        var byFile = _fileOrder[left.SourceTree!].CompareTo(_fileOrder[right.SourceTree!]);
        return byFile != 0 ? byFile : left.SourceSpan.Start.CompareTo(right.SourceSpan.Start);
    }

    private static bool HasSwitches(INamedTypeSymbol layout) =>
        layout.GetAttributes().Any(a => KnownNames.IsLayoutAttribute(a.AttributeClass)
            && a.ConstructorArguments.Length > 0
            && a.ConstructorArguments[0].Value is INamedTypeSymbol);

    /// <summary>The <c>[PteLayout]</c> attribute of a layout declared in this compilation's own, non-generated source.</summary>
    private Location? Declaration(INamedTypeSymbol layout)
    {
        if (!SymbolEqualityComparer.Default.Equals(layout.ContainingAssembly, _compilation.Assembly))
        {
            return null;
        }

        var attribute = layout.GetAttributes().FirstOrDefault(a => KnownNames.IsLayoutAttribute(a.AttributeClass));
        return attribute?.ApplicationSyntaxReference is { } reference && _fileOrder.ContainsKey(reference.SyntaxTree)
            ? reference.GetSyntax(_cancellationToken).GetLocation()
            : null;
    }

    /// <summary>
    /// The first identifier in the project's source that binds to each referenced layout. One pass over the tokens,
    /// in file order, that stops once every layout is found; only identifiers spelled like a layout not yet found are
    /// bound.
    /// </summary>
    private Dictionary<INamedTypeSymbol, Location> FirstReferences => _firstReferences ??= FindFirstReferences();

    private Dictionary<INamedTypeSymbol, Location> FindFirstReferences()
    {
        var found = new Dictionary<INamedTypeSymbol, Location>(SymbolEqualityComparer.Default);
        var wanted = new Dictionary<string, List<INamedTypeSymbol>>(StringComparer.Ordinal);
        var remaining = 0;
        foreach (var layout in _layouts)
        {
            if (!_declarations.ContainsKey(layout))
            {
                if (!wanted.TryGetValue(layout.Name, out var sameName))
                {
                    wanted[layout.Name] = sameName = new List<INamedTypeSymbol>();
                }

                sameName.Add(layout);
                remaining++;
            }
        }

        foreach (var tree in _fileOrder.OrderBy(pair => pair.Value).Select(pair => pair.Key))
        {
            if (remaining == 0)
            {
                break;
            }

            _cancellationToken.ThrowIfCancellationRequested();
            SemanticModel? model = null;
            foreach (var token in tree.GetRoot(_cancellationToken).DescendantTokens())
            {
                if (!token.IsKind(SyntaxKind.IdentifierToken)
                    || token.Parent is not IdentifierNameSyntax name
                    || !wanted.TryGetValue(token.ValueText, out var sameName)
                    || sameName.All(found.ContainsKey))
                {
                    continue;
                }

#pragma warning disable RS1030 // A compilation action has no model of its own; one per file that names a layout, only when a setting is wrong.
                model ??= _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                if (model.GetSymbolInfo(name, _cancellationToken).Symbol is INamedTypeSymbol type
                    && sameName.FirstOrDefault(layout => SymbolEqualityComparer.Default.Equals(layout, type.OriginalDefinition)) is { } layout
                    && !found.ContainsKey(layout))
                {
                    found[layout] = name.GetLocation();
                    if (--remaining == 0)
                    {
                        break;
                    }
                }
            }
        }

        return found;
    }

    private Location? FirstToken()
    {
        foreach (var tree in _fileOrder.OrderBy(pair => pair.Value).Select(pair => pair.Key))
        {
            var token = tree.GetRoot(_cancellationToken).GetFirstToken();
            if (token.Span.Length > 0)
            {
                return token.GetLocation();
            }
        }

        return null;
    }

    /// <summary>Roslyn's own test for generated code: the file's options, then its name, then an auto-generated header.</summary>
    private bool IsGenerated(SyntaxTree tree)
    {
        switch (_compilation.Options.SyntaxTreeOptionsProvider?.IsGenerated(tree, _cancellationToken))
        {
            case GeneratedKind.MarkedGenerated:
                return true;
            case GeneratedKind.NotGenerated:
                return false;
        }

        var fileName = System.IO.Path.GetFileName(tree.FilePath ?? "");
        if (fileName.StartsWith("TemporaryGeneratedFile_", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var stem = System.IO.Path.GetFileNameWithoutExtension(fileName);
        if (System.IO.Path.HasExtension(fileName)
            && (stem.EndsWith(".designer", StringComparison.OrdinalIgnoreCase)
                || stem.EndsWith(".generated", StringComparison.OrdinalIgnoreCase)
                || stem.EndsWith(".g", StringComparison.OrdinalIgnoreCase)
                || stem.EndsWith(".g.i", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        foreach (var trivia in tree.GetRoot(_cancellationToken).GetLeadingTrivia())
        {
            if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia))
            {
                var text = trivia.ToString();
                if (text.IndexOf("<autogenerated", StringComparison.OrdinalIgnoreCase) >= 0
                    || text.IndexOf("<auto-generated", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
