using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using PteGen.Generators.Emit;
using PteGen.Generators.Model;
using PteGen.Generators.Parsing;
using PteGen.Generators.Validation;

namespace PteGen.Generators;

/// <summary>
/// Generates the typed entry of every <c>[PteLayout]</c> struct:
/// <c>[PteLayout]</c> → parse (symbols → <see cref="LayoutModel"/>) → validate → emit.
/// Diagnostics are reported by <see cref="Diagnostics.LayoutAnalyzer"/>, which runs the same parser and validator;
/// the generator only decides between the full API and placeholder bodies.
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
            .WithTrackingName(TrackingNames.ParsedLayouts);

        var validated = parsed
            .Select(static (layout, _) => Validate(layout))
            .WithTrackingName(TrackingNames.ValidatedLayouts);

        // The build-time configuration (MSBuild PteGenConfiguration, made visible by PteGen.props), reduced to a string
        // before it is combined, so an unrelated change to the options does not invalidate every layout.
        var buildConfiguration = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) =>
                string.Join(";", Configuration.BuildPropertyText.ReadSwitchNames(options.GlobalOptions)))
            .WithTrackingName(TrackingNames.BuildConfiguration);

        var toGenerate = validated
            .Where(static layout => layout is not null)
            .Combine(buildConfiguration)
            .Select(static (pair, _) => pair.Left! with { BuildConfiguration = pair.Right })
            .WithTrackingName(TrackingNames.LayoutsToGenerate);

        context.RegisterSourceOutput(toGenerate, static (context, layout) =>
            context.AddSource(layout.Layout.HintName, SourceText.From(LayoutEmitter.Emit(layout), System.Text.Encoding.UTF8)));

        // PTE013 is the one diagnostic the generator reports itself: below C# 13 the user's partial properties are
        // declaration errors, and the command-line compiler then stops before it runs any analyzer.
        var tooLow = parsed
            .Select(static (layout, _) => layout?.LanguageVersionTooLow)
            .Where(static problem => problem is not null)
            .WithTrackingName(TrackingNames.LanguageVersionProblems);
        context.RegisterSourceOutput(tooLow.Combine(context.CompilationProvider), static (context, pair) =>
            context.ReportDiagnostic(Diagnostic.Create(
                Diagnostics.DiagnosticDescriptors.LanguageVersionTooLow,
                pair.Left!.Location.ToLocation(pair.Right),
                pair.Left.Version,
                pair.Left.TypeName)));
    }

    /// <summary>The first step: the layout model and whether parsing found errors (no symbols, no locations).</summary>
    private static ParsedLayout? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.Length == 0)
        {
            return null;
        }

        var languageVersion = (context.TargetNode.SyntaxTree.Options as CSharpParseOptions)?.LanguageVersion;
        var result = LayoutParser.Parse(type, context.Attributes[0], languageVersion, cancellationToken, context.SemanticModel.Compilation);
        var tooLow = result.Diagnostics.FirstOrDefault(d => d.Id == Diagnostics.DiagnosticDescriptors.LanguageVersionTooLow.Id) is { } diagnostic
            ? new LanguageVersionProblem(LocationInfo.From(diagnostic.Location), languageVersion!.Value.ToDisplayString(), type.Name)
            : null;
        return new ParsedLayout(result.Layout, result.HasErrors, result.CanEmit, tooLow);
    }

    private static LayoutToGenerate? Validate(ParsedLayout? parsed)
    {
        if (parsed is not { CanEmit: true })
        {
            return null;
        }

        var valid = !parsed.HasErrors
            && LayoutValidator.IsValid(parsed.Layout)
            && FixupPlanner.Plan(parsed.Layout).Issues.Count == 0;
        return new LayoutToGenerate(parsed.Layout, valid ? EmitKind.Full : EmitKind.Stubs);
    }
}

/// <summary>The output of the parse step.</summary>
/// <param name="Layout">The layout.</param>
/// <param name="HasErrors">Whether parsing found errors (the analyzer reports them).</param>
/// <param name="CanEmit">Whether the generator may add a part to the type at all.</param>
/// <param name="LanguageVersionTooLow">Set when the project's C# version has no partial properties.</param>
internal sealed record ParsedLayout(LayoutModel Layout, bool HasErrors, bool CanEmit, LanguageVersionProblem? LanguageVersionTooLow);

/// <summary>PTE013's arguments and where to report it.</summary>
internal sealed record LanguageVersionProblem(LocationInfo Location, string Version, string TypeName);

/// <summary>A location as plain values, so it can travel through the pipeline (a <see cref="Location"/> cannot).</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationInfo From(Location location) =>
        new(location.SourceTree?.FilePath ?? "", location.SourceSpan, location.GetLineSpan().Span);

    /// <summary>The location in its syntax tree of <paramref name="compilation"/> (for IDE navigation), else by path.</summary>
    public Location ToLocation(Compilation compilation)
    {
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
