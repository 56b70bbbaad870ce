using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Moved = PteGen.Tests.Infrastructure.DiagnosticAssert;

namespace PteGen.Tests.Diagnostics;

/// <summary>
/// Forwards to <see cref="Moved"/>, which now lives with the rest of the test infrastructure, so that tests importing
/// <c>PteGen.Tests.Diagnostics.DiagnosticAssert</c> keep compiling.
/// </summary>
internal static class DiagnosticAssert
{
    public static (RunOutcome Outcome, MarkedSource Source) Run(string markup, CSharpParseOptions? options = null) => Moved.Run(markup, options);

    public static string ReportsOnly(string id, string markup, CSharpParseOptions? options = null) => Moved.ReportsOnly(id, markup, options);

    public static string ReportsOnlyAndCompiles(string id, string markup) => Moved.ReportsOnlyAndCompiles(id, markup);

    public static Diagnostic Single(RunOutcome outcome, string id, TextSpan span) => Moved.Single(outcome, id, span);

    public static void AssertVisibleOnTheCommandLine(RunOutcome outcome, Diagnostic diagnostic) => Moved.AssertVisibleOnTheCommandLine(outcome, diagnostic);

    public static void AssertAt(Diagnostic diagnostic, TextSpan span, RunOutcome outcome) => Moved.AssertAt(diagnostic, span, outcome);

    public static void AssertNoOtherPteDiagnostics(RunOutcome outcome, params string[] ids) => Moved.AssertNoOtherPteDiagnostics(outcome, ids);

    public static void AssertNoGeneratedFileErrors(RunOutcome outcome) => Moved.AssertNoGeneratedFileErrors(outcome);

    public static RunOutcome Valid(string source, params string[] layouts) => Moved.Valid(source, layouts);
}
