using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace PteGen.Tests.Infrastructure;

/// <summary>Runs marked sources through the generator, the compiler and the layout analyzer, and checks the findings.</summary>
internal static class DiagnosticAssert
{
    /// <summary>The source file name the harness gives the first (only) source.</summary>
    private const string SourcePath = "Source0.cs";

    public static (RunOutcome Outcome, MarkedSource Source) Run(string markup, CSharpParseOptions? options = null)
    {
        var source = MarkedSource.Parse(markup);
        var outcome = TestCompilation.Run(options ?? TestCompilation.ParseOptions, source.Source);
        return (outcome, source);
    }

    /// <summary>
    /// Runs an invalid layout that must get exactly one <paramref name="id"/>, at the only marked span, and no other PTE
    /// diagnostic; whatever else goes wrong, no generated file may fail to compile. Returns the diagnostic's message.
    /// </summary>
    public static string ReportsOnly(string id, string markup, CSharpParseOptions? options = null)
    {
        var (outcome, source) = Run(markup, options);
        var diagnostic = Single(outcome, id, source.Span);
        AssertNoOtherPteDiagnostics(outcome, id);
        AssertNoGeneratedFileErrors(outcome);
        return diagnostic.GetMessage(CultureInfo.InvariantCulture);
    }

    /// <summary>Like <see cref="ReportsOnly"/>, and the layout also compiles: the PTE diagnostic is the only error.</summary>
    public static string ReportsOnlyAndCompiles(string id, string markup)
    {
        var (outcome, source) = Run(markup);
        var diagnostic = Single(outcome, id, source.Span);
        AssertNoOtherPteDiagnostics(outcome, id);
        AssertNoGeneratedFileErrors(outcome);
        var compilerErrors = outcome.CompilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(compilerErrors.Count == 0, $"Expected no compiler error besides {id}, got:{Environment.NewLine}{outcome.Describe()}");
        return diagnostic.GetMessage(CultureInfo.InvariantCulture);
    }

    /// <summary>The one <paramref name="id"/> of <paramref name="outcome"/>, which must be an error at <paramref name="span"/> of the test source.</summary>
    public static Diagnostic Single(RunOutcome outcome, string id, TextSpan span)
    {
        var found = outcome.Pte(id).ToList();
        Assert.True(found.Count == 1, $"Expected exactly one {id}, got {found.Count}:{Environment.NewLine}{outcome.Describe()}");
        var diagnostic = found[0];
        AssertAt(diagnostic, span, outcome);
        AssertVisibleOnTheCommandLine(outcome, diagnostic);
        return diagnostic;
    }

    /// <summary>
    /// The diagnostic reaches <c>dotnet build</c>, once: either the compilation has no error (the layout analyzer runs),
    /// or the generator reported it (it cannot complete the layout, so the compiler's errors stop the analyzers).
    /// </summary>
    public static void AssertVisibleOnTheCommandLine(RunOutcome outcome, Diagnostic diagnostic)
    {
        var shown = outcome.CommandLineDiagnostics.Where(d => d.Id == diagnostic.Id && d.Location == diagnostic.Location).ToList();
        Assert.True(shown.Count == 1, $"{diagnostic.Id} would be shown {shown.Count} times by the command-line compiler:{Environment.NewLine}{outcome.Describe()}");
    }

    public static void AssertAt(Diagnostic diagnostic, TextSpan span, RunOutcome outcome)
    {
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(SourcePath, diagnostic.Location.SourceTree?.FilePath);
        var actual = diagnostic.Location.SourceSpan;
        Assert.True(
            span == actual,
            $"{diagnostic.Id} expected at {span} '{Text(diagnostic, span)}', reported at {actual} '{Text(diagnostic, actual)}':{Environment.NewLine}{outcome.Describe()}");
    }

    public static void AssertNoOtherPteDiagnostics(RunOutcome outcome, params string[] ids)
    {
        var others = outcome.AnalyzerDiagnostics.Where(d => !ids.Contains(d.Id)).ToList();
        Assert.True(others.Count == 0, $"Expected no diagnostic besides {string.Join(", ", ids)}, got:{Environment.NewLine}{outcome.Describe()}");
    }

    /// <summary>No compiler error located in a generated file (the layout's errors are PteGen's to report, not the compiler's).</summary>
    public static void AssertNoGeneratedFileErrors(RunOutcome outcome)
    {
        var errors = outcome.GeneratedFileErrors.ToList();
        Assert.True(errors.Count == 0, $"Generated code does not compile:{Environment.NewLine}{outcome.Describe()}");
    }

    /// <summary>
    /// A legitimate declaration: no error from the compiler (generated files included), no PteGen diagnostic at all, and
    /// each of <paramref name="layouts"/> (metadata names) got the full generated API (its <c>Raw</c> property).
    /// </summary>
    public static RunOutcome Valid(string source, params string[] layouts)
    {
        Assert.DoesNotContain("[|", source, StringComparison.Ordinal);
        var outcome = TestCompilation.Run(source);
        var errors = outcome.CompilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0 && outcome.AnalyzerDiagnostics.IsEmpty, $"Expected a valid layout, got:{Environment.NewLine}{outcome.Describe()}");
        foreach (var layout in layouts.DefaultIfEmpty("Test.Entry"))
        {
            var type = outcome.Compilation.GetTypeByMetadataName(layout);
            Assert.True(type is not null, $"{layout} not found.");
            Assert.True(type.GetMembers("Raw").Length == 1, $"{layout} was not generated in full (no Raw).");
        }

        return outcome;
    }

    private static string Text(Diagnostic diagnostic, TextSpan span)
    {
        var text = diagnostic.Location.SourceTree?.GetText().ToString() ?? "";
        return span.End <= text.Length ? text.Substring(span.Start, span.Length) : "?";
    }
}
