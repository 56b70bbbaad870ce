extern alias Generators;

using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PteGen.Benchmarks.Infrastructure;
using GuestUsageAnalyzer = Generators::PteGen.Generators.Usage.GuestUsageAnalyzer;

namespace PteGen.Benchmarks.Cost;

/// <summary>
/// The guest analyzer (<c>GuestUsageAnalyzer</c>) on pathological inputs (<see cref="PathologicalInput"/>, built by
/// <see cref="PathologicalGuest"/>): 10,000 bit operations in one method, 2,000 nested <c>|</c> left- and
/// right-nested, a chain of 10,000 locals, 300 <c>With…</c> calls over a layout with 12 switches and 64 conditional
/// claims. Only the analysis is timed: the compilation is created and bound in <see cref="Setup"/>, and every
/// iteration runs a new <c>CompilationWithAnalyzers</c> (so nothing the analyzer or the driver computed is reused) with
/// a new analyzer instance.
/// </summary>
/// <remarks>
/// A new <c>CompilationWithAnalyzers</c> works on a fresh copy of the compilation, so each iteration also binds the
/// method body again into operation trees: that is the analyzer driver's cost, which <see cref="DriverOnly"/> (the
/// baseline, <see cref="DriverBaselineAnalyzer"/>: the same registrations, no work) measures alone.
/// <see cref="DriverReplay"/> (<see cref="ReplayBaselineAnalyzer"/>) adds what the guest analyzer asks of Roslyn
/// without computing anything: the control-flow graphs, and its diagnostics at the same places (Roslyn checks each
/// for <c>[SuppressMessage]</c>, which can bind the method again). So <see cref="GuestAnalyzer"/> minus
/// <see cref="DriverOnly"/> is what a build pays for the analyzer, and <see cref="GuestAnalyzer"/> minus
/// <see cref="DriverReplay"/> is PteGen's own work. Concurrent analysis, as in a build (the analysis then runs on
/// thread-pool threads, whose stacks are the ones a deep input must fit in). <see cref="Setup"/> prints a Stopwatch
/// breakdown (<see cref="PathologicalProbe"/>) outside the timing.
/// </remarks>
[MemoryDiagnoser]
[MedianColumn]
// An operation takes 0.01-3 s here: the default job's up to 100 iterations per case would take over an hour on a busy
// two-core machine for little more precision.
[MaxIterationCount(25)]
public class PathologicalGuestBenchmarks : ICheckedBenchmark
{
    private Compilation _compilation = null!;
    private ImmutableArray<Diagnostic> _last;
    private ImmutableArray<(string Path, TextSpan Span)> _replayed;
    private int _size;

    [Params(
        PathologicalInput.BitOperations,
        PathologicalInput.LeftNestedOr,
        PathologicalInput.RightNestedOr,
        PathologicalInput.LocalChain,
        PathologicalInput.WithCalls)]
    public PathologicalInput Input { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _size = PathologicalGuest.Size(Input);
        _compilation = PathologicalGuest.Compilation(Input, _size);

        // Binds declarations and the method body once (and proves the input compiles) before anything is timed.
        Roslyn.ThrowOnErrors(_compilation.GetDiagnostics(), $"The pathological guest ({Input})");

        // Where the guest analyzer reports, for the replay control.
        _replayed = ReplayBaselineAnalyzer.LocationsOf(Roslyn.WithAnalyzers(_compilation, [new GuestUsageAnalyzer()], concurrent: true, logTime: false)
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult());
        if (!QuickRun.IsQuick)
        {
            Console.WriteLine(PathologicalProbe.Describe(Input, _size, _compilation));
        }
    }

    /// <summary>The analyzer driver alone: a no-op analyzer with the guest analyzer's registrations.</summary>
    [Benchmark(Baseline = true)]
    public int DriverOnly() => Analyze(new DriverBaselineAnalyzer());

    /// <summary>
    /// The driver asked what the guest analyzer asks of Roslyn, without PteGen's work: every block's control-flow graph,
    /// and a diagnostic at each place the guest analyzer reports one (<see cref="ReplayBaselineAnalyzer"/>).
    /// </summary>
    [Benchmark]
    public int DriverReplay() => Analyze(new ReplayBaselineAnalyzer(_replayed));

    /// <summary>The guest analyzer: the read rules and the bit-level data flow over the control-flow graph.</summary>
    [Benchmark]
    public int GuestAnalyzer() => Analyze(new GuestUsageAnalyzer());

    private int Analyze(DiagnosticAnalyzer analyzer)
    {
        _last = Roslyn.WithAnalyzers(_compilation, [analyzer], concurrent: true, logTime: false)
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return _last.Length;
    }

    public void Prepare(string method) => _last = default;

    /// <summary>
    /// Quick mode: the driver alone reports nothing; the replay reports as many diagnostics as it was given; the guest
    /// analyzer finishes without an analyzer exception and reports PTE101 for Xen's bits 52 and 62 reaching the entry
    /// (inputs a-c) or for every With call on a bit Xen reserves in some configuration (input d), so it did analyze the
    /// input.
    /// </summary>
    public void Check(string method, object? result)
    {
        if (_last.IsDefault)
        {
            throw new InvalidOperationException($"{method} did not run the analysis.");
        }

        Roslyn.ThrowOnErrors(_last, $"The analysis of the pathological guest ({Input})");
        if (method == nameof(DriverOnly))
        {
            if (!_last.IsEmpty)
            {
                throw new InvalidOperationException($"The no-op analyzer reported {_last.Length} diagnostics.");
            }

            return;
        }

        if (method == nameof(DriverReplay))
        {
            if (_last.Length != _replayed.Length)
            {
                throw new InvalidOperationException($"The replay control reported {_last.Length} diagnostics, the guest analyzer {_replayed.Length}.");
            }

            return;
        }

        var reported = _last.Count(d => d.Id == "PTE101");
        var expected = PathologicalProbe.ExpectedWrites(Input, _size);
        if (reported != expected)
        {
            throw new InvalidOperationException(
                $"The guest analyzer reported PTE101 x{reported} on {Input}, expected x{expected}:{Environment.NewLine}"
                + string.Join(Environment.NewLine, _last.Take(10)));
        }
    }
}
