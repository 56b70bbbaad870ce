using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PteGen.Benchmarks.Cost;

/// <summary>
/// The analyzers' share of the compile time from Roslyn's analyzer telemetry (<c>--cost-report</c>, and printed by the
/// analyzer benchmark's setup), and the generator's cold and incremental times with the caching check. A Stopwatch
/// report, single-threaded so that execution times add up; BenchmarkDotNet's <see cref="AnalyzerBenchmarks"/> and
/// <see cref="GeneratorBenchmarks"/> are the statistically sound measurements.
/// </summary>
internal static class CostReport
{
    /// <summary>Medians over the repetitions, in milliseconds.</summary>
    internal sealed record AnalyzerShare(
        int Files,
        int Repetitions,
        double CompileMs,
        double CompileWithAnalyzersMs,
        double CompileWithDriverBaselineMs,
        IReadOnlyList<(string Analyzer, double ExecutionMs)> Analyzers,
        IReadOnlyDictionary<string, int> Reported)
    {
        public double TelemetryMs => Analyzers.Sum(a => a.ExecutionMs);
    }

    /// <summary>
    /// Each round, on new compilations, single-threaded (concurrentBuild and concurrentAnalysis off, so execution times
    /// add up): the compile (<c>Emit</c>, which binds, checks and compiles every method, as csc does); the compile with the analyzers end to end
    /// (<c>GetAllDiagnosticsAsync</c>); the same with <see cref="DriverBaselineAnalyzer"/> instead (the driver's own cost,
    /// the control); and the analysis with <c>logAnalyzerExecutionTime</c> through
    /// <c>GetAnalysisResultAsync</c>, whose <c>AnalyzerTelemetryInfo</c> has each analyzer's execution time
    /// (<c>GetAllDiagnosticsAsync</c> keeps no telemetry).
    /// </summary>
    public static AnalyzerShare MeasureAnalyzerShare(ImmutableArray<SyntaxTree> trees, int warmups, int repetitions)
    {
        var compile = new List<double>();
        var withAnalyzers = new List<double>();
        var withDriverBaseline = new List<double>();
        var perAnalyzer = new Dictionary<string, List<double>>();
        IReadOnlyDictionary<string, int> reported = new Dictionary<string, int>();
        for (var round = 0; round < warmups + repetitions; round++)
        {
            // The compile is what csc does with the files: Emit binds, checks and compiles every method in one pass and
            // returns all the diagnostics.
            var watch = Stopwatch.StartNew();
            var compilation = Roslyn.Compilation("Guest", trees, Roslyn.GuestReferences, concurrent: false);
            ImmutableArray<Diagnostic> diagnostics;
            using (var assembly = new MemoryStream())
            {
                diagnostics = compilation.Emit(assembly).Diagnostics;
            }

            var compileMs = watch.Elapsed.TotalMilliseconds;
            Roslyn.ThrowOnErrors(diagnostics, "The synthetic guest");

            // End to end: the same compile, plus the analyzers' diagnostics on the same compilation (as csc runs them).
            var (all, allMs) = EndToEnd(trees, Roslyn.Analyzers());
            Roslyn.ThrowOnErrors(all, "The synthetic guest with analyzers");
            var (_, driverBaselineMs) = EndToEnd(trees, [new DriverBaselineAnalyzer()]);

            var timed = Roslyn.WithAnalyzers(Roslyn.Compilation("Guest", trees, Roslyn.GuestReferences, concurrent: false), concurrent: false, logTime: true);
            var result = timed.GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();
            if (round < warmups)
            {
                continue;
            }

            compile.Add(compileMs);
            withAnalyzers.Add(allMs);
            withDriverBaseline.Add(driverBaselineMs);
            foreach (var (analyzer, telemetry) in result.AnalyzerTelemetryInfo)
            {
                var name = analyzer.GetType().Name;
                if (!perAnalyzer.TryGetValue(name, out var times))
                {
                    perAnalyzer[name] = times = [];
                }

                times.Add(telemetry.ExecutionTime.TotalMilliseconds);
            }

            reported = all.Where(d => d.Severity != DiagnosticSeverity.Hidden)
                .GroupBy(d => d.Id)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count());
        }

        return new AnalyzerShare(
            trees.Length,
            repetitions,
            Median(compile),
            Median(withAnalyzers),
            Median(withDriverBaseline),
            [.. perAnalyzer.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, Median(kv.Value)))],
            reported);
    }

    /// <summary>A new compilation's <c>Emit</c>, then the analyzers' diagnostics on it (as csc runs them), timed together.</summary>
    private static (ImmutableArray<Diagnostic> Diagnostics, double Milliseconds) EndToEnd(ImmutableArray<SyntaxTree> trees, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var compilation = Roslyn.WithAnalyzers(Roslyn.Compilation("Guest", trees, Roslyn.GuestReferences, concurrent: false), analyzers, concurrent: false, logTime: false);
        var watch = Stopwatch.StartNew();
        using (var assembly = new MemoryStream())
        {
            compilation.Compilation.Emit(assembly);
        }

        var diagnostics = compilation.GetAllDiagnosticsAsync().GetAwaiter().GetResult();
        return (diagnostics, watch.Elapsed.TotalMilliseconds);
    }

    public static string DescribeAnalyzerShare(AnalyzerShare share)
    {
        var text = new StringBuilder();
        var line = (string s) => text.Append("// ").AppendLine(s);
        line(string.Create(CultureInfo.InvariantCulture, $"PteGen analyzers on the synthetic guest ({share.Files} files, {SyntheticGuest.OperationCount(share.Files)} bit operations), single-threaded, median of {share.Repetitions}:"));
        line(string.Create(CultureInfo.InvariantCulture, $"  compile (Emit, as csc)                        {share.CompileMs,9:F1} ms"));
        line(string.Create(CultureInfo.InvariantCulture, $"  compile + a no-op operation analyzer (control){share.CompileWithDriverBaselineMs,9:F1} ms   end to end: +{Percent(share.CompileWithDriverBaselineMs - share.CompileMs, share.CompileMs)} (the analyzer driver's own cost)"));
        line(string.Create(CultureInfo.InvariantCulture, $"  compile + PteGen's analyzers                  {share.CompileWithAnalyzersMs,9:F1} ms   end to end: +{Percent(share.CompileWithAnalyzersMs - share.CompileMs, share.CompileMs)}; beyond the control: {SignedPercent(share.CompileWithAnalyzersMs - share.CompileWithDriverBaselineMs, share.CompileMs)}"));
        foreach (var (analyzer, ms) in share.Analyzers)
        {
            line(string.Create(CultureInfo.InvariantCulture, $"  {analyzer,-44}  {ms,9:F1} ms   {Percent(ms, share.CompileMs)} of the compile (telemetry ExecutionTime)"));
        }

        line(string.Create(CultureInfo.InvariantCulture, $"  {"all analyzers",-44}  {share.TelemetryMs,9:F1} ms   {Percent(share.TelemetryMs, share.CompileMs)} of the compile (target: at most 5%)"));
        line("  reported (hidden ones left out): " + string.Join(", ", share.Reported.Select(kv => $"{kv.Key} x{kv.Value}")));
        return text.ToString().TrimEnd();
    }

    /// <summary>The generator's cold and incremental times (Stopwatch medians) and the caching verdict.</summary>
    public static string DescribeGenerator(int warmups, int repetitions)
    {
        var benchmarks = new GeneratorBenchmarks();
        benchmarks.Setup();
        var cold = Time(() => benchmarks.ColdRun(), warmups, repetitions);
        var incremental = Time(() => benchmarks.IncrementalRun(), warmups, repetitions * 10);
        return string.Create(CultureInfo.InvariantCulture, $"""
            // PteGen generator on {SyntheticLayouts.Layouts} layouts (+{SyntheticLayouts.UnrelatedCount} unrelated files), median:
            //   cold run (new driver, new compilation)        {cold,9:F1} ms
            //   incremental run after an unrelated edit        {incremental,9:F2} ms
            //   every tracked step cached after the edit:      {(benchmarks.UncachedSteps.Count == 0 ? "yes" : "NO: " + string.Join("; ", benchmarks.UncachedSteps))}
            """);
    }

    /// <summary><c>--cost-report [repetitions]</c>: both reports, after warm-up runs.</summary>
    public static int Run(int repetitions)
    {
        Console.WriteLine(DescribeGenerator(warmups: 3, repetitions));
        Console.WriteLine(DescribeAnalyzerShare(MeasureAnalyzerShare(Roslyn.Parse(SyntheticGuest.Create(SyntheticGuest.Files)), warmups: 2, repetitions)));
        return 0;
    }

    private static double Time(Func<int> action, int warmups, int repetitions)
    {
        var times = new List<double>();
        for (var round = 0; round < warmups + repetitions; round++)
        {
            var watch = Stopwatch.StartNew();
            action();
            if (round >= warmups)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return Median(times);
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string SignedPercent(double part, double whole) => (part >= 0 ? "+" : "") + Percent(part, whole);

    private static string Percent(double part, double whole) => string.Create(CultureInfo.InvariantCulture, $"{100 * part / whole:F1}%");
}
