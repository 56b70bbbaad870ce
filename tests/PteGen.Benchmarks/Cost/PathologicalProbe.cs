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
/// Where the guest analyzer's time goes on one pathological input: a Stopwatch breakdown printed by
/// <see cref="PathologicalGuestBenchmarks.Setup"/>, single-threaded, each step after one warm-up run. End to end
/// (the driver alone, the driver with the analyzer, the analyzer's telemetry), then the pieces on a fresh
/// compilation: the operation tree of the method, its control-flow graph, and the analyzer's internal steps called
/// directly (the read rules' raw-bits tracker, the bit-level data flow, the layout's parse and, for the With calls,
/// the PTE101 messages). A probe, not a measurement: BenchmarkDotNet's numbers are the measurement.
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
        Console.WriteLine(Describe(input, size, compilation));
        for (var run = 0; run < runs; run++)
        {
            watch.Restart();
            var diagnostics = Roslyn.WithAnalyzers(compilation, [new GuestUsageAnalyzer()], concurrent: true, logTime: false)
                .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// run {run + 1}: GuestUsageAnalyzer {watch.Elapsed.TotalMilliseconds:F1} ms, {diagnostics.Count(d => d.Id == "PTE101")} PTE101"));
        }

        return 0;
    }

    public static string Describe(PathologicalInput input, int size, Compilation compilation)
    {
        var text = new StringBuilder();
        void Line(string line) => text.Append("// ").AppendLine(line);
        Line($"PteGen guest analyzer on {input} ({PathologicalGuest.Describe(input, size)}), Stopwatch, single-threaded, after one warm-up:");

        var driver = Time(() => EndToEnd(compilation, new DriverBaselineAnalyzer()).Length);
        var analyzer = Time(() => EndToEnd(compilation, new GuestUsageAnalyzer()).Length);
        var telemetry = Time(() => Telemetry(compilation));
        Line(Ms("driver alone (no-op analyzer)", driver.Ms));
        Line(Ms("driver + GuestUsageAnalyzer", analyzer.Ms) + string.Create(CultureInfo.InvariantCulture, $"   (+{analyzer.Ms - driver.Ms:F1} ms over the driver)"));
        Line(Ms("GuestUsageAnalyzer telemetry ExecutionTime", telemetry.Value));

        // The pieces, each on a fresh compilation so that no bound tree is shared with the step before.
        var operationTree = Time(() => Body(Fresh(compilation)).Descendants().Count());
        Line(Ms("operation tree of the method (bind + IOperation)", operationTree.Ms) + $"   ({operationTree.Value:N0} operations)");
        var graph = Time(() => ControlFlowGraph.Create(Body(Fresh(compilation))).Blocks.Length);
        Line(Ms("control-flow graph (bind + IOperation + CFG)", graph.Ms) + $"   ({graph.Value:N0} blocks)");

        var bound = Fresh(compilation);
        var body = Body(bound);
        var boundGraph = ControlFlowGraph.Create(body);
        var method = (IMethodSymbol)bound.GetSemanticModel(bound.SyntaxTrees.Single()).GetDeclaredSymbol(body.Syntax)!;
        var options = PteGenOptions.Read(new AnalyzerOptions([]));
        var rawReads = Time(() => RawReads(body, new LayoutCatalog(options)));
        Line(Ms("read rules: raw-bits tracker + operand scans", rawReads.Ms) + $"   ({rawReads.Value:N0} bit operations scanned)");
        var flow = Time(() =>
        {
            var catalog = new LayoutCatalog(options);
            return FlowFamily.Analyze(boundGraph, method, new FlowContext(bound, catalog), CancellationToken.None).Findings.Count;
        });
        Line(Ms("bit-level data flow (FlowFamily.Analyze)", flow.Ms) + $"   ({flow.Value} findings)");
        if (input == PathologicalInput.WithCalls)
        {
            var layoutType = bound.GetTypeByMetadataName(PathologicalLayout.Namespace + ".WideEntry")!;
            var parse = Time(() => new LayoutCatalog(options).Get(layoutType, CancellationToken.None)!.ActiveConfigurations.Count);
            Line(Ms("layout parse + configurations (LayoutCatalog.Get)", parse.Ms) + $"   ({parse.Value:N0} configurations)");
            var layout = new LayoutCatalog(options).Get(layoutType, CancellationToken.None)!;
            var fields = PathologicalLayout.Fields;
            var messages = Time(() => Enumerable.Range(0, size)
                .Select(index => layout.FieldForWith("With" + fields[index % fields.Count].Name)!)
                .Where(field => layout.XenBitsAmong(field.Mask) != 0)
                .Sum(field => layout.DescribeXenBits(layout.XenBitsAmong(field.Mask)).Length));
            Line(Ms("PTE101 messages (DescribeXenBits per With call)", messages.Ms));
        }

        return text.ToString().TrimEnd();
    }

    private static string Ms(string what, double ms) => string.Create(CultureInfo.InvariantCulture, $"  {what,-50} {ms,9:F1} ms");

    private static (double Ms, T Value) Time<T>(Func<T> action)
    {
        action();
        var watch = Stopwatch.StartNew();
        var value = action();
        return (watch.Elapsed.TotalMilliseconds, value);
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
