using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace PteGen.Benchmarks.Cost;

/// <summary>
/// The second control of the pathological benchmarks: <see cref="DriverBaselineAnalyzer"/>'s registrations, plus what
/// the guest analyzer asks of Roslyn without computing anything itself: the control-flow graph of every block, and
/// one diagnostic at each place the guest analyzer reported one (recorded beforehand). What it adds over the driver
/// alone is Roslyn's cost of those requests (building the graphs; for each diagnostic, the <c>[SuppressMessage]</c>
/// check, which asks for the symbols declared around the diagnostic and can bind the whole method again); what the guest
/// analyzer adds beyond it is PteGen's own walk and data flow. Used in-process only, so it has no
/// <c>[DiagnosticAnalyzer]</c> attribute (RS1001) and no release tracking (RS2008).
/// </summary>
#pragma warning disable RS1001
internal sealed class ReplayBaselineAnalyzer : DiagnosticAnalyzer
{
#pragma warning disable RS2008 // Release tracking: never shipped.
    private static readonly DiagnosticDescriptor Replayed = new(
        "BASELINE002", "Replayed", "A diagnostic where the guest analyzer reported one", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);
#pragma warning restore RS2008

    private readonly ImmutableArray<(string Path, TextSpan Span)> _locations;

    /// <param name="locations">Where the guest analyzer reported its diagnostics (in source).</param>
    public ReplayBaselineAnalyzer(ImmutableArray<(string Path, TextSpan Span)> locations) => _locations = locations;

    /// <summary>The source locations of <paramref name="diagnostics"/>, to replay.</summary>
    public static ImmutableArray<(string Path, TextSpan Span)> LocationsOf(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics.Where(d => d.Location.IsInSource).Select(d => (d.Location.SourceTree!.FilePath, d.Location.SourceSpan))];

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Replayed];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            start.RegisterOperationBlockAction(block =>
            {
                foreach (var root in block.OperationBlocks)
                {
                    // As the guest analyzer does: attributes have no graph.
                    if (root.Kind is not (OperationKind.Attribute or OperationKind.None))
                    {
                        _ = block.GetControlFlowGraph(root);
                    }

                    foreach (var (path, span) in _locations)
                    {
                        if (root.Syntax.SyntaxTree.FilePath == path && root.Syntax.Span.Contains(span))
                        {
                            block.ReportDiagnostic(Diagnostic.Create(Replayed, Location.Create(root.Syntax.SyntaxTree, span)));
                        }
                    }
                }
            });
            start.RegisterSymbolAction(static _ => { }, SymbolKind.Field, SymbolKind.NamedType);
        });
    }
}
#pragma warning restore RS1001
