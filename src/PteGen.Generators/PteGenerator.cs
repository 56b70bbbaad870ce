using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using PteGen.Generators.Emit;
using PteGen.Generators.Helpers;
using PteGen.Generators.Model;
using PteGen.Generators.Parsing;
using PteGen.Generators.Parsing.Problems;

namespace PteGen.Generators;

/// <summary>
/// Generates the typed entry of every <c>[PteLayout]</c> struct:
/// <c>[PteLayout]</c> → parse (reader, rules, validator: <see cref="LayoutParser"/>) → emit.
/// The layout analyzer reports the problems of layouts the generator completes (full API or placeholder bodies, so
/// the compilation has no error from them); the generator reports those of layouts it cannot complete, where the
/// compiler's own errors would stop every analyzer (see <see cref="ReportingHost"/>).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class PteGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.PteLayoutAttribute,
                predicate: static (node, _) => node is TypeDeclarationSyntax,
                transform: static (context, cancellationToken) => Parse(context, cancellationToken))
            .Where(static layout => layout is not null)
            .WithTrackingName(TrackingNames.ParsedLayouts);

        // Only layouts with problems the generator reports reach the compilation, to map each location to its tree.
        var problems = parsed
            .Where(static layout => layout!.Diagnostics.Count > 0)
            .Select(static (layout, _) => layout!.Diagnostics)
            .WithTrackingName(TrackingNames.LayoutProblems);
        context.RegisterSourceOutput(problems.Combine(context.CompilationProvider), static (context, pair) =>
        {
            foreach (var diagnostic in pair.Left)
            {
                context.ReportDiagnostic(diagnostic.ToDiagnostic(pair.Right));
            }
        });

        // What the target framework offers the generated code, read once per compilation and reduced to plain values.
        var target = context.CompilationProvider
            .Select(static (compilation, _) => TargetFacts.Of(compilation))
            .WithTrackingName(TrackingNames.TargetFacts);

        var validated = parsed
            .Where(static layout => layout!.Kind is not null)
            .Combine(target)
            .Select(static (pair, _) => new LayoutToGenerate(
                pair.Left!.Layout with { HasSpan = pair.Right.HasSpan, VectorWidths = pair.Right.VectorWidths },
                pair.Left.Kind!.Value,
                pair.Left.Plan))
            .WithTrackingName(TrackingNames.ValidatedLayouts);

        // The build-time configuration (MSBuild PteGenConfiguration, made visible by PteGen.props), reduced to a string
        // before it is combined, so an unrelated change to the options does not invalidate every layout.
        var buildConfiguration = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) =>
                string.Join(";", Configuration.BuildPropertyText.ReadSwitchNames(options.GlobalOptions)))
            .WithTrackingName(TrackingNames.BuildConfiguration);

        // File names must differ ignoring case; type names need not (Entry and ENTRY). Only the set of names is
        // collected, so an edit inside a layout leaves the others cached.
        var fileNames = validated
            .Select(static (layout, _) => layout.Layout.HintName)
            .Collect()
            .Select(static (names, _) => HintNames.Assign(names))
            .WithTrackingName(TrackingNames.HintNames);

        var toGenerate = validated
            .Combine(buildConfiguration)
            .Select(static (pair, _) => pair.Left with { BuildConfiguration = pair.Right })
            .Combine(fileNames)
            .Select(static (pair, _) => (Layout: pair.Left, FileName: pair.Right.FileFor(pair.Left.Layout.HintName)))
            .WithTrackingName(TrackingNames.LayoutsToGenerate);

        context.RegisterSourceOutput(toGenerate, static (context, pair) =>
            context.AddSource(pair.FileName, SourceText.From(LayoutEmitter.Emit(pair.Layout), System.Text.Encoding.UTF8)));
    }

    /// <summary>The first step: the layout model, what to emit, and the problems the generator reports itself.</summary>
    private static ParsedLayout? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.Length == 0)
        {
            return null;
        }

        // [PteLayout] on two partial declarations of one type (CS0579) reaches this step twice: parse it only for the
        // declaration that carries the type's first [PteLayout].
        var first = type.GetAttributes().First(a => KnownNames.IsLayoutAttribute(a.AttributeClass)).ApplicationSyntaxReference;
        if (first is not null && first.GetSyntax(cancellationToken).Parent?.Parent != context.TargetNode)
        {
            return null;
        }

        var languageVersion = (context.TargetNode.SyntaxTree.Options as CSharpParseOptions)?.LanguageVersion;
        var sink = new GeneratorSink();
        var result = LayoutParser.Parse(type, context.Attributes[0], languageVersion, ReportingHost.Generator, sink, cancellationToken);
        return new ParsedLayout(result.Layout, result.Kind, result.Plan, sink.Diagnostics.ToEquatableArray());
    }

    /// <summary>Records the problems of a layout the generator reports, as plain values the pipeline can compare.</summary>
    private sealed class GeneratorSink : IProblemSink
    {
        public List<DiagnosticInfo> Diagnostics { get; } = new();

        public void Report(Problem problem, SiteLocator sites) =>
            Diagnostics.Add(new DiagnosticInfo(problem, LocationInfo.From(sites.Locate(problem.Site))));
    }
}

/// <summary>The output of the parse step.</summary>
/// <param name="Layout">The layout.</param>
/// <param name="Kind">What to emit; null for a layout the generator cannot complete.</param>
/// <param name="Plan">The guest-entry fixup, decided once by the parser.</param>
/// <param name="Diagnostics">The problems the generator reports (those of a layout it cannot complete).</param>
internal sealed record ParsedLayout(LayoutModel Layout, EmitKind? Kind, Validation.FixupPlan? Plan, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>A diagnostic as plain values, so it can travel through the pipeline.</summary>
internal sealed record DiagnosticInfo(Problem Problem, LocationInfo Location)
{
    public Diagnostic ToDiagnostic(Compilation compilation) => Problem.ToDiagnostic(Location.ToLocation(compilation));
}

/// <summary>What the compilation's target framework offers generated code.</summary>
/// <param name="HasSpan">Whether <c>System.Span&lt;T&gt;</c> exists, for the whole-table fixup.</param>
/// <param name="VectorWidths">The <c>System.Runtime.Intrinsics</c> vector widths (512, 256, 128) with the .NET 7 API, widest first.</param>
internal sealed record TargetFacts(bool HasSpan, EquatableArray<int> VectorWidths)
{
    public static TargetFacts Of(Compilation compilation) => new(
        compilation.GetTypeByMetadataName("System.Span`1") is not null,
        new[] { 512, 256, 128 }
            .Where(width => compilation.GetTypeByMetadataName($"System.Runtime.Intrinsics.Vector{width}") is { } vector
                && !vector.GetMembers("IsHardwareAccelerated").IsEmpty
                && !vector.GetMembers("LoadUnsafe").IsEmpty)
            .ToEquatableArray());
}

/// <summary>A location as plain values, so it can travel through the pipeline (a <see cref="Location"/> cannot).</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationInfo From(Location location) =>
        new(location.SourceTree?.FilePath ?? "", location.SourceSpan, location.GetLineSpan().Span);

    /// <summary>The location in its syntax tree of <paramref name="compilation"/> (for IDE navigation), else by path.</summary>
    public Location ToLocation(Compilation compilation)
    {
        if (FilePath.Length == 0)
        {
            return Location.None;
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.FilePath == FilePath)
            {
                return Location.Create(tree, Span);
            }
        }

        return Location.Create(FilePath, Span, LineSpan);
    }
}
