extern alias Generators;

using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using FlowContext = Generators::PteGen.Generators.Usage.Flow.FlowContext;
using FlowFamily = Generators::PteGen.Generators.Usage.Flow.FlowFamily;
using GuestUsageAnalyzer = Generators::PteGen.Generators.Usage.GuestUsageAnalyzer;
using LayoutCatalog = Generators::PteGen.Generators.Usage.LayoutCatalog;
using PteGenOptions = Generators::PteGen.Generators.Usage.PteGenOptions;
using RawFlow = Generators::PteGen.Generators.Usage.RawFlow;

namespace PteGen.Benchmarks.Cost;

/// <summary>
/// Where the guest analyzer's time goes on one pathological input: a Stopwatch breakdown, single-threaded, with each
/// step's allocations and GC pauses, printed by <see cref="PathologicalGuestBenchmarks.Setup"/> (one run after one
/// warm-up: early runs are partly unoptimized JIT code) and by <c>--pathological</c> (median of 3 after 2). End to end
/// (the driver alone; the driver asked for the analyzer's control-flow graphs and given its diagnostics,
/// <see cref="ReplayBaselineAnalyzer"/>; the driver with the analyzer, and its telemetry), then the pieces: the method bound into
/// an operation tree on a fresh compilation, the control-flow graph of that bound body, and the analyzer's internal
/// steps called directly (the read rules' raw-bits tracker, the bit-level data flow, the layout's parse and, for the
/// With calls, the PTE101 messages). A probe, not a measurement: BenchmarkDotNet's numbers are the measurement.
/// </summary>
internal static class PathologicalProbe
{
    /// <summary>The PTE101 the guest analyzer must report on the input.</summary>
    public static int ExpectedWrites(PathologicalInput input, int size)
    {
        if (input != PathologicalInput.WithCalls)
        {
            // The last operation that decides bit 52 and the last that decides bit 62 reach the entry constructor.
            return 2;
        }

        var fields = PathologicalLayout.Fields;
        return Enumerable.Range(0, size).Count(index => PathologicalLayout.XenFields.Contains(fields[index % fields.Count].Name));
    }

    /// <summary>
    /// <c>--pathological INPUT [SIZE] [RUNS]</c>: the breakdown of one input at any size (the full size by default),
    /// then RUNS timed analyses as the benchmark runs them (a new <c>CompilationWithAnalyzers</c> each, concurrent), so
    /// a profiler or a size search can look at one input alone. Exit code 0 when every run finished.
    /// </summary>
    public static int Run(string[] args)
    {
        var at = Array.IndexOf(args, "--pathological");
        if (at + 1 >= args.Length || !Enum.TryParse<PathologicalInput>(args[at + 1], ignoreCase: true, out var input))
        {
            Console.Error.WriteLine($"--pathological needs one of {string.Join(", ", Enum.GetNames<PathologicalInput>())}, then optionally a size and a number of runs.");
            return 2;
        }

        int Number(int index, int fallback) =>
            index < args.Length && int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : fallback;
        var size = Number(at + 2, PathologicalGuest.FullSize(input));
        var runs = Number(at + 3, 5);
        var compilation = PathologicalGuest.Compilation(input, size);
        var watch = Stopwatch.StartNew();
        Roslyn.ThrowOnErrors(compilation.GetDiagnostics(), $"The pathological guest ({input})");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// compile (GetDiagnostics)  {watch.Elapsed.TotalMilliseconds:F1} ms"));
        Console.WriteLine(Describe(input, size, compilation, warmups: 2, repetitions: 3));
        for (var run = 0; run < runs; run++)
        {
            watch.Restart();
            var diagnostics = Roslyn.WithAnalyzers(compilation, [new GuestUsageAnalyzer()], concurrent: true, logTime: false)
                .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// run {run + 1}: GuestUsageAnalyzer {watch.Elapsed.TotalMilliseconds:F1} ms, {diagnostics.Count(d => d.Id == "PTE101")} PTE101"));
        }

        return 0;
    }

    /// <summary>The breakdown, each step timed as the median of <paramref name="repetitions"/> runs after <paramref name="warmups"/>.</summary>
    public static string Describe(PathologicalInput input, int size, Compilation compilation, int warmups = 1, int repetitions = 1)
    {
        var text = new StringBuilder();
        void Line(string what, Measured measured, string note = "") =>
            text.Append(string.Create(CultureInfo.InvariantCulture, $"//   {what,-50} {measured.Ms,9:F1} ms {measured.AllocatedMb,8:F1} MB allocated {measured.GcPauseMs,7:F1} ms in GC{note}")).AppendLine();
        text.Append(string.Create(CultureInfo.InvariantCulture,
            $"// PteGen guest analyzer on {input} ({PathologicalGuest.Describe(input, size)}), Stopwatch, single-threaded, median of {repetitions} after {warmups} warm-up(s):"))
            .AppendLine();
        Measured Time(Func<double> action) => Measure(action, warmups, repetitions);

        var driver = Time(() => EndToEnd(compilation, new DriverBaselineAnalyzer()).Length);
        var replayed = ReplayBaselineAnalyzer.LocationsOf(EndToEnd(compilation, new GuestUsageAnalyzer()));
        var replay = Time(() => EndToEnd(compilation, new ReplayBaselineAnalyzer(replayed)).Length);
        var analyzer = Time(() => EndToEnd(compilation, new GuestUsageAnalyzer()).Length);
        var telemetry = Time(() => Telemetry(compilation));
        Line("driver alone (no-op analyzer)", driver);
        Line("driver + its graphs and diagnostics (replay)", replay, string.Create(CultureInfo.InvariantCulture, $"   (+{replay.Ms - driver.Ms:F1} ms over the driver, {replayed.Length} diagnostics)"));
        Line("driver + GuestUsageAnalyzer", analyzer, string.Create(CultureInfo.InvariantCulture, $"   (+{analyzer.Ms - driver.Ms:F1} ms over the driver)"));
        Line("  of which its telemetry ExecutionTime", telemetry with { Ms = telemetry.Value });

        // The pieces. Binding needs a fresh compilation each time; the later steps reuse one bound body.
        var operationTree = Time(() => Body(Fresh(compilation)).Descendants().Count());
        Line("bind + operation tree of the method (fresh)", operationTree, string.Create(CultureInfo.InvariantCulture, $"   ({operationTree.Value:N0} operations)"));
        var bound = Fresh(compilation);
        var body = Body(bound);
        var graph = Time(() => ControlFlowGraph.Create(body).Blocks.Length);
        Line("control-flow graph of the bound body", graph, string.Create(CultureInfo.InvariantCulture, $"   ({graph.Value:N0} blocks)"));
        var boundGraph = ControlFlowGraph.Create(body);
        var method = (IMethodSymbol)bound.GetSemanticModel(bound.SyntaxTrees.Single()).GetDeclaredSymbol(body.Syntax)!;
        var options = PteGenOptions.Read(new AnalyzerOptions([]));
        var rawReads = Time(() => RawReads(body, new LayoutCatalog(options)));
        Line("read rules: raw-bits tracker + operand scans", rawReads, string.Create(CultureInfo.InvariantCulture, $"   ({rawReads.Value:N0} bit operations)"));
        var flow = Time(() =>
        {
            var catalog = new LayoutCatalog(options);
            return FlowFamily.Analyze(boundGraph, method, new FlowContext(bound, catalog), CancellationToken.None).Findings.Count;
        });
        Line("bit-level data flow (FlowFamily.Analyze)", flow, string.Create(CultureInfo.InvariantCulture, $"   ({flow.Value} findings)"));
        if (input == PathologicalInput.WithCalls)
        {
            var layoutType = bound.GetTypeByMetadataName(PathologicalLayout.Namespace + ".WideEntry")!;
            var parse = Time(() => new LayoutCatalog(options).Get(layoutType, CancellationToken.None)!.ActiveConfigurations.Count);
            Line("layout parse + configurations (LayoutCatalog.Get)", parse, string.Create(CultureInfo.InvariantCulture, $"   ({parse.Value:N0} configurations)"));
            var layout = new LayoutCatalog(options).Get(layoutType, CancellationToken.None)!;
            var fields = PathologicalLayout.Fields;
            var reserved = Enumerable.Range(0, size)
                .Select(index => layout.FieldForWith("With" + fields[index % fields.Count].Name)!)
                .Where(field => layout.XenBitsAmong(field.Mask) != 0)
                .ToList();
            var messages = Time(() => reserved.Sum(field => layout.DescribeXenBits(layout.XenBitsAmong(field.Mask)).Length));
            Line("PTE101 messages (DescribeXenBits per With call)", messages, string.Create(CultureInfo.InvariantCulture, $"   ({reserved.Count} messages)"));
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>A step's median time, and its mean allocation and GC pause per run (process-wide: the driver may use other threads).</summary>
    private readonly record struct Measured(double Ms, double AllocatedMb, double GcPauseMs, double Value);

    private static Measured Measure(Func<double> action, int warmups, int repetitions)
    {
        for (var round = 0; round < warmups; round++)
        {
            action();
        }

        var times = new List<double>();
        var value = 0.0;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var paused = GC.GetTotalPauseDuration();
        for (var round = 0; round < repetitions; round++)
        {
            var watch = Stopwatch.StartNew();
            value = action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return new Measured(
            times[times.Count / 2],
            (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (1024.0 * 1024.0) / repetitions,
            (GC.GetTotalPauseDuration() - paused).TotalMilliseconds / repetitions,
            value);
    }

    private static Compilation Fresh(Compilation compilation) =>
        Roslyn.Compilation(compilation.AssemblyName!, compilation.SyntaxTrees, [.. compilation.References], concurrent: false);

    private static System.Collections.Immutable.ImmutableArray<Diagnostic> EndToEnd(Compilation compilation, DiagnosticAnalyzer analyzer) =>
        Roslyn.WithAnalyzers(compilation, [analyzer], concurrent: false, logTime: false).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    private static double Telemetry(Compilation compilation)
    {
        var analyzer = new GuestUsageAnalyzer();
        var result = Roslyn.WithAnalyzers(compilation, [analyzer], concurrent: false, logTime: true)
            .GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();
        return result.AnalyzerTelemetryInfo[analyzer].ExecutionTime.TotalMilliseconds;
    }

    /// <summary>The body of the input's one method.</summary>
    private static IMethodBodyOperation Body(Compilation compilation)
    {
        var tree = compilation.SyntaxTrees.Single();
        var declaration = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
        return (IMethodBodyOperation)compilation.GetSemanticModel(tree).GetOperation(declaration)!;
    }

    /// <summary>What the analyzer's read rules do with a body: observe every operation, resolve raw locals, scan each bit operation's operands.</summary>
    private static int RawReads(IOperation body, LayoutCatalog catalog)
    {
        var flow = new RawFlow(catalog, CancellationToken.None);
        var binaries = new List<IBinaryOperation>();
        foreach (var operation in body.DescendantsAndSelf())
        {
            flow.Observe(operation);
            if (operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Or or BinaryOperatorKind.ExclusiveOr or BinaryOperatorKind.And } binary)
            {
                binaries.Add(binary);
            }
        }

        flow.Complete();
        foreach (var binary in binaries)
        {
            _ = flow.LayoutOf(binary.LeftOperand) ?? flow.LayoutOf(binary.RightOperand);
        }

        return binaries.Count;
    }
}
