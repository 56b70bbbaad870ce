using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using PteGen.Benchmarks.Infrastructure;

namespace PteGen.Benchmarks.Cost;

/// <summary>
/// What PteGen's analyzers (<c>GuestUsageAnalyzer</c>, <c>ConfigurationAnalyzer</c>, <c>LayoutAnalyzer</c>) add to the
/// compile time of a synthetic guest code base (<see cref="SyntheticGuest"/>: 500 files, 22,500 bit operations over the
/// Xen layouts of XenPv.dll). End to end: the compiler's diagnostics of a new compilation (every method body bound, on
/// all cores, as csc does before emitting) against the compiler's and the analyzers' diagnostics of a new compilation
/// through <c>CompilationWithAnalyzers</c> (concurrent analysis, as in a build). The Ratio of
/// <see cref="CompileWithAnalyzers"/> minus 1 is the analyzers' share of the compile time (target: at most 5%).
/// </summary>
/// <remarks>
/// The denominator leaves out parsing and emitting, which a real build also pays, so the share is an upper bound.
/// <see cref="Setup"/> also prints the analyzers' own execution time from Roslyn's analyzer telemetry (sequential
/// analysis, <c>logAnalyzerExecutionTime</c>), as a share of a sequential compile; <c>--cost-report</c> repeats that
/// measurement and prints medians (see README.md).
/// </remarks>
public class AnalyzerBenchmarks : ICheckedBenchmark
{
    private ImmutableArray<SyntaxTree> _trees;
    private ImmutableArray<Diagnostic> _last;

    [GlobalSetup]
    public void Setup()
    {
        _trees = Roslyn.Parse(SyntheticGuest.Create(SyntheticGuest.Files));
        if (!QuickRun.IsQuick)
        {
            Console.WriteLine(CostReport.DescribeAnalyzerShare(CostReport.MeasureAnalyzerShare(_trees, warmups: 1, repetitions: 1)));
        }
    }

    /// <summary>The compiler alone: declarations and every method body bound, all diagnostics.</summary>
    [Benchmark(Baseline = true)]
    public int Compile()
    {
        _last = Roslyn.Compilation("Guest", _trees, Roslyn.GuestReferences).GetDiagnostics();
        return _last.Length;
    }

    /// <summary>The compiler and PteGen's analyzers, through <c>CompilationWithAnalyzers</c>.</summary>
    [Benchmark]
    public int CompileWithAnalyzers()
    {
        var compilation = Roslyn.Compilation("Guest", _trees, Roslyn.GuestReferences);
        _last = Roslyn.WithAnalyzers(compilation, concurrent: true, logTime: false).GetAllDiagnosticsAsync().GetAwaiter().GetResult();
        return _last.Length;
    }

    /// <summary>
    /// Quick mode: the guest compiles without error; with the analyzers, they report the guest's writes of Xen's bits
    /// (PTE101) and its raw arithmetic where an accessor exists (PTE104), so they did look at the code.
    /// </summary>
    public void Check(string method, object? result)
    {
        Roslyn.ThrowOnErrors(_last, "The synthetic guest");
        if (method == nameof(CompileWithAnalyzers))
        {
            var counts = _last.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count());
            if (!counts.ContainsKey("PTE101"))
            {
                throw new InvalidOperationException(
                    "The analyzers reported no PTE101 on a guest that writes Xen's bits: they did not analyze it. Reported: "
                    + string.Join(", ", counts.Select(kv => $"{kv.Key} x{kv.Value}")));
            }
        }
    }
}
