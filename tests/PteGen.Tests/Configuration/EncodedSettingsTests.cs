extern alias Generators;

using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PteGen.Tests.Infrastructure;
using ConfigurationAnalyzer = Generators::PteGen.Generators.Usage.ConfigurationAnalyzer;
using PteGenerator = Generators::PteGen.Generators.PteGenerator;
using PteGenOptions = Generators::PteGen.Generators.Usage.PteGenOptions;

namespace PteGen.Tests.Configuration;

/// <summary>
/// PteGenConfiguration and PteGenRole as a project writes them, through the .editorconfig MSBuild generates with
/// PteGen.props (encoded, then read by Roslyn's parser): the generator's constant fixup and the analyzers' settings see
/// every switch, not only the first.
/// </summary>
public sealed class EncodedSettingsTests
{
    /// <summary>
    /// The sample's leaf entry with switches that combine: without the exclusion and the debug grant marker, Debug|Pke is
    /// a configuration (bit 62 is then the protection key's), and the fixup warns only under Debug|Pke, so the generated
    /// constant fixup shows exactly which configuration it was built for.
    /// </summary>
    private static readonly string CombinableLayout = SampleSource.XenL1e
        .Remove("[MutuallyExclusive(XenConfig.Debug, XenConfig.Pke)]\n")
        .Remove("    [XenReserved(62, When = \"Debug\", Role = PteRole.GrantMapping)]\n    public partial bool GrantMapping { get; }\n")
        .Replace("[GuestAvailable(62, When = \"!Pke && !Debug\")]", "[GuestAvailable(62, When = \"!Pke\")]")
        .Replace("[PteLayout(typeof(XenConfig), Level = 1)]", "[PteLayout(typeof(XenConfig), Level = 1, WarnWhen = \"Debug && Pke\")]");

    [Theory]
    [InlineData("Debug;Pke", "Debug|Pke")]
    [InlineData("Pke,Debug", "Debug|Pke")]
    [InlineData("None;Debug", "Debug")]
    [InlineData("\n      Debug;\n      Pke\n    ", "Debug|Pke")]
    [InlineData("debug|PKE", "Debug|Pke")]
    [InlineData("Pke", "Pke")]
    [InlineData("", "None")]
    public void TheConstantFixup_IsGeneratedForEverySwitchTheProjectNames(string configuration, string expected)
    {
        var (output, generated) = Generate(GeneratedEditorConfig.WithPteGenProps(configuration, ""));

        Assert.Contains($"under the build configuration, <c>{expected}</c>", generated, StringComparison.Ordinal);
        Assert.Empty(output.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void AnUnknownSwitchAfterTheFirst_IsPte105()
    {
        var diagnostics = AnalyzeSettings(GeneratedEditorConfig.WithPteGenProps("Debug;Nx", ""));

        var unknown = Assert.Single(diagnostics);
        Assert.Equal("PTE105", unknown.Id);
        Assert.Equal(
            "PteGenConfiguration names 'Nx', which is not a switch of any PteGen layout this project declares or references (switches: Debug, Pke)",
            unknown.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ACommentCharacter_IsPartOfTheNameItIsIn_NotTheEndOfTheValue()
    {
        var diagnostics = AnalyzeSettings(GeneratedEditorConfig.WithPteGenProps("Debug#Pke", ""));

        Assert.Equal(
            ["PTE105: PteGenConfiguration names 'Debug#Pke', which is not a switch of any PteGen layout this project declares or references (switches: Debug, Pke)"],
            diagnostics.Select(diagnostic => $"{diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}"));
    }

    [Theory]
    [InlineData("Debug;Pke", "")]
    [InlineData("None;Debug", "Hypervisor")]
    [InlineData("\n      Pke\n    ", "\n      Hypervisor\n    ")]
    [InlineData("", "Guest;")]
    public void KnownSwitchesAndRoles_InAnyWrittenForm_AreNotReported(string configuration, string role)
    {
        Assert.Empty(AnalyzeSettings(GeneratedEditorConfig.WithPteGenProps(configuration, role)));
    }

    [Theory]
    [InlineData("Guest;Hypervisor", "Guest;Hypervisor")]
    [InlineData("Guest#Hypervisor", "Guest#Hypervisor")]
    [InlineData("\n      Guest\n      Hypervisor\n    ", "Guest Hypervisor")]
    public void ARoleThatIsNotOneKnownWord_IsPte107_WithTheWholeValue(string role, string shown)
    {
        var diagnostics = AnalyzeSettings(GeneratedEditorConfig.WithPteGenProps("", role));

        Assert.Equal(
            [$"PTE107: PteGenRole '{shown}' is neither 'Guest' nor 'Hypervisor'; PteGen uses the default (Hypervisor, as the project declares layouts)"],
            diagnostics.Select(diagnostic => $"{diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}"));
    }

    [Theory]
    [InlineData("Guest", "Guest", null)]
    [InlineData("hypervisor", "Hypervisor", null)]
    [InlineData("\n      Hypervisor\n    ", "Hypervisor", null)]
    [InlineData(" Guest ; ", "Guest", null)]
    [InlineData("", "Default", null)]
    [InlineData(" ; ", "Default", null)]
    [InlineData("Guest;Hypervisor", "Default", "Guest;Hypervisor")]
    public void TheAnalyzersRole(string role, string expected, string? unknown)
    {
        var options = Read(GeneratedEditorConfig.WithPteGenProps("", role));

        Assert.Equal(expected, options.Role.ToString());
        Assert.Equal(unknown, options.UnknownRole);
    }

    [Theory]
    [InlineData("None;Debug", new[] { "None", "Debug" })]
    [InlineData("Debug;Nx", new[] { "Debug", "Nx" })]
    [InlineData("Debug#Pke", new[] { "Debug#Pke" })]
    [InlineData("", null)]
    [InlineData(" ; ,", null)] // names nothing: as if absent
    public void TheAnalyzersConfiguration(string configuration, string[]? expected)
    {
        Assert.Equal(expected, Read(GeneratedEditorConfig.WithPteGenProps(configuration, "")).Configuration);
    }

    private static PteGenOptions Read(AnalyzerConfigOptions global) =>
        PteGenOptions.Read(new AnalyzerOptions([], new TestAnalyzerConfigOptionsProvider(global, TestAnalyzerConfigOptions.Empty)));

    /// <summary>The layout generated with <paramref name="global"/> as the build's options; the compilation and the layout's generated file.</summary>
    private static (Compilation Output, string Generated) Generate(AnalyzerConfigOptions global)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new PteGenerator().AsSourceGenerator()],
            [],
            TestCompilation.ParseOptions,
            new TestAnalyzerConfigOptionsProvider(global, TestAnalyzerConfigOptions.Empty));
        driver = driver.RunGeneratorsAndUpdateCompilation(TestCompilation.Create(CombinableLayout), out var output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        var source = Assert.Single(driver.GetRunResult().Results.SelectMany(result => result.GeneratedSources));
        return (output, source.SourceText.ToString());
    }

    /// <summary>The settings diagnostics (PTE105-107) of the layout's own project under <paramref name="global"/>.</summary>
    private static ImmutableArray<Diagnostic> AnalyzeSettings(AnalyzerConfigOptions global)
    {
        var (output, _) = Generate(global);
        var options = new AnalyzerOptions([], new TestAnalyzerConfigOptionsProvider(global, TestAnalyzerConfigOptions.Empty));
        return output.WithAnalyzers([new ConfigurationAnalyzer()], options).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
    }
}
