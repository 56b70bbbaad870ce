using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PteGen.Generators.Diagnostics;
using PteGen.Generators.Model;
using PteGen.Generators.Parsing;
using PteGen.Generators.Parsing.Problems;

namespace PteGen.Generators.Abi;

/// <summary>
/// Checks the compilation's valid layouts against <c>PteAbi.Shipped.txt</c> and <c>PteAbi.Unshipped.txt</c> among its
/// additional files (silent when there is neither), with the rules of <see cref="PteAbiComparison"/>: PTE201 for a
/// break, PTE202 for additions (one per layout, with the facts the code fix adds), PTE203 for a stale unshipped line,
/// PTE204 for a line that is not a fact. Layouts with errors are left out, on both sides: their errors come first.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AbiBaselineAnalyzer : DiagnosticAnalyzer
{
    /// <summary>PTE202's property: the lines of the added facts, joined by <c>\n</c>.</summary>
    public const string FactsProperty = "PteAbiFacts";

    /// <summary>PTE203's property: the stale line.</summary>
    public const string FactProperty = "PteAbiFact";

    // PTE202 names this many configurations, then how many more: a layout may have thousands.
    private const int NamedConfigurations = 6;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = DiagnosticDescriptors.AbiBaselineRules;

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(Start);
    }

    private static void Start(CompilationStartAnalysisContext context)
    {
        var files = BaselineFile.ReadAll(context.Options.AdditionalFiles, context.CancellationToken);
        if (files.Count == 0)
        {
            return;
        }

        var layouts = new ConcurrentBag<BaselineLayout>();
        var withErrors = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        context.RegisterSymbolAction(symbol => Collect(symbol, layouts, withErrors), SymbolKind.NamedType);
        context.RegisterCompilationEndAction(end => Report(end, files, layouts, withErrors));
    }

    private static void Collect(SymbolAnalysisContext context, ConcurrentBag<BaselineLayout> layouts, ConcurrentDictionary<string, bool> withErrors)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var attribute = type.GetAttributes().FirstOrDefault(a => KnownNames.IsLayoutAttribute(a.AttributeClass));
        if (attribute is null)
        {
            return;
        }

        var languageVersion = (type.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree.Options as CSharpParseOptions)?.LanguageVersion;
        var parse = LayoutParser.Parse(type, attribute, languageVersion, ReportingHost.Analyzer, NoProblemSink.Instance, context.CancellationToken);
        var fullName = LayoutAbiFacts.FullName(parse.Layout);
        if (parse.Kind != EmitKind.Full)
        {
            withErrors[fullName] = true;
            return;
        }

        layouts.Add(new BaselineLayout(fullName, type, attribute, LayoutAbiFacts.Of(parse.Layout, fullName)));
    }

    private static void Report(
        CompilationAnalysisContext context,
        List<BaselineFile> files,
        ConcurrentBag<BaselineLayout> collected,
        ConcurrentDictionary<string, bool> withErrors)
    {
        var cancellationToken = context.CancellationToken;
        foreach (var line in files.SelectMany(file => file.Unreadable))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.AbiUnreadableLine, line.Location, line.LineNumber.ToString(CultureInfo.InvariantCulture), line.FileName, line.Error));
        }

        var layouts = new Dictionary<string, BaselineLayout>(StringComparer.Ordinal);
        foreach (var layout in collected.OrderBy(layout => layout.FullName, StringComparer.Ordinal))
        {
            layouts[layout.FullName] = layout;
        }

        // A layout with errors is neither compared nor reported as gone: its own errors say what is wrong.
        var shipped = Entries(files, shippedFiles: true, withErrors);
        var unshipped = Entries(files, shippedFiles: false, withErrors);
        var changes = PteAbiComparison.Compare(
            shipped.Select(entry => entry.Fact),
            unshipped.Select(entry => entry.Fact),
            layouts.Values.SelectMany(layout => layout.Facts));

        var additions = new Dictionary<string, List<PteAbiFact>>(StringComparer.Ordinal);
        var additionOrder = new List<string>();
        var unshippedLocations = LocationsByFact(unshipped);
        Dictionary<(string, string), Location>? shippedLocations = null;
        foreach (var change in changes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            layouts.TryGetValue(change.Layout, out var layout);
            switch (change.Kind)
            {
                case PteAbiChangeKind.Break:
                    var location = layout is null
                        ? FirstShippedLine(shippedLocations ??= ShippedLinesByConfiguration(shipped), change)
                        : change.Current is { } now ? layout.ClaimLocation(now.Field, cancellationToken) : layout.AttributeLocation(cancellationToken);
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.AbiBreak, location, change.Message));
                    break;

                case PteAbiChangeKind.Addition when layout is not null:
                    if (!additions.TryGetValue(change.Layout, out var added))
                    {
                        additions.Add(change.Layout, added = new List<PteAbiFact>());
                        additionOrder.Add(change.Layout);
                    }

                    added.Add(change.Current!);
                    break;

                case PteAbiChangeKind.Stale:
                    var properties = ImmutableDictionary<string, string?>.Empty.Add(FactProperty, change.Baseline!.ToLine());
                    foreach (var line in unshippedLocations[change.Baseline])
                    {
                        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.AbiStaleEntry, line, properties, change.Baseline.ToLine()));
                    }

                    break;
            }
        }

        foreach (var name in additionOrder)
        {
            ReportAdditions(context, layouts[name], additions[name]);
        }
    }

    private static void ReportAdditions(CompilationAnalysisContext context, BaselineLayout layout, List<PteAbiFact> facts)
    {
        var configurations = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fact in facts)
        {
            if (seen.Add(fact.Configuration))
            {
                configurations.Add(fact.Configuration);
            }
        }

        var named = string.Join(", ", configurations.Take(NamedConfigurations));
        var configurationText = configurations.Count <= NamedConfigurations
            ? named
            : named + " and " + (configurations.Count - NamedConfigurations).ToString(CultureInfo.InvariantCulture) + " more configurations";
        var one = facts.Count == 1;
        var properties = ImmutableDictionary<string, string?>.Empty.Add(FactsProperty, string.Join("\n", facts.Select(fact => fact.ToLine())));
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.AbiAddition,
            layout.AttributeLocation(context.CancellationToken),
            properties,
            facts[0].LayoutName,
            one ? "1 ABI fact" : facts.Count.ToString(CultureInfo.InvariantCulture) + " ABI facts",
            configurationText,
            one ? "is" : "are",
            one ? "it" : "them"));
    }

    private static List<BaselineEntry> Entries(List<BaselineFile> files, bool shippedFiles, ConcurrentDictionary<string, bool> withErrors) =>
        files.Where(file => file.IsShipped == shippedFiles)
            .SelectMany(file => file.Entries)
            .Where(entry => !withErrors.ContainsKey(entry.Fact.Layout))
            .ToList();

    private static Dictionary<PteAbiFact, List<Location>> LocationsByFact(List<BaselineEntry> entries)
    {
        var result = new Dictionary<PteAbiFact, List<Location>>();
        foreach (var entry in entries)
        {
            if (!result.TryGetValue(entry.Fact, out var locations))
            {
                result.Add(entry.Fact, locations = new List<Location>());
            }

            locations.Add(entry.Location);
        }

        return result;
    }

    // A shipped layout that is gone has no declaration to point at: its first line in the shipped file stands for it.
    private static Dictionary<(string, string), Location> ShippedLinesByConfiguration(List<BaselineEntry> shipped)
    {
        var result = new Dictionary<(string, string), Location>();
        foreach (var entry in shipped)
        {
            var key = (entry.Fact.Layout, entry.Fact.Configuration);
            if (!result.ContainsKey(key))
            {
                result.Add(key, entry.Location);
            }
        }

        return result;
    }

    private static Location FirstShippedLine(Dictionary<(string, string), Location> lines, PteAbiChange change) =>
        lines.TryGetValue((change.Layout, change.Configuration), out var location) ? location : Location.None;
}
