using Microsoft.CodeAnalysis;
using static PteGen.Tests.Infrastructure.UsageHarness;

namespace PteGen.Tests.Usage;

/// <summary>The PTE1xx severities follow .editorconfig and the compilation's per-id options.</summary>
public sealed class SeverityTests
{
    private static readonly string Guest = Members("""
            [GuestSoftwareBits(typeof(L1e))]
            public const ulong [|Pinned = 1UL << 62|];

            public L1e Mark(L1e e) => [|e.WithGuestKernel(true)|];

            public bool Kernel(L1e e) => [|e.GuestKernel|];

            public L1e Present(L1e e) => [|new L1e(e.Raw | L1e.PresentMask)|];
        """);

    private static UsageSettings EditorConfig(params (string Key, string Value)[] entries) =>
        new(TreeOptions: entries.ToDictionary(e => e.Key, e => e.Value));

    private static DiagnosticSeverity? SeverityOf(GuestRun run, string id) =>
        run.Of(id) switch
        {
            [] => null,
            [var single] => single.Severity,
            var many => throw new Xunit.Sdk.XunitException($"{many.Count} {id}:{Environment.NewLine}{run.Describe()}"),
        };

    [Fact]
    public void Defaults()
    {
        var run = Run(Guest);
        Assert.Equal(DiagnosticSeverity.Warning, SeverityOf(run, "PTE101"));
        Assert.Equal(DiagnosticSeverity.Warning, SeverityOf(run, "PTE102"));
        Assert.Null(SeverityOf(run, "PTE103"));
        Assert.Equal(DiagnosticSeverity.Info, SeverityOf(run, "PTE104"));
    }

    [Theory]
    [InlineData("error", DiagnosticSeverity.Error)]
    [InlineData("warning", DiagnosticSeverity.Warning)]
    [InlineData("suggestion", DiagnosticSeverity.Info)]
    [InlineData("silent", DiagnosticSeverity.Hidden)]
    public void EditorConfigSetsTheSeverityOfOneRule(string value, DiagnosticSeverity expected)
    {
        var run = Run(Guest, EditorConfig(("dotnet_diagnostic.PTE101.severity", value)));
        Assert.Equal(expected, SeverityOf(run, "PTE101"));
        Assert.Equal(DiagnosticSeverity.Warning, SeverityOf(run, "PTE102")); // the others keep theirs
    }

    [Fact]
    public void EditorConfigNoneRemovesTheRule()
    {
        var run = Run(Guest, EditorConfig(("dotnet_diagnostic.PTE101.severity", "none")));
        Assert.Null(SeverityOf(run, "PTE101"));
        Assert.Equal(DiagnosticSeverity.Warning, SeverityOf(run, "PTE102"));
    }

    [Fact]
    public void EditorConfigTurnsOnTheReadRule()
    {
        var run = Run(Guest, EditorConfig(("dotnet_diagnostic.PTE103.severity", "warning")));
        Assert.Equal(DiagnosticSeverity.Warning, SeverityOf(run, "PTE103"));
        Assert.Equal("e.GuestKernel", run.Text(run.Of("PTE103")[0].Location.SourceSpan));
    }

    [Fact]
    public void TheCategorySetsEveryEnabledRule()
    {
        var run = Run(Guest, EditorConfig(("dotnet_analyzer_diagnostic.category-PteGen.severity", "error")));
        Assert.Equal(DiagnosticSeverity.Error, SeverityOf(run, "PTE101"));
        Assert.Equal(DiagnosticSeverity.Error, SeverityOf(run, "PTE102"));
        Assert.Equal(DiagnosticSeverity.Error, SeverityOf(run, "PTE104"));
        Assert.Null(SeverityOf(run, "PTE103")); // off by default: bulk settings do not turn it on
        Assert.Equal("e.WithGuestKernel(true)", run.Text(run.Of("PTE101")[0].Location.SourceSpan));
    }

    [Fact]
    public void ARuleEntryWinsOverTheCategory()
    {
        var run = Run(Guest, EditorConfig(
            ("dotnet_analyzer_diagnostic.category-PteGen.severity", "error"),
            ("dotnet_diagnostic.PTE101.severity", "suggestion")));
        Assert.Equal(DiagnosticSeverity.Info, SeverityOf(run, "PTE101"));
        Assert.Equal(DiagnosticSeverity.Error, SeverityOf(run, "PTE102"));
    }

    [Fact]
    public void TheCategoryNoneRemovesThemAll()
    {
        var run = Run(Guest, EditorConfig(("dotnet_analyzer_diagnostic.category-PteGen.severity", "none")));
        run.ExpectNone("PTE101", "PTE102", "PTE103", "PTE104");
    }

    [Fact]
    public void CompilationOptionsSetTheSeverity()
    {
        var error = Run(Guest, new UsageSettings(Severities: new Dictionary<string, ReportDiagnostic> { ["PTE101"] = ReportDiagnostic.Error }));
        Assert.Equal(DiagnosticSeverity.Error, SeverityOf(error, "PTE101"));

        var suppressed = Run(Guest, new UsageSettings(Severities: new Dictionary<string, ReportDiagnostic> { ["PTE101"] = ReportDiagnostic.Suppress }));
        Assert.Null(SeverityOf(suppressed, "PTE101"));
        Assert.Equal(DiagnosticSeverity.Warning, SeverityOf(suppressed, "PTE102"));
    }

    [Fact]
    public void TheConfigurationRulesAreConfigurableToo()
    {
        var run = Run(Guest, new UsageSettings(
            Configuration: "Debug;Nx",
            Severities: new Dictionary<string, ReportDiagnostic> { ["PTE105"] = ReportDiagnostic.Error }));
        Assert.Equal(DiagnosticSeverity.Error, SeverityOf(run, "PTE105"));

        var suppressed = Run(Guest, new UsageSettings(
            Role: "Kernel",
            Severities: new Dictionary<string, ReportDiagnostic> { ["PTE107"] = ReportDiagnostic.Suppress }));
        Assert.Null(SeverityOf(suppressed, "PTE107"));
    }
}
