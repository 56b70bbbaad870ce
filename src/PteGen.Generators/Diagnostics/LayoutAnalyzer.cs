using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PteGen.Generators.Parsing;
using PteGen.Generators.Parsing.Problems;

namespace PteGen.Generators.Diagnostics;

/// <summary>
/// Reports the PTE0xx errors of the layouts the generator can complete, and of <c>[PteSwitches]</c> enums, from the
/// same parser and rules the generator uses. Layouts the generator cannot complete are the generator's to report
/// (see <see cref="ReportingHost"/>), so no diagnostic is reported twice.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LayoutAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = DiagnosticDescriptors.LayoutErrors;

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
    }

    private static void AnalyzeType(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        foreach (var attribute in type.GetAttributes())
        {
            if (KnownNames.IsLayoutAttribute(attribute.AttributeClass))
            {
                var languageVersion = (type.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree.Options as CSharpParseOptions)?.LanguageVersion;
                LayoutParser.Parse(type, attribute, languageVersion, ReportingHost.Analyzer, new Sink(context), context.CancellationToken);
                return;
            }

            if (type.TypeKind == TypeKind.Enum && KnownNames.Is(attribute.AttributeClass, KnownNames.PteSwitchesAttribute))
            {
                foreach (var diagnostic in SwitchSetParser.Parse(type, context.CancellationToken).Diagnostics)
                {
                    context.ReportDiagnostic(diagnostic);
                }

                return;
            }
        }
    }

    private sealed class Sink(SymbolAnalysisContext context) : IProblemSink
    {
        public void Report(Problem problem, SiteLocator sites) => context.ReportDiagnostic(problem.ToDiagnostic(sites.Locate(problem.Site)));
    }
}
