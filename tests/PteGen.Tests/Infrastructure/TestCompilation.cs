extern alias Generators;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PteGenerator = Generators::PteGen.Generators.PteGenerator;
using LayoutAnalyzer = Generators::PteGen.Generators.Diagnostics.LayoutAnalyzer;

namespace PteGen.Tests.Infrastructure;

/// <summary>Builds in-memory compilations against .NET 10 reference assemblies and PteGen.dll, and runs PteGen on them.</summary>
internal static class TestCompilation
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> References =
        [.. Basic.Reference.Assemblies.Net100.References.All, MetadataReference.CreateFromFile(typeof(PteLayoutAttribute).Assembly.Location)];

    public static CSharpCompilation Create(params string[] sources) => Create(ParseOptions, sources);

    public static CSharpCompilation Create(CSharpParseOptions options, params string[] sources) =>
        CSharpCompilation.Create(
            "TestAssembly",
            sources.Select((source, index) => CSharpSyntaxTree.ParseText(source, options, path: $"Source{index}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(CSharpParseOptions? options = null) =>
        CSharpGeneratorDriver.Create(
            [new PteGenerator().AsSourceGenerator()],
            parseOptions: options ?? ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>
    /// Runs the generator; returns the compilation with the generated files and the run result. Every run is also a
    /// caching check: a second run on the unchanged compilation must find every step cached and produce the same files
    /// (<see cref="IncrementalAssert.RerunIsCached"/>), and no step output may hold what defeats caching.
    /// </summary>
    public static (Compilation Output, GeneratorDriverRunResult Run) Generate(CSharpCompilation compilation)
    {
        var driver = CreateDriver((CSharpParseOptions)compilation.SyntaxTrees.First().Options);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);

        // The generator reports only layout errors (of layouts it cannot complete); anything else (CS8785: it threw) is a failure.
        Assert.All(generatorDiagnostics, d => Assert.StartsWith("PTE0", d.Id, StringComparison.Ordinal));
        var run = driver.GetRunResult();
        IncrementalAssert.NoBannedTypesInOutputs(run, everyStepRan: false);
        IncrementalAssert.RerunIsCached(run, driver.RunGenerators(compilation).GetRunResult());
        return (output, run);
    }

    /// <summary>The analyzer diagnostics on <paramref name="compilation"/>; an analyzer exception fails the test.</summary>
    public static ImmutableArray<Diagnostic> Analyze(Compilation compilation, params DiagnosticAnalyzer[] analyzers)
    {
        if (analyzers.Length == 0)
        {
            analyzers = [new LayoutAnalyzer()];
        }

        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: (exception, _, _) => exceptions.Add(exception),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var diagnostics = compilation.WithAnalyzers([.. analyzers], options).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }

    /// <summary>
    /// Generates, compiles and analyzes <paramref name="sources"/>; returns the compiler's diagnostics (including those in
    /// generated files), the analyzer's, and the generated sources by hint name.
    /// </summary>
    public static RunOutcome Run(params string[] sources) => Run(ParseOptions, sources);

    public static RunOutcome Run(CSharpParseOptions options, params string[] sources) => Run(Create(options, sources));

    public static RunOutcome Run(CSharpCompilation compilation)
    {
        var (output, run) = Generate(compilation);
        var compilerDiagnostics = output.GetDiagnostics().Where(d => d.Severity != DiagnosticSeverity.Hidden).ToImmutableArray();
        var analyzerDiagnostics = run.Diagnostics.AddRange(Analyze(output));
        var generated = run.Results.SelectMany(r => r.GeneratedSources).ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        return new RunOutcome(output, compilerDiagnostics, analyzerDiagnostics, generated) { GeneratorDiagnostics = run.Diagnostics };
    }
}

/// <param name="AnalyzerDiagnostics">PteGen's diagnostics: the analyzers', and the generator's (for layouts it cannot complete).</param>
internal sealed record RunOutcome(
    Compilation Compilation,
    ImmutableArray<Diagnostic> CompilerDiagnostics,
    ImmutableArray<Diagnostic> AnalyzerDiagnostics,
    IReadOnlyDictionary<string, string> Generated)
{
    /// <summary>Compiler diagnostics located in a generated file.</summary>
    public IEnumerable<Diagnostic> GeneratedFileErrors =>
        CompilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true);

    public IEnumerable<Diagnostic> Pte(string id) => AnalyzerDiagnostics.Where(d => d.Id == id);

    /// <summary>
    /// What <c>dotnet build</c> would show: the command-line compiler reports the generator's diagnostics and its own,
    /// and runs the analyzers only when the compilation has no error.
    /// </summary>
    public IEnumerable<Diagnostic> CommandLineDiagnostics =>
        CompilerDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)
            ? CompilerDiagnostics.Concat(GeneratorDiagnostics)
            : CompilerDiagnostics.Concat(AnalyzerDiagnostics);

    /// <summary>The generator's own diagnostics (also in <see cref="AnalyzerDiagnostics"/>).</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; init; } = [];

    public string Describe() => string.Join(Environment.NewLine, CompilerDiagnostics.Concat(AnalyzerDiagnostics).Select(d => d.ToString()));
}
