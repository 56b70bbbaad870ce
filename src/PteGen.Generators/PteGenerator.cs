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
                options.GlobalOptions.TryGetValue(BuildProperties.Configuration, out var value) ? value.Trim() : "")
            .WithTrackingName(TrackingNames.BuildConfiguration);

        var toGenerate = validated
            .Where(static layout => layout is not null)
            .Combine(buildConfiguration)
            .Select(static (pair, _) => pair.Left! with { BuildConfiguration = pair.Right })
            .WithTrackingName(TrackingNames.LayoutsToGenerate);

        context.RegisterSourceOutput(toGenerate, static (context, layout) =>
            context.AddSource(layout.Layout.HintName, SourceText.From(LayoutEmitter.Emit(layout), System.Text.Encoding.UTF8)));
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
        return result.CanEmit ? new ParsedLayout(result.Layout, result.HasErrors) : null;
    }

    private static LayoutToGenerate? Validate(ParsedLayout? parsed)
    {
        if (parsed is null)
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
internal sealed record ParsedLayout(LayoutModel Layout, bool HasErrors);
