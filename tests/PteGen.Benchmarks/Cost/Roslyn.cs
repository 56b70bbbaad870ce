extern alias Generators;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ConfigurationAnalyzer = Generators::PteGen.Generators.Usage.ConfigurationAnalyzer;
using GuestUsageAnalyzer = Generators::PteGen.Generators.Usage.GuestUsageAnalyzer;
using LayoutAnalyzer = Generators::PteGen.Generators.Diagnostics.LayoutAnalyzer;
using PteGenerator = Generators::PteGen.Generators.PteGenerator;
using TrackingNames = Generators::PteGen.Generators.TrackingNames;

namespace PteGen.Benchmarks.Cost;

/// <summary>Compilations, the generator driver and the analyzers, as the cost benchmarks use them.</summary>
internal static class Roslyn
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>Library compilation options; the compiler binds method bodies on all cores, as csc does.</summary>
    public static readonly CSharpCompilationOptions CompilationOptions =
        new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: true);

    /// <summary>.NET 10 reference assemblies and PteGen.dll (what a project that declares layouts references).</summary>
    public static readonly ImmutableArray<MetadataReference> LayoutReferences =
        [.. Basic.Reference.Assemblies.Net100.References.All, MetadataReference.CreateFromFile(typeof(PteLayoutAttribute).Assembly.Location)];

    /// <summary>A guest project's references: also XenPv.dll, whose layouts the analyzers read from metadata.</summary>
    public static readonly ImmutableArray<MetadataReference> GuestReferences =
        [.. LayoutReferences, MetadataReference.CreateFromFile(typeof(XenPv.L1e).Assembly.Location)];

    /// <summary>
    /// The generator steps that must have run and be cached after an unrelated edit (as tests/PteGen.Tests checks); any
    /// other step named <c>PteGen.*</c> that ran is checked too.
    /// </summary>
    public static readonly string[] TrackedSteps = [TrackingNames.ParsedLayouts, TrackingNames.ValidatedLayouts, TrackingNames.LayoutsToGenerate];

    /// <summary>PteGen's analyzers: the guest rules, the configuration check and the layout diagnostics.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers() =>
        [new GuestUsageAnalyzer(), new ConfigurationAnalyzer(), new LayoutAnalyzer()];

    public static ImmutableArray<SyntaxTree> Parse(IEnumerable<(string Path, string Source)> files) =>
        [.. files.Select(file => CSharpSyntaxTree.ParseText(file.Source, ParseOptions, path: file.Path))];

    public static CSharpCompilation Compilation(string name, IEnumerable<SyntaxTree> trees, ImmutableArray<MetadataReference> references, bool concurrent = true) =>
        CSharpCompilation.Create(name, trees, references, CompilationOptions.WithConcurrentBuild(concurrent));

    /// <summary>A driver with PteGen's generator; <paramref name="track"/> records the steps (only for the cache check).</summary>
    public static GeneratorDriver Driver(bool track = false) =>
        CSharpGeneratorDriver.Create(
            [new PteGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

    public static CompilationWithAnalyzers WithAnalyzers(Compilation compilation, bool concurrent, bool logTime) =>
        WithAnalyzers(compilation, Analyzers(), concurrent, logTime);

    public static CompilationWithAnalyzers WithAnalyzers(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, bool concurrent, bool logTime) =>
        compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions([]),
                onAnalyzerException: (exception, analyzer, _) =>
                    throw new InvalidOperationException($"{analyzer.GetType().Name} threw: {exception}", exception),
                concurrentAnalysis: concurrent,
                logAnalyzerExecutionTime: logTime));

    /// <summary>Throws when <paramref name="diagnostics"/> holds an error (or an analyzer failure, AD0001).</summary>
    public static void ThrowOnErrors(IEnumerable<Diagnostic> diagnostics, string what)
    {
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error || d.Id == "AD0001").Take(5).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"{what} has errors:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        }
    }

    /// <summary>The step outputs of a run that are neither Cached nor Unchanged, as "step: reason" lines.</summary>
    public static IReadOnlyList<string> UncachedSteps(GeneratorDriverRunResult run)
    {
        var problems = new List<string>();
        var steps = run.Results.Single().TrackedSteps;
        var names = TrackedSteps.Union(steps.Keys.Where(name => name.StartsWith("PteGen.", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        foreach (var name in names)
        {
            if (!steps.TryGetValue(name, out var runs))
            {
                problems.Add($"{name}: did not run");
                continue;
            }

            problems.AddRange(runs
                .SelectMany(step => step.Outputs)
                .Where(output => output.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
                .Select(output => $"{name}: {output.Reason}"));
        }

        return problems;
    }
}
