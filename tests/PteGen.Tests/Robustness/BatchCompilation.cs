extern alias Generators;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PteGen.Tests.Infrastructure;
using LayoutAnalyzer = Generators::PteGen.Generators.Diagnostics.LayoutAnalyzer;

namespace PteGen.Tests.Robustness;

/// <summary>
/// <see cref="TestCompilation.Run(string[])"/> made cheaper for thousands of runs, with the same checks: every batch is
/// added to one empty compilation (so the reference assemblies are resolved once, not per run), the generator runs
/// through <see cref="TestCompilation.Generate"/> (which fails on any generator diagnostic but a layout error: CS8785 means it threw), and
/// the compiler and the layout analyzer report in one pass (which fails on any analyzer exception or AD0001).
/// </summary>
internal static class BatchCompilation
{
    private static readonly CSharpCompilation Empty = TestCompilation.Create();

    public static RunOutcome Run(params string[] sources)
    {
        var input = Empty.AddSyntaxTrees(sources.Select((source, index) =>
            CSharpSyntaxTree.ParseText(source, TestCompilation.ParseOptions, path: $"Source{index}.cs")));
        var (output, run) = TestCompilation.Generate(input);

        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: (exception, _, _) => exceptions.Add(exception),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var all = AllDiagnostics(output.WithAnalyzers([new LayoutAnalyzer()], options));
        Assert.Empty(exceptions);
        Assert.DoesNotContain(all, d => d.Id == "AD0001");

        var visible = all.Where(d => d.Severity != DiagnosticSeverity.Hidden).ToList();
        var fromAnalyzer = run.Diagnostics.AddRange(visible.Where(d => d.Id.StartsWith("PTE", StringComparison.Ordinal)));
        var fromCompiler = visible.Where(d => !d.Id.StartsWith("PTE", StringComparison.Ordinal)).ToImmutableArray();
        var generated = run.Results.SelectMany(r => r.GeneratedSources).ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        return new RunOutcome(output, fromCompiler, fromAnalyzer, generated) { GeneratorDiagnostics = run.Diagnostics };
    }

    private static ImmutableArray<Diagnostic> AllDiagnostics(CompilationWithAnalyzers compilation) =>
        compilation.GetAllDiagnosticsAsync().GetAwaiter().GetResult();
}
