using System.Globalization;
using Microsoft.CodeAnalysis;
using static PteGen.Tests.Usage.UsageHarness;

namespace PteGen.Tests.Usage;

/// <summary>
/// <c>PteGenConfiguration</c>: the same guest code checked under Debug, Pke, None and with the property absent (any
/// valid configuration may be active); and the settings' own diagnostics PTE105 (unknown switch), PTE106 (a
/// configuration the layout rules out) and PTE107 (unknown role).
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
        Assert.Equal(Location.None, diagnostic.Location);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        run.ExpectNone("PTE106", "PTE107");

        // The known part still selects the configuration.
        Assert.Equal(Expected(" under configuration Debug", " under configuration Debug"), Findings(run, "PTE101"));
    }

    [Fact]
    public void UnknownSwitch_IsReportedInACompilationThatDoesNotUseTheLayout()
    {
        var run = Run("namespace Guest; public static class NoLayouts { public static ulong M(ulong x) => x | 1; }", UsageSettings.Config("Nx"));
        Assert.Equal(
            ["PteGenConfiguration names 'Nx', which is not a switch of any PteGen layout this project declares or references (switches: Debug, Pke)"],
            run.Of("PTE105").Select(d => d.GetMessage(CultureInfo.InvariantCulture)));
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
        Assert.Single(run.Of("PTE105"));
        Assert.Single(run.Of("PTE106"));
        run.ExpectNone("PTE101"); // the hypervisor side
    }
}
