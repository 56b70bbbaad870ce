using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static PteGen.Tests.Infrastructure.UsageHarness;

namespace PteGen.Tests.Usage;

/// <summary>
/// <c>PteGenConfiguration</c>: the same guest code checked under Debug, Pke, None and with the property absent (any
/// valid configuration may be active); and the settings' own diagnostics PTE105 (unknown switch), PTE106 (a
/// configuration the layout rules out) and PTE107 (unknown role), and where those are reported: at the layout's
/// <c>[PteLayout]</c> in the project that declares it, at the first reference to a layout in a guest, at the first
/// token otherwise, once per compilation, never in a generated file.
/// </summary>
public sealed class ConfigurationTests
{
    /// <summary>Writes bit 52 (Xen's always), bit 62 three ways (Xen's under Debug), and bits the guest owns.</summary>
    private static readonly string Guest = Body("""
            var kernel = e.WithGuestKernel(true);
            var grant = e.WithGrantMapping(true);
            var software = e.WithSoftware62(false);
            table[i] = new L1e(e.Raw | (1UL << 62));
            var fine = e.WithAvailable(1).WithAvailableHigh(2).WithPresent(true);
            return kernel.Raw + grant.Raw + software.Raw + fine.Raw;
        """);

    private static string[] Findings(GuestRun run, string id) =>
        run.Of(id).Select(d => $"{run.Text(d.Location.SourceSpan)}: {d.GetMessage(CultureInfo.InvariantCulture)}").ToArray();

    /// <summary>The guest's first reference to the layout: the type of the field <c>_entry</c> of <see cref="Members"/>.</summary>
    private const string FirstLayoutReference = "L1e _entry;";

    /// <summary>The layout's attribute in <see cref="SampleSource.L1e"/>.</summary>
    private const string LayoutAttribute = "PteLayout(typeof(XenConfig), Level = 1)";

    /// <summary>
    /// The diagnostic is in <paramref name="path"/>, its span covers <paramref name="text"/>, and starts where
    /// <paramref name="context"/> (which begins with that text) first occurs in the file.
    /// </summary>
    private static void AssertAt(Diagnostic diagnostic, string path, string text, string context)
    {
        Assert.True(diagnostic.Location.IsInSource, $"{diagnostic.Id} has no source location");
        var tree = diagnostic.Location.SourceTree!;
        Assert.Equal(path, tree.FilePath);
        var source = tree.GetText().ToString();
        Assert.StartsWith(text, context, StringComparison.Ordinal);
        Assert.Equal(text, source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.Equal(source.IndexOf(context, StringComparison.Ordinal), diagnostic.Location.SourceSpan.Start);
    }

    /// <summary>Several guest files, in this order, against the emitted layout assembly; the analyzer diagnostics.</summary>
    private static IReadOnlyList<Diagnostic> AnalyzeFiles(UsageSettings settings, params (string Path, string Source)[] files)
    {
        var compilation = CSharpCompilation.Create(
            "Guest",
            files.Select(file => CSharpSyntaxTree.ParseText(file.Source, UsageHarness.ParseOptions, path: file.Path)),
            GuestReferences,
            settings.Apply(UsageHarness.CompilationOptions));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        return Analyze(compilation, settings.ToAnalyzerOptions(), GuestAnalyzers);
    }

    private const string NoLayouts = "namespace Guest; public static class NoLayouts { public static ulong M(ulong x) => x | 1; }";

    private static string[] Expected(string kernelConfigurations, string? grantConfigurations)
    {
        var findings = new List<string>
        {
            $"e.WithGuestKernel(true): Guest code writes bit 52 of 'L1e': Xen reserves bit 52 (GuestKernel){kernelConfigurations}",
        };
        if (grantConfigurations is not null)
        {
            var owners = $"Xen reserves bit 62 (GrantMapping){grantConfigurations}";
            findings.Add($"e.WithGrantMapping(true): Guest code writes bit 62 of 'L1e': {owners}");
            findings.Add($"e.WithSoftware62(false): Guest code writes bit 62 of 'L1e': {owners}");
            findings.Add($"e.Raw | (1UL << 62): Guest code sets bit 62 of 'L1e': {owners}");
        }

        return [.. findings];
    }

    [Fact]
    public void Absent_AnyValidConfigurationCounts_AndTheMessageListsThem()
    {
        var run = Run(Guest);
        Assert.Equal(Expected(" in every configuration (None, Debug, Pke)", " under configuration Debug"), Findings(run, "PTE101"));
        run.ExpectNone("PTE105", "PTE106", "PTE107");
    }

    [Fact]
    public void Debug()
    {
        var run = Run(Guest, UsageSettings.Config("Debug"));
        Assert.Equal(Expected(" under configuration Debug", " under configuration Debug"), Findings(run, "PTE101"));
        run.ExpectNone("PTE105", "PTE106", "PTE107");
    }

    [Fact]
    public void Pke_Bit62IsTheHardwaresNotXens()
    {
        var run = Run(Guest, UsageSettings.Config("Pke"));
        Assert.Equal(Expected(" under configuration Pke", null), Findings(run, "PTE101"));
        run.ExpectNone("PTE105", "PTE106", "PTE107");
    }

    [Fact]
    public void None_Bit62IsTheGuests()
    {
        var run = Run(Guest, UsageSettings.Config("None"));
        Assert.Equal(Expected(" under configuration None", null), Findings(run, "PTE101"));
        run.ExpectNone("PTE105", "PTE106", "PTE107");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void AnEmptyPropertyIsAbsent(string configuration)
    {
        var run = Run(Guest, UsageSettings.Config(configuration));
        Assert.Equal(Expected(" in every configuration (None, Debug, Pke)", " under configuration Debug"), Findings(run, "PTE101"));
        run.ExpectNone("PTE105", "PTE106", "PTE107");
    }

    [Theory]
    [InlineData("debug")] // switch names are matched case-insensitively
    [InlineData("Debug,")]
    [InlineData(" Debug ")]
    public void SwitchNamesAreMatchedLeniently(string configuration)
    {
        var run = Run(Guest, UsageSettings.Config(configuration));
        Assert.Equal(Expected(" under configuration Debug", " under configuration Debug"), Findings(run, "PTE101"));
        run.ExpectNone("PTE105", "PTE106", "PTE107");
    }

    [Fact]
    public void UnknownSwitch_Pte105NamesItAndTheKnownSwitches()
    {
        var run = Run(Guest, UsageSettings.Config("Debug;Nx"));
        var diagnostic = Assert.Single(run.Of("PTE105"));
        Assert.Equal(
            "PteGenConfiguration names 'Nx', which is not a switch of any PteGen layout this project declares or references (switches: Debug, Pke)",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
        AssertAt(diagnostic, GuestPath, "L1e", FirstLayoutReference);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        run.ExpectNone("PTE106", "PTE107");

        // The known part still selects the configuration.
        Assert.Equal(Expected(" under configuration Debug", " under configuration Debug"), Findings(run, "PTE101"));
    }

    [Fact]
    public void UnknownSwitch_IsReportedInACompilationThatDoesNotUseTheLayout()
    {
        var run = Run(NoLayouts, UsageSettings.Config("Nx"));
        Assert.Equal(
            ["PteGenConfiguration names 'Nx', which is not a switch of any PteGen layout this project declares or references (switches: Debug, Pke)"],
            run.Of("PTE105").Select(d => d.GetMessage(CultureInfo.InvariantCulture)));

        // The source never names a layout: the first token of the first file.
        AssertAt(run.Of("PTE105")[0], GuestPath, "namespace", NoLayouts);
    }

    [Fact]
    public void UnknownSwitch_WithoutAnyLayoutSaysSo()
    {
        var run = Run(
            "namespace Guest; public static class NoLayouts { public static ulong M(ulong x) => x | (1UL << 52); }",
            new UsageSettings(Configuration: "Debug", Role: "Guest"),
            referenceLayouts: false);
        Assert.Equal(
            ["PteGenConfiguration names 'Debug', which is not a switch of any PteGen layout this project declares or references (no layout declares switches)"],
            run.Of("PTE105").Select(d => d.GetMessage(CultureInfo.InvariantCulture)));
        AssertAt(run.Of("PTE105")[0], GuestPath, "namespace", "namespace Guest;");
        run.ExpectNone("PTE101", "PTE106", "PTE107");
    }

    [Fact]
    public void MutuallyExclusiveSwitches_Pte106_AndTheLayoutIsCheckedAsIfAbsent()
    {
        var run = Run(Guest, UsageSettings.Config("Debug;Pke"));
        var diagnostic = Assert.Single(run.Of("PTE106"));
        Assert.Equal(
            "PteGenConfiguration 'Debug;Pke' is not a valid configuration of 'L1e': Debug|Pke turns on switches that are mutually exclusive; PteGen checks 'L1e' as if the property were absent",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
        AssertAt(diagnostic, GuestPath, "L1e", FirstLayoutReference);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        run.ExpectNone("PTE105", "PTE107");
        Assert.Equal(Expected(" in every configuration (None, Debug, Pke)", " under configuration Debug"), Findings(run, "PTE101"));
    }

    [Fact]
    public void UnknownRole_Pte107_TheDefaultIsUsed()
    {
        var run = Run(Guest, new UsageSettings(Role: "Kernel"));
        var diagnostic = Assert.Single(run.Of("PTE107"));
        Assert.Equal(
            "PteGenRole 'Kernel' is neither 'Guest' nor 'Hypervisor'; PteGen uses the default (Guest, as the project declares no layout)",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
        AssertAt(diagnostic, GuestPath, "L1e", FirstLayoutReference);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        run.ExpectNone("PTE105", "PTE106");

        // The default for a project that only references layouts: a guest.
        Assert.Equal(Expected(" in every configuration (None, Debug, Pke)", " under configuration Debug"), Findings(run, "PTE101"));
    }

    [Fact]
    public void UnknownRole_InTheLayoutProject_TheDefaultIsTheHypervisor()
    {
        var run = RunWithLayout(Guest, new UsageSettings(Role: "Kernel"));
        Assert.Equal(
            ["PteGenRole 'Kernel' is neither 'Guest' nor 'Hypervisor'; PteGen uses the default (Hypervisor, as the project declares layouts)"],
            run.Of("PTE107").Select(d => d.GetMessage(CultureInfo.InvariantCulture)));
        AssertAt(run.Of("PTE107")[0], LayoutPath, LayoutAttribute, LayoutAttribute);
        run.ExpectNone("PTE101");
    }

    [Theory]
    [InlineData("Guest")]
    [InlineData("Hypervisor")]
    [InlineData("guest")]
    public void KnownRolesAreNotReported(string role)
    {
        Run(Guest, new UsageSettings(Role: role)).ExpectNone("PTE105", "PTE106", "PTE107");
    }

    [Theory]
    [InlineData("None")]
    [InlineData("Debug")]
    [InlineData("Pke")]
    public void ValidConfigurationsAreNotReported(string configuration)
    {
        Run(Guest, UsageSettings.Config(configuration)).ExpectNone("PTE105", "PTE106", "PTE107");
    }

    [Fact]
    public void TheLayoutProjectIsCheckedToo()
    {
        var run = RunWithLayout(Guest, UsageSettings.Config("Debug;Pke;Nx"));
        AssertAt(Assert.Single(run.Of("PTE105")), LayoutPath, LayoutAttribute, LayoutAttribute);
        AssertAt(Assert.Single(run.Of("PTE106")), LayoutPath, LayoutAttribute, LayoutAttribute);
        run.ExpectNone("PTE101"); // the hypervisor side
    }

    [Fact]
    public void SettingDiagnostics_AreReportedOnce_InTheFirstFileThatNamesALayout()
    {
        var guest = Body("return e.WithPresent(true);");
        var diagnostics = AnalyzeFiles(
            new UsageSettings(Configuration: "Debug;Pke;Nx", Role: "Kernel"),
            ("A.cs", NoLayouts),
            ("B.cs", guest),
            ("C.cs", guest.Replace("namespace Guest;", "namespace Guest.Other;", StringComparison.Ordinal)));
        foreach (var id in new[] { "PTE105", "PTE106", "PTE107" })
        {
            AssertAt(Assert.Single(diagnostics, d => d.Id == id), "B.cs", "L1e", FirstLayoutReference);
        }
    }

    [Fact]
    public void SettingDiagnostics_SkipAGeneratedFile_AndItsTwinWithoutTheHeaderIsUsed()
    {
        const string Helper = """
            namespace Guest.Helpers;
            public static class Entries { public static XenPv.L1e Empty => new(0); }
            """;
        var guest = Body("return e.WithPresent(true);");

        var generated = AnalyzeFiles(UsageSettings.Config("Nx"), ("Helper.cs", "// <auto-generated/>\n" + Helper), (GuestPath, guest));
        AssertAt(Assert.Single(generated, d => d.Id == "PTE105"), GuestPath, "L1e", FirstLayoutReference);

        var byName = AnalyzeFiles(UsageSettings.Config("Nx"), ("Helper.g.cs", Helper), (GuestPath, guest));
        AssertAt(Assert.Single(byName, d => d.Id == "PTE105"), GuestPath, "L1e", FirstLayoutReference);

        var handWritten = AnalyzeFiles(UsageSettings.Config("Nx"), ("Helper.cs", Helper), (GuestPath, guest));
        AssertAt(Assert.Single(handWritten, d => d.Id == "PTE105"), "Helper.cs", "L1e", "L1e Empty");
    }

    [Fact]
    public void SettingDiagnostics_AnchorAtAReferenceToTheLayoutType_NotAtAnIdentifierSpelledLikeIt()
    {
        const string Spelled = """
            namespace Guest.Spelling;
            public static class Names { public static ulong Twice(ulong L1e) => L1e + L1e; }
            """;
        var diagnostics = AnalyzeFiles(UsageSettings.Config("Nx"), ("Spelled.cs", Spelled), (GuestPath, Body("return e.WithPresent(true);")));
        AssertAt(Assert.Single(diagnostics, d => d.Id == "PTE105"), GuestPath, "L1e", FirstLayoutReference);
    }

    [Fact]
    public void SettingDiagnostics_HaveASourceLocation_SoTheFilesEditorconfigSeverityAndPragmasReachThem()
    {
        var severities = new Dictionary<string, string> { ["dotnet_diagnostic.PTE105.severity"] = "error" };
        var raised = Run(Guest, new UsageSettings(Configuration: "Nx", TreeOptions: severities));
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(raised.Of("PTE105")).Severity);

        var suppressed = Run("#pragma warning disable PTE105\n" + Guest, UsageSettings.Config("Nx"));
        suppressed.ExpectNone("PTE105");

        // The twin: the same pragma for another id leaves PTE105 as it was.
        var other = Run("#pragma warning disable PTE106\n" + Guest, UsageSettings.Config("Nx"));
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(other.Of("PTE105")).Severity);
    }
}
