extern alias Generators;
extern alias AllReferenceAssemblies;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PteGenerator = Generators::PteGen.Generators.PteGenerator;
using ReferenceSets = AllReferenceAssemblies::Basic.Reference.Assemblies;

namespace PteGen.Tests.Generator;

/// <summary>
/// Runs PteGen on sources compiled against a chosen framework's reference assemblies, with documentation comments
/// checked as <c>GenerateDocumentationFile</c> does, and returns every diagnostic and generated file.
/// </summary>
internal static class TargetCompilation
{
    /// <summary>netstandard2.0: no <c>Span</c>, no <c>System.Runtime.Intrinsics</c>.</summary>
    public static ImmutableArray<MetadataReference> NetStandard20 { get; } = [.. ReferenceSets.NetStandard20.References.All, PteGenReference()];

    /// <summary>
    /// A .NET 7 target: <c>Vector128</c> and <c>Vector256</c> with their .NET 7 API, no <c>Vector512</c> (which .NET 8 added).
    /// No .NET 7 reference set is served, so this is .NET 8's with <c>Vector512</c> made unresolvable: a second
    /// assembly declares the type too, so the compilation cannot tell which is meant and the generator finds none.
    /// </summary>
    public static ImmutableArray<MetadataReference> Net70 { get; } = [.. ReferenceSets.Net80.References.All, PteGenReference(), HiddenVector512()];

    /// <summary>.NET 10, with <c>Vector512</c>: the target of the samples and the other tests.</summary>
    public static ImmutableArray<MetadataReference> Net100 { get; } = [.. Basic.Reference.Assemblies.Net100.References.All, PteGenReference()];

    public static (ImmutableArray<Diagnostic> Diagnostics, IReadOnlyDictionary<string, string> Generated, Compilation Output) Run(
        ImmutableArray<MetadataReference> references,
        IEnumerable<string> sources)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);
        var compilation = CSharpCompilation.Create(
            "TargetAssembly",
            sources.Select((source, index) => CSharpSyntaxTree.ParseText(source, options, path: $"Source{index}.cs")),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new PteGenerator().AsSourceGenerator()], parseOptions: options);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var generated = driver.GetRunResult().Results
            .SelectMany(result => result.GeneratedSources)
            .ToDictionary(source => source.HintName, source => source.SourceText.ToString());
        var diagnostics = generatorDiagnostics.AddRange(output.GetDiagnostics()).Where(d => d.Severity != DiagnosticSeverity.Hidden).ToImmutableArray();
        return (diagnostics, generated, output);
    }

    /// <summary>Every C# file of the Xen sample (samples/XenPv), read from the repository.</summary>
    public static IReadOnlyList<string> XenSampleSources()
    {
        var sample = Path.Combine(RepositoryRoot(), "samples", "XenPv");
        return Directory.EnumerateFiles(sample, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToList();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PteGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("PteGen.sln not found above " + AppContext.BaseDirectory);
    }

    private static MetadataReference PteGenReference() => MetadataReference.CreateFromFile(typeof(PteLayoutAttribute).Assembly.Location);

    private static MetadataReference HiddenVector512()
    {
        var declaration = CSharpCompilation.Create(
            "HiddenVector512",
            [CSharpSyntaxTree.ParseText("namespace System.Runtime.Intrinsics { public static class Vector512 { } }")],
            ReferenceSets.Net80.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var result = declaration.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
