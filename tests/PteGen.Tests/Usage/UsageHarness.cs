using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Moved = PteGen.Tests.Infrastructure.UsageHarness;

namespace PteGen.Tests.Usage;

/// <summary>
/// Forwards to <see cref="Moved"/>, which now lives with the rest of the test infrastructure, so that tests importing
/// <c>PteGen.Tests.Usage.UsageHarness</c> keep compiling.
/// </summary>
internal static class UsageHarness
{
    public const string GuestPath = Moved.GuestPath;

    public const string LayoutPath = Moved.LayoutPath;

    public static CSharpParseOptions ParseOptions => Moved.ParseOptions;

    public static CSharpCompilationOptions CompilationOptions => Moved.CompilationOptions;

    public static ImmutableArray<MetadataReference> BaseReferences => Moved.BaseReferences;

    public static MetadataReference XenLayouts => Moved.XenLayouts;

    public static ImmutableArray<MetadataReference> GuestReferences => Moved.GuestReferences;

    public static DiagnosticAnalyzer[] GuestAnalyzers => Moved.GuestAnalyzers;

    public static ImmutableArray<SyntaxTree> LayoutTrees => Moved.LayoutTrees;

    public static string Members(string members) => Moved.Members(members);

    public static string Body(string statements) => Moved.Body(statements);

    public static GuestRun Run(
        string markup,
        UsageSettings? settings = null,
        bool referenceLayouts = true,
        IEnumerable<MetadataReference>? extraReferences = null,
        bool allowUnsafe = false) => Moved.Run(markup, settings, referenceLayouts, extraReferences, allowUnsafe);

    public static GuestRun RunWithLayout(string markup, UsageSettings? settings = null) => Moved.RunWithLayout(markup, settings);

    public static ImmutableArray<Diagnostic> Analyze(Compilation compilation, AnalyzerOptions options, params DiagnosticAnalyzer[] analyzers) =>
        Moved.Analyze(compilation, options, analyzers);

    public static ImmutableArray<Diagnostic> Analyze(Compilation compilation, AnalyzerOptions options, bool includeCompilerDiagnostics, params DiagnosticAnalyzer[] analyzers) =>
        Moved.Analyze(compilation, options, includeCompilerDiagnostics, analyzers);

    public static MetadataReference EmitLibrary(string name, string source) => Moved.EmitLibrary(name, source);
}
