using PteGen.IntegrationTests.Infrastructure;

namespace PteGen.IntegrationTests.Scenarios;

/// <summary>
/// Scenario f: PteGenConfiguration and PteGenRole with several entries, written as users write them, in the project
/// file and with <c>-p:</c>. MSBuild hands them to the compiler through a generated .editorconfig, where <c>;</c> and
/// <c>#</c> start a comment; every switch after the first must still reach the generator and the analyzers.
/// </summary>
/// <remarks>
/// The builds are shared by the tests below and run once, in this order, whichever test asks first:
/// <list type="number">
/// <item><c>dotnet build ProjectFile.slnx</c>: the layout library and, each with its settings in its project file,
/// GuestNoneDebug (<c>None;Debug</c>), GuestMistakes (<c>Debug;Nx</c>, role <c>Guest;Hypervisor</c>),
/// HypervisorSide (a multi-line role <c>Hypervisor</c>) and Fixup (<c>Debug;Pke</c>, a program over
/// <see cref="Sources.CombinableLayout"/>);</item>
/// <item>GuestCommandLine, which sets nothing itself, with <c>-p:PteGenConfiguration="None;Debug;Nx"</c> and
/// <c>-p:PteGenRole="Guest;Hypervisor"</c> (the quotes reach MSBuild, as <c>'…'</c> in a POSIX shell makes them);</item>
/// <item>FixupCommandLine, Fixup's sources without the setting, with <c>-p:PteGenConfiguration=Debug%3BPke</c>;</item>
/// <item><c>dotnet run --no-build</c> of both fixup programs.</item>
/// </list>
/// </remarks>
[Collection(PackageCollection.Name)]
public sealed class BuildSettingsTests(PackageFixture fixture, ITestOutputHelper output)
{
    private const string UnknownNx =
        "PteGenConfiguration names 'Nx', which is not a switch of any PteGen layout this project declares or references (switches: Debug, Pke)";

    private const string RoleList =
        "PteGenRole 'Guest;Hypervisor' is neither 'Guest' nor 'Hypervisor'; PteGen uses the default (Guest, as the project declares no layout)";

    /// <summary>
    /// What the fixup program prints when the constant fixup was generated for Debug|Pke: the layout warns only there
    /// (the run-time overload under Debug alone shows that the warning tells the two apart).
    /// </summary>
    private static readonly string[] DebugPkeFixupOutput =
    [
        "build configuration:",
        "warning: Global bit is set in kernel page 0x0010000000000101",
        "0x0010000000000105",
        "Debug:",
        "0x0010000000000105",
        "Debug|Pke:",
        "warning: Global bit is set in kernel page 0x0010000000000101",
        "0x0010000000000105",
    ];

    [Fact]
    public async Task ProjectFile_NoneThenDebug_ActivatesDebug_SoBothWritesOfBit62GetPTE101()
    {
        var builds = await BuildsAsync();
        AssertBit62Warnings(DiagnosticsOf(builds.ProjectFile, "GuestNoneDebug"));
    }

    [Fact]
    public async Task ProjectFile_AnUnknownSwitchAfterTheFirst_IsPTE105_AndARoleList_IsPTE107()
    {
        var diagnostics = DiagnosticsOf((await BuildsAsync()).ProjectFile, "GuestMistakes");

        AssertSingleMessage(diagnostics, "PTE105", UnknownNx);
        AssertSingleMessage(diagnostics, "PTE107", RoleList);

        // The known switch still selects the configuration, and the default role (a guest) applies.
        AssertBit62Warnings(diagnostics.Where(d => d.Code is not ("PTE105" or "PTE107")).ToList());
    }

    [Fact]
    public async Task ProjectFile_AMultiLineRole_IsRead_SoTheHypervisorSideGetsNoGuestWarning()
    {
        // The same guest code under Debug, but declared the hypervisor side: had the role been lost (the line break
        // ends an .editorconfig value), the default would make it a guest with two PTE101.
        Assert.Empty(DiagnosticsOf((await BuildsAsync()).ProjectFile, "HypervisorSide"));
    }

    [Fact]
    public async Task ProjectFile_DebugAndPke_GenerateTheConstantFixupForDebugPke()
    {
        var builds = await BuildsAsync();
        Assert.Empty(DiagnosticsOf(builds.ProjectFile, "Fixup"));
        await AssertFixupForDebugPkeAsync(builds.Scenario, "Fixup", builds.FixupRun);
    }

    [Fact]
    public async Task CommandLine_AQuotedList_ActivatesDebug_AndReportsTheUnknownSwitchAndTheRoleList()
    {
        var diagnostics = DiagnosticsOf((await BuildsAsync()).CommandLineGuest, "GuestCommandLine");

        AssertSingleMessage(diagnostics, "PTE105", UnknownNx);
        AssertSingleMessage(diagnostics, "PTE107", RoleList);
        AssertBit62Warnings(diagnostics.Where(d => d.Code is not ("PTE105" or "PTE107")).ToList());
    }

    [Fact]
    public async Task CommandLine_AnEscapedSemicolon_GeneratesTheConstantFixupForDebugPke()
    {
        var builds = await BuildsAsync();
        Assert.Empty(DiagnosticsOf(builds.CommandLineFixup, "FixupCommandLine"));
        await AssertFixupForDebugPkeAsync(builds.Scenario, "FixupCommandLine", builds.FixupCommandLineRun);
    }

    [Theory]
    [InlineData("-p:PteGenConfiguration=Debug;Pke")]
    [InlineData("-p:PteGenConfiguration=Debug,Pke")]
    public async Task CommandLine_AnUnquotedSemicolonOrComma_IsRejectedByMSBuild_NotDropped(string argument)
    {
        // MSBuild splits -p: into several properties at ';' and ',', and "Pke" alone is no property: the build stops
        // before it starts (MSB1006), so the mistake cannot go unnoticed. The README says how to write the list.
        var builds = await BuildsAsync();
        var build = await builds.Scenario.BuildAsync("GuestCommandLine/GuestCommandLine.csproj", argument);
        output.WriteLine(build.ToString());

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains(build.Diagnostics, diagnostic => diagnostic.IsError && diagnostic.Code == "MSB1006");
    }

    private async Task AssertFixupForDebugPkeAsync(Scenario scenario, string project, CommandResult run)
    {
        // The constant-configuration overload's documentation names the configuration it was generated for.
        var generated = Directory.GetFiles(Path.Combine(scenario.Root, project, "obj"), "XenPv.L1e.g.cs", SearchOption.AllDirectories);
        var file = Assert.Single(generated);
        Assert.Contains("under the build configuration, <c>Debug|Pke</c>", await File.ReadAllTextAsync(file), StringComparison.Ordinal);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(DebugPkeFixupOutput, run.Lines);
    }

    private static void AssertBit62Warnings(IReadOnlyList<BuildDiagnostic> diagnostics)
    {
        Assert.All(diagnostics, diagnostic =>
        {
            Assert.Equal("warning", diagnostic.Severity);
            Assert.Equal("PTE101", diagnostic.Code);
            Assert.Equal("Pinning.cs", diagnostic.FileName);
            Assert.Contains("bit 62", diagnostic.Message, StringComparison.Ordinal);
            Assert.Contains("(GrantMapping) under configuration Debug", diagnostic.Message, StringComparison.Ordinal);
        });
        Assert.Equal(Sources.GuestCodeBit62Lines, diagnostics.Select(diagnostic => diagnostic.SourceLine).Order());
    }

    /// <summary><paramref name="code"/> is reported once, with <paramref name="message"/> and then its help link.</summary>
    private static void AssertSingleMessage(IReadOnlyList<BuildDiagnostic> diagnostics, string code, string message)
    {
        var diagnostic = Assert.Single(diagnostics, d => d.Code == code);
        Assert.Equal("warning", diagnostic.Severity);
        Assert.StartsWith(message + " (https://", diagnostic.Message, StringComparison.Ordinal);
    }

    /// <summary>The diagnostics reported for <paramref name="project"/> itself.</summary>
    private static List<BuildDiagnostic> DiagnosticsOf(CommandResult build, string project) =>
        build.Diagnostics.Where(diagnostic => Path.GetFileNameWithoutExtension(diagnostic.Project) == project).ToList();

    /// <summary>The builds and runs of the remarks, once per test run; logs them and checks what holds for all.</summary>
    private async Task<SettingsBuilds> BuildsAsync()
    {
        var builds = await fixture.SharedAsync("settings", async () =>
        {
            var scenario = CreateScenario();
            var projectFile = await scenario.BuildAsync("ProjectFile.slnx");
            var commandLineGuest = await scenario.BuildAsync(
                "GuestCommandLine/GuestCommandLine.csproj", "-p:PteGenConfiguration=\"None;Debug;Nx\"", "-p:PteGenRole=\"Guest;Hypervisor\"");
            var commandLineFixup = await scenario.BuildAsync("FixupCommandLine/FixupCommandLine.csproj", "-p:PteGenConfiguration=Debug%3BPke");
            var fixupRun = await scenario.DotNetAsync("run", "--project", "Fixup/Fixup.csproj", "--no-build");
            var fixupCommandLineRun = await scenario.DotNetAsync("run", "--project", "FixupCommandLine/FixupCommandLine.csproj", "--no-build");
            return new SettingsBuilds(scenario, projectFile, commandLineGuest, commandLineFixup, fixupRun, fixupCommandLineRun);
        });

        foreach (var command in new[] { builds.ProjectFile, builds.CommandLineGuest, builds.CommandLineFixup, builds.FixupRun, builds.FixupCommandLineRun })
        {
            output.WriteLine(command.ToString());
        }

        foreach (var build in new[] { builds.ProjectFile, builds.CommandLineGuest, builds.CommandLineFixup })
        {
            Assert.True(build.ExitCode == 0, build.ToString());
            Assert.DoesNotContain(build.Diagnostics, diagnostic => diagnostic.IsInGeneratedFile);
        }

        return builds;
    }

    private sealed record SettingsBuilds(
        Scenario Scenario,
        CommandResult ProjectFile,
        CommandResult CommandLineGuest,
        CommandResult CommandLineFixup,
        CommandResult FixupRun,
        CommandResult FixupCommandLineRun);

    private Scenario CreateScenario()
    {
        var scenario = Scenario.Create(fixture, "settings");
        scenario.WriteProject("Layouts/Layouts.csproj", "", scenario.PackageReference);
        Sources.WriteLayoutLibrary(scenario, "Layouts");

        var guestItems = """<ProjectReference Include="../Layouts/Layouts.csproj" />""" + "\n    " + scenario.PackageReference;
        void WriteGuest(string name, string properties)
        {
            scenario.WriteProject($"{name}/{name}.csproj", properties, guestItems);
            scenario.Write($"{name}/Pinning.cs", Sources.GuestCode);
        }

        WriteGuest("GuestNoneDebug", "<PteGenConfiguration>None;Debug</PteGenConfiguration>");
        WriteGuest("GuestMistakes", "<PteGenConfiguration>Debug;Nx</PteGenConfiguration>\n    <PteGenRole>Guest;Hypervisor</PteGenRole>");
        WriteGuest("HypervisorSide", "<PteGenConfiguration>Debug</PteGenConfiguration>\n    <PteGenRole>\n      Hypervisor\n    </PteGenRole>");
        WriteGuest("GuestCommandLine", "");

        void WriteFixup(string name, string properties)
        {
            scenario.WriteProject(
                $"{name}/{name}.csproj",
                "<OutputType>Exe</OutputType>\n    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>" + properties,
                scenario.PackageReference);
            scenario.Write($"{name}/L1e.cs", Sources.CombinableLayout);
            scenario.Write($"{name}/Program.cs", Sources.FixupProgram);
        }

        WriteFixup("Fixup", "\n    <PteGenConfiguration>Debug;Pke</PteGenConfiguration>");
        WriteFixup("FixupCommandLine", "");

        scenario.Write("ProjectFile.slnx", """
            <Solution>
              <Project Path="Layouts/Layouts.csproj" />
              <Project Path="GuestNoneDebug/GuestNoneDebug.csproj" />
              <Project Path="GuestMistakes/GuestMistakes.csproj" />
              <Project Path="HypervisorSide/HypervisorSide.csproj" />
              <Project Path="Fixup/Fixup.csproj" />
            </Solution>
            """);
        return scenario;
    }
}
