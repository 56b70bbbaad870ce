using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Running;
using PteGen.Benchmarks.Accessors;
using PteGen.Benchmarks.Cost;
using PteGen.Benchmarks.Fixups;

namespace PteGen.Benchmarks;

/// <summary>
/// <c>--quick</c>: the CI smoke mode (every benchmark once, results checked, seconds). <c>--cost-report [n]</c>: the
/// generator and analyzer cost report (Stopwatch medians, analyzer telemetry). <c>--write-guest DIR</c>: the synthetic
/// guest as a real project, for measuring the analyzers in <c>dotnet build</c>. <c>--pathological INPUT [SIZE] [RUNS]</c>:
/// one pathological guest input alone, its breakdown and timed runs (for a profiler or a size search). Anything else
/// goes to BenchmarkDotNet's <see cref="BenchmarkSwitcher"/>: <c>--filter '*'</c> for the full suite, <c>--list flat</c>,
/// <c>--job short</c>, <c>--disasm</c>, ... (see README.md).
/// </summary>
public static class Program
{
    /// <summary>The benchmark classes, in the order of the issue.</summary>
    public static readonly Type[] BenchmarkTypes =
    [
        typeof(AccessorBenchmarks),
        typeof(FixupBenchmarks),
        typeof(NegotiatedFixupBenchmarks),
        typeof(GeneratorBenchmarks),
        typeof(AnalyzerBenchmarks),
        typeof(PathologicalGuestBenchmarks),
    ];

    public static int Main(string[] args)
    {
        if (args.Contains("--quick"))
        {
            return QuickRun.Run(BenchmarkTypes);
        }

        var report = Array.IndexOf(args, "--cost-report");
        if (report >= 0)
        {
            var repetitions = report + 1 < args.Length && int.TryParse(args[report + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 5;
            return CostReport.Run(repetitions);
        }

        if (args.Contains("--pathological"))
        {
            return PathologicalProbe.Run(args);
        }

        var write = Array.IndexOf(args, "--write-guest");
        if (write >= 0)
        {
            return GuestProject.Write(write + 1 < args.Length ? args[write + 1] : "synthetic-guest");
        }

        var config = DefaultConfig.Instance;
        if (!NativeAdjust.Available)
        {
            Console.WriteLine($"// The C benchmark (FixupBenchmarks.C) is skipped: {NativeAdjust.UnavailableReason}.");
            config = config.AddFilter(new SimpleFilter(benchmark =>
                SkipReason(benchmark.Descriptor.Type, benchmark.Descriptor.WorkloadMethod.Name) is null));
        }

        var summaries = BenchmarkSwitcher.FromTypes(BenchmarkTypes).Run(args, config);
        return summaries.Any(summary => summary.HasCriticalValidationErrors) ? 1 : 0;
    }

    /// <summary>Why a benchmark cannot run on this machine (only the C one, without a C compiler); null when it can.</summary>
    public static string? SkipReason(Type type, string method) =>
        type == typeof(FixupBenchmarks) && method == nameof(FixupBenchmarks.C) && !NativeAdjust.Available
            ? NativeAdjust.UnavailableReason
            : null;
}
