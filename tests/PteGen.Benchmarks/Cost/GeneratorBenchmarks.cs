using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using PteGen.Benchmarks.Infrastructure;

namespace PteGen.Benchmarks.Cost;

/// <summary>
/// The generator's cost on a synthetic hypervisor project of <see cref="SyntheticLayouts.LayoutCount"/> layouts (and
/// <see cref="SyntheticLayouts.UnrelatedCount"/> ordinary files): a cold run (a new <c>CSharpGeneratorDriver</c> on a new
/// compilation of the parsed files, as when a project is opened) and an incremental run after an unrelated edit (the
/// driver that already ran, on the compilation with one method body of an unrelated file changed, as after a keystroke).
/// </summary>
/// <remarks>
/// Outside the timing, <see cref="Setup"/> runs the same edit with step tracking on and prints whether every tracked step
/// (<c>ParsedLayouts</c>, <c>ValidatedLayouts</c>, <c>LayoutsToGenerate</c>) was Cached or Unchanged; the quick mode fails
/// when one was not, and compiles the generated code once to check it has no error.
/// </remarks>
public class GeneratorBenchmarks : ICheckedBenchmark
{
    private ImmutableArray<SyntaxTree> _trees;
    private Compilation _compilation = null!;
    private SyntaxTree _unrelated = null!;
    private SyntaxTree[] _edits = [];
    private GeneratorDriver _warmDriver = null!;
    private int _edit;
    private int _layouts;

    /// <summary>The caching verdict of the last <see cref="Setup"/>: empty when every tracked step was cached.</summary>
    public IReadOnlyList<string> UncachedSteps { get; private set; } = [];

    [GlobalSetup]
    public void Setup()
    {
        _layouts = SyntheticLayouts.Layouts;
        _trees = Roslyn.Parse(SyntheticLayouts.Create(_layouts));
        _compilation = Roslyn.Compilation("Hypervisor", _trees, Roslyn.LayoutReferences);
        _unrelated = _trees.Single(tree => tree.FilePath == SyntheticLayouts.UnrelatedPath);
        _edits =
        [
            .. Enumerable.Range(1, 2).Select(edit => _unrelated.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(SyntheticLayouts.EditedUnrelated(edit)))),
        ];
        _warmDriver = Roslyn.Driver().RunGenerators(_compilation);

        // The caching check, with step tracking, outside the timed runs.
        var tracked = Roslyn.Driver(track: true).RunGenerators(_compilation);
        var run = tracked.RunGenerators(_compilation.ReplaceSyntaxTree(_unrelated, _edits[0])).GetRunResult();
        UncachedSteps = Roslyn.UncachedSteps(run);
        var reasons = run.Results.Single().TrackedSteps
            .Where(step => step.Key.StartsWith("PteGen.", StringComparison.Ordinal))
            .OrderBy(step => step.Key, StringComparer.Ordinal)
            .Select(step => $"{step.Key} {string.Join("/", step.Value.SelectMany(s => s.Outputs).GroupBy(o => o.Reason).Select(g => $"{g.Key} x{g.Count()}"))}");
        Console.WriteLine(UncachedSteps.Count == 0
            ? $"// PteGen generator: after an unrelated edit, every tracked step is cached: {string.Join(", ", reasons)}."
            : $"// PteGen generator: NOT every tracked step is cached after an unrelated edit: {string.Join("; ", UncachedSteps)}");
    }

    /// <summary>A new driver on a new compilation: every layout parsed, validated and emitted.</summary>
    [Benchmark(Baseline = true)]
    public int ColdRun()
    {
        var compilation = Roslyn.Compilation("Hypervisor", _trees, Roslyn.LayoutReferences);
        return Roslyn.Driver().RunGenerators(compilation).GetRunResult().GeneratedTrees.Length;
    }

    /// <summary>The warm driver on the compilation after an unrelated edit (alternating between two edits).</summary>
    [Benchmark]
    public int IncrementalRun()
    {
        var edited = _compilation.ReplaceSyntaxTree(_unrelated, _edits[_edit++ & 1]);
        return _warmDriver.RunGenerators(edited).GetRunResult().GeneratedTrees.Length;
    }

    /// <summary>Quick mode: one file per layout, the generated code compiles, and the incremental run was all cached.</summary>
    public void Check(string method, object? result)
    {
        if (result is not int generated || generated != _layouts)
        {
            throw new InvalidOperationException($"{method} generated {result} files, expected {_layouts}.");
        }

        if (method == nameof(ColdRun))
        {
            Roslyn.Driver().RunGeneratorsAndUpdateCompilation(_compilation, out var output, out var generatorDiagnostics);
            Roslyn.ThrowOnErrors(generatorDiagnostics, "The generator run");
            Roslyn.ThrowOnErrors(output.GetDiagnostics(), "The synthetic layouts with their generated code");
        }
        else if (UncachedSteps.Count > 0)
        {
            throw new InvalidOperationException("After an unrelated edit, these generator steps were not cached: " + string.Join("; ", UncachedSteps));
        }
    }
}
