using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PteGen.Benchmarks.Cost;

/// <summary>
/// The control of the analyzer cost report: an analyzer that registers what PteGen's guest analyzer registers (a
/// compilation-start action, then an operation-block action and a symbol action for fields and named types) and does
/// nothing in them. What it adds to a compile is the analyzer driver's own cost (compilation events, a second binding of
/// every method body into operation trees), which a build pays once for all its operation analyzers, PteGen's or the
/// SDK's; what PteGen adds beyond it is PteGen's. Used in-process only, so it has no <c>[DiagnosticAnalyzer]</c>
/// attribute (RS1001) and no release tracking (RS2008).
/// </summary>
#pragma warning disable RS1001
internal sealed class DriverBaselineAnalyzer : DiagnosticAnalyzer
{
#pragma warning disable RS2008 // Release tracking: never shipped, never reported.
    private static readonly DiagnosticDescriptor Never = new(
        "BASELINE001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);
#pragma warning restore RS2008

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Never];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            start.RegisterOperationBlockAction(static _ => { });
            start.RegisterSymbolAction(static _ => { }, SymbolKind.Field, SymbolKind.NamedType);
        });
    }
}
#pragma warning restore RS1001
