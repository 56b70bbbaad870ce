using PteGen.IntegrationTests.Infrastructure;

namespace PteGen.IntegrationTests.Scenarios;

/// <summary>
/// Scenario h: the ABI baseline in real builds, through the packed package. One <c>dotnet build Abi.slnx</c> of
/// <list type="bullet">
/// <item>Xen: the layouts of <c>samples/XenPv</c> with its <c>PteAbi.Shipped.txt</c> and <c>PteAbi.Unshipped.txt</c>,
/// by PackageReference: clean, the props picked the files up by name and they match;</item>
/// <item>XenChanged: the same with bit 62 of <c>L1e</c> Xen's in release builds: fails with exactly the one PTE201;</item>
/// <item>Guest: only a ProjectReference to Xen (PteGen reaches it transitively), a layout of its own and a baseline of
/// its own that no longer matches: its PTE201 is about its layout only, so Xen's files stayed with Xen;</item>
/// <item>Plain: a ProjectReference to Xen and a layout, without baseline files: silent.</item>
/// </list>
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class AbiBaselineTests(PackageFixture fixture, ITestOutputHelper output)
{
    private const string Bit62Break = "bit 62 of 'L1e' under None: GuestAvailable in PteAbi.Shipped.txt, XenReserved now";

    private const string GuestLayout = """
        using PteGen;

        namespace Guest;

        [PteLayout]
        public readonly partial struct Tag
        {
            [GuestAvailable(0, 62)] public partial ulong Value { get; }
            [Hardware(63)] public partial bool NoExecute { get; }
        }
        """;

    private const string GuestShipped = """
        # PteGen ABI baseline: one line per claim per valid configuration; see https://github.com/ptegen/ptegen/blob/main/docs/abi-baseline.md
        Guest.Tag under None: [00-62] Value GuestAvailable role=None guest=allowed when=always
        Guest.Tag under None: [63] NoExecute GuestAvailable role=None guest=allowed when=always
        """;

    [Fact]
    public async Task The_sample_with_its_baseline_builds_clean()
    {
        var build = await BuildAsync();
        Assert.Empty(DiagnosticsOf(build, "Xen"));
    }

    [Fact]
    public async Task Changing_bit_62_of_L1e_fails_the_build_with_exactly_the_break()
    {
        var build = await BuildAsync();
        Assert.NotEqual(0, build.ExitCode);
        var diagnostic = Assert.Single(DiagnosticsOf(build, "XenChanged"));
        var claimLine = Array.FindIndex(((string)PteGen.Tests.Infrastructure.SampleSource.L1e).Split('\n'), line => line.Contains("[GuestAvailable(62, When = \"!Pke && !Debug\")]", StringComparison.Ordinal)) + 1;
        Assert.Equal(("error", "PTE201", "L1e.cs", claimLine), (diagnostic.Severity, diagnostic.Code, diagnostic.FileName, diagnostic.SourceLine));
        Assert.Equal(Bit62Break, StripHelpLink(diagnostic.Message));
    }

    [Fact]
    public async Task A_project_with_PteGen_only_through_a_ProjectReference_checks_its_own_baseline()
    {
        var build = await BuildAsync();
        var project = await File.ReadAllTextAsync(Path.Combine(fixture.ScenariosRoot, "abi-baseline", "Guest", "Guest.csproj"));
        Assert.DoesNotContain("PackageReference", project, StringComparison.Ordinal);

        var diagnostic = Assert.Single(DiagnosticsOf(build, "Guest"));
        Assert.Equal(("error", "PTE201", "Tag.cs"), (diagnostic.Severity, diagnostic.Code, diagnostic.FileName));
        Assert.Equal("bit 63 of 'Tag' under None: GuestAvailable in PteAbi.Shipped.txt, Hardware now", StripHelpLink(diagnostic.Message));
    }

    [Fact]
    public async Task A_project_without_baseline_files_is_silent()
    {
        var build = await BuildAsync();
        Assert.Empty(DiagnosticsOf(build, "Plain"));
    }

    private static string StripHelpLink(string message)
    {
        var link = message.LastIndexOf(" (https://", StringComparison.Ordinal);
        return link < 0 ? message : message[..link];
    }

    private static List<BuildDiagnostic> DiagnosticsOf(CommandResult build, string project) =>
        build.Diagnostics.Where(diagnostic => Path.GetFileNameWithoutExtension(diagnostic.Project) == project).ToList();

    private async Task<CommandResult> BuildAsync()
    {
        var build = await fixture.SharedAsync("abi-baseline", async () =>
        {
            var scenario = CreateScenario();
            return await scenario.BuildAsync("Abi.slnx");
        });
        output.WriteLine(build.ToString());
        Assert.DoesNotContain(build.Diagnostics, diagnostic => diagnostic.IsInGeneratedFile);
        return build;
    }

    private Scenario CreateScenario()
    {
        var scenario = Scenario.Create(fixture, "abi-baseline");
        var sample = Path.Combine(fixture.RepositoryRoot, "samples", "XenPv");
        var sources = Directory.GetFiles(sample, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        var edited = 0;
        foreach (var project in new[] { "Xen", "XenChanged" })
        {
            scenario.WriteProject($"{project}/{project}.csproj", "", scenario.PackageReference);
            foreach (var source in sources)
            {
                var text = File.ReadAllText(source);
                if (project == "XenChanged" && Path.GetFileName(source) == "L1e.cs")
                {
                    // Bit 62 of a release build without protection keys becomes Xen's; nothing else changes.
                    var changed = text.Replace("[GuestAvailable(62, When = \"!Pke && !Debug\")]", "[XenReserved(62, When = \"!Pke && !Debug\")]", StringComparison.Ordinal);
                    Assert.NotEqual(text, changed);
                    text = changed;
                    edited++;
                }

                scenario.Write($"{project}/{Path.GetRelativePath(sample, source).Replace(Path.DirectorySeparatorChar, '/')}", text);
            }

            foreach (var baseline in new[] { "PteAbi.Shipped.txt", "PteAbi.Unshipped.txt" })
            {
                File.Copy(Path.Combine(sample, baseline), Path.Combine(scenario.Root, project, baseline));
            }
        }

        Assert.Equal(1, edited);

        scenario.WriteProject("Guest/Guest.csproj", "", """<ProjectReference Include="../Xen/Xen.csproj" />""");
        scenario.Write("Guest/Tag.cs", GuestLayout);
        scenario.Write("Guest/PteAbi.Shipped.txt", GuestShipped);

        scenario.WriteProject("Plain/Plain.csproj", "", """<ProjectReference Include="../Xen/Xen.csproj" />""");
        scenario.Write("Plain/Tag.cs", GuestLayout.Replace("namespace Guest;", "namespace Plain;", StringComparison.Ordinal));

        scenario.Write("Abi.slnx", """
            <Solution>
              <Project Path="Xen/Xen.csproj" />
              <Project Path="XenChanged/XenChanged.csproj" />
              <Project Path="Guest/Guest.csproj" />
              <Project Path="Plain/Plain.csproj" />
            </Solution>
            """);
        return scenario;
    }
}
