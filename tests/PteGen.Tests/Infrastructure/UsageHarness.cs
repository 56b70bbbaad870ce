extern alias Generators;

using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ConfigurationAnalyzer = Generators::PteGen.Generators.Usage.ConfigurationAnalyzer;
using GuestUsageAnalyzer = Generators::PteGen.Generators.Usage.GuestUsageAnalyzer;

namespace PteGen.Tests.Infrastructure;

/// <summary>
/// Builds guest compilations and runs the guest-side analyzers on them. The main path is cross-assembly: the Xen L1
/// layout of the sample (<see cref="SampleSource.XenL1e"/>) is generated and emitted once, and the guest compilation references the
/// image, so the analyzers read the layout from metadata as they do in a real guest build.
/// </summary>
internal static class UsageHarness
{
    public const string GuestPath = "Guest.cs";

    public const string LayoutPath = "Layout.cs";

    public static readonly CSharpParseOptions ParseOptions = TestCompilation.ParseOptions;

    public static readonly CSharpCompilationOptions CompilationOptions =
        new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

    /// <summary>.NET 10 reference assemblies and PteGen.dll.</summary>
    public static readonly ImmutableArray<MetadataReference> BaseReferences =
        [.. Basic.Reference.Assemblies.Net100.References.All, MetadataReference.CreateFromFile(typeof(PteLayoutAttribute).Assembly.Location)];

    private static readonly Lazy<MetadataReference> XenLayoutsReference = new(EmitXenLayouts);

    private static readonly Lazy<ImmutableArray<SyntaxTree>> XenLayoutTrees = new(GenerateXenLayoutTrees);

    /// <summary>The emitted Xen layout assembly (namespace XenPv: XenConfig, L1e).</summary>
    public static MetadataReference XenLayouts => XenLayoutsReference.Value;

    /// <summary>The references of a guest project: the base references and the layout assembly.</summary>
    public static ImmutableArray<MetadataReference> GuestReferences => [.. BaseReferences, XenLayouts];

    public static DiagnosticAnalyzer[] GuestAnalyzers => [new GuestUsageAnalyzer(), new ConfigurationAnalyzer()];

    /// <summary>
    /// Wraps class members in a guest file: usings for System, PteGen and XenPv, namespace Guest, class
    /// <c>Code</c>. Test members are written at column 4; markers inside them survive.
    /// </summary>
    public static string Members(string members) => $$"""
        using System;
        using PteGen;
        using XenPv;

        namespace Guest;

        public class Code
        {
            private ulong _raw;
            private L1e _entry;
            private readonly ulong[] _table = new ulong[512];
            [PteValue(typeof(L1e))] private ulong _slot;
            [PteValue(typeof(L1e))] private readonly ulong[] _shadow = new ulong[512];

        {{members}}

            public ulong Keep() => _raw + _entry.Raw + _table[0] + _slot + _shadow[0];
        }
        """;

    /// <summary>
    /// Wraps statements in <c>public object? M(L1e e, ulong y, ulong[] entries, L1e[] table, int i)</c> of
    /// <see cref="Members"/>'s class (which also has the fields <c>_raw</c>, <c>_entry</c> and <c>_table</c>, plain, and <c>_slot</c> and
    /// <c>_shadow</c>, marked <c>[PteValue(typeof(L1e))]</c>: a raw entry and a shadow page table).
    /// </summary>
    public static string Body(string statements) => Members($$"""
            public object? M(L1e e, ulong y, ulong[] entries, L1e[] table, int i)
            {
                {{statements}}
            }
        """);

    /// <summary>
    /// Analyzes a guest source (with <c>[|...|]</c> markers) against the emitted layout assembly (or without it); the
    /// source must compile.
    /// </summary>
    public static GuestRun Run(
        string markup,
        UsageSettings? settings = null,
        bool referenceLayouts = true,
        IEnumerable<MetadataReference>? extraReferences = null,
        bool allowUnsafe = false)
    {
        settings ??= UsageSettings.Default;
        var source = MarkedSource.Parse(markup);
        var compilation = CSharpCompilation.Create(
            "Guest",
            [CSharpSyntaxTree.ParseText(source.Source, ParseOptions, path: GuestPath)],
            [.. referenceLayouts ? GuestReferences : BaseReferences, .. extraReferences ?? []],
            settings.Apply(CompilationOptions.WithAllowUnsafe(allowUnsafe)));
        return Finish(source, compilation, settings);
    }

    /// <summary>
    /// Analyzes a guest source compiled together with the Xen layout source (and its generated code) in one
    /// compilation: the project declares a layout, so it is the hypervisor side unless <c>PteGenRole</c> says otherwise.
    /// </summary>
    public static GuestRun RunWithLayout(string markup, UsageSettings? settings = null)
    {
        settings ??= UsageSettings.Default;
        var source = MarkedSource.Parse(markup);
        var compilation = CSharpCompilation.Create(
            "Hypervisor",
            [.. XenLayoutTrees.Value, CSharpSyntaxTree.ParseText(source.Source, ParseOptions, path: GuestPath)],
            BaseReferences,
            settings.Apply(CompilationOptions));
        return Finish(source, compilation, settings);
    }

    /// <summary>The Xen layout source with its generated files, as syntax trees to add to a compilation.</summary>
    public static ImmutableArray<SyntaxTree> LayoutTrees => XenLayoutTrees.Value;

    /// <summary>
    /// The analyzer diagnostics of <paramref name="compilation"/> with the given options; like
    /// <see cref="TestCompilation.Analyze"/>, an analyzer exception or an AD0001 fails the test.
    /// </summary>
    public static ImmutableArray<Diagnostic> Analyze(Compilation compilation, AnalyzerOptions options, params DiagnosticAnalyzer[] analyzers) =>
        Analyze(compilation, options, includeCompilerDiagnostics: false, analyzers);

    /// <summary>Like <see cref="Analyze(Compilation, AnalyzerOptions, DiagnosticAnalyzer[])"/>, with the compiler's diagnostics too when asked (one binding for both).</summary>
    public static ImmutableArray<Diagnostic> Analyze(Compilation compilation, AnalyzerOptions options, bool includeCompilerDiagnostics, params DiagnosticAnalyzer[] analyzers)
    {
        var exceptions = new List<Exception>();
        var withAnalyzers = compilation.WithAnalyzers(
            [.. analyzers],
            new CompilationWithAnalyzersOptions(
                options,
                onAnalyzerException: (exception, analyzer, _) =>
                {
                    lock (exceptions)
                    {
                        exceptions.Add(exception);
                    }
                },
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false));
        var diagnostics = (includeCompilerDiagnostics ? withAnalyzers.GetAllDiagnosticsAsync() : withAnalyzers.GetAnalyzerDiagnosticsAsync()).GetAwaiter().GetResult();
        Assert.True(exceptions.Count == 0, $"An analyzer threw:{Environment.NewLine}{string.Join(Environment.NewLine, exceptions)}");
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }

    private static GuestRun Finish(MarkedSource source, CSharpCompilation compilation, UsageSettings settings)
    {
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"The test guest source does not compile:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");

        var diagnostics = Analyze(compilation, settings.ToAnalyzerOptions(), GuestAnalyzers);
        return new GuestRun(source, compilation, diagnostics);
    }

    private static ImmutableArray<SyntaxTree> GenerateXenLayoutTrees()
    {
        var layout = CSharpCompilation.Create(
            "XenLayouts",
            [CSharpSyntaxTree.ParseText(SampleSource.XenL1e, ParseOptions, path: LayoutPath)],
            BaseReferences,
            CompilationOptions);
        var (output, _) = TestCompilation.Generate(layout);
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        return [.. output.SyntaxTrees];
    }

    /// <summary>
    /// Emits a library that references the Xen layouts (and PteGen.dll), as another assembly of the guest's would be:
    /// a hypercall-wrapper library with <c>[PteValue]</c> parameters, for instance.
    /// </summary>
    public static MetadataReference EmitLibrary(string name, string source)
    {
        var compilation = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText(source, ParseOptions, path: name + ".cs")],
            GuestReferences,
            CompilationOptions);
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    private static MetadataReference EmitXenLayouts()
    {
        var compilation = CSharpCompilation.Create("XenLayouts", XenLayoutTrees.Value, BaseReferences, CompilationOptions);
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }
}
