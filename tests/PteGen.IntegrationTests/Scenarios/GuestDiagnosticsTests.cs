using System.Text.Json;
using PteGen.IntegrationTests.Infrastructure;

namespace PteGen.IntegrationTests.Scenarios;

/// <summary>
/// Scenarios b and e: guest projects over a layout library. GuestDirect references the package itself; GuestTransitive
/// only references the layout library, so the package (its library, buildTransitive props and analyzers) reaches it
/// transitively. Both hold the same code: a clean function and two writes of bit 62 (Xen's under Debug).
/// </summary>
/// <remarks>
/// The builds are shared by the tests below (<see cref="PackageFixture.SharedAsync{T}"/>) and run once, in a fixed
/// order, whichever test asks first: both guests in one <c>dotnet build Guests.slnx</c> under None, then under Debug,
/// then GuestDirect under Debug with warnings as errors. Each is a full rebuild (<c>--no-incremental</c>): MSBuild does
/// not count TreatWarningsAsErrors as a compile input, and an up-to-date project reports no warnings at all.
/// </remarks>
[Collection(PackageCollection.Name)]
public sealed class GuestDiagnosticsTests(PackageFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task DirectGuest_UnderDebug_WarnsPTE101_AtBothWritesOfBit62()
    {
        var build = (await BuildsAsync()).Debug;
        Assert.True(build.ExitCode == 0, build.ToString());
        AssertBit62Warnings(build, "GuestDirect");
    }

    [Fact]
    public async Task DirectGuest_UnderNone_WhereBit62IsTheGuests_HasNoWarning()
    {
        var build = (await BuildsAsync()).None;
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Empty(DiagnosticsOf(build, "GuestDirect"));
    }

    [Fact]
    public async Task DirectGuest_WithWarningsAsErrors_FailsWithPTE101()
    {
        var build = (await BuildsAsync()).DebugWarningsAsErrors;

        Assert.NotEqual(0, build.ExitCode);
        var errors = build.Diagnostics.Where(diagnostic => diagnostic.IsError).ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, error => Assert.Equal("PTE101", error.Code));
        Assert.Equal(Sources.GuestCodeBit62Lines, errors.Select(diagnostic => diagnostic.SourceLine).Order());
    }

    [Fact]
    public async Task TransitiveGuest_WithoutPackageReference_StillGetsTheAnalyzers()
    {
        var builds = await BuildsAsync();
        var project = await File.ReadAllTextAsync(Path.Combine(builds.Scenario.Root, "GuestTransitive", "GuestTransitive.csproj"));
        Assert.DoesNotContain("PackageReference", project, StringComparison.Ordinal);

        var build = builds.Debug;
        Assert.True(build.ExitCode == 0, build.ToString());

        // PteGen reached the guest only through the layout library: not a dependency of its own, but in its graph
        // with the library and the buildTransitive props.
        using var assets = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(builds.Scenario.Root, "GuestTransitive", "obj", "project.assets.json")));
        var framework = assets.RootElement.GetProperty("project").GetProperty("frameworks").GetProperty("net10.0");
        Assert.False(
            framework.TryGetProperty("dependencies", out var dependencies) && dependencies.TryGetProperty("PteGen", out _),
            "GuestTransitive must not depend on PteGen directly.");
        var package = assets.RootElement.GetProperty("targets").GetProperty("net10.0").GetProperty($"PteGen/{fixture.Version}");
        Assert.True(package.GetProperty("build").TryGetProperty("buildTransitive/PteGen.props", out _), package.ToString());

        // The analyzers ran in the guest: the same warnings as in the guest that references the package directly.
        AssertBit62Warnings(build, "GuestTransitive");
    }

    [Fact]
    public async Task TransitiveGuest_UnderNone_HasNoWarning_SoTheConfigurationReachedItsAnalyzers()
    {
        // Had buildTransitive/PteGen.props not flowed, PteGenConfiguration would be invisible to the analyzers, which
        // then assume any valid configuration may be active (Debug included) and warn about bit 62.
        var build = (await BuildsAsync()).None;
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Empty(DiagnosticsOf(build, "GuestTransitive"));
    }

    private void AssertBit62Warnings(CommandResult build, string guest)
    {
        var diagnostics = DiagnosticsOf(build, guest);
        Assert.All(diagnostics, diagnostic =>
        {
            Assert.Equal("warning", diagnostic.Severity);
            Assert.Equal("PTE101", diagnostic.Code);
            Assert.Equal("Pinning.cs", diagnostic.FileName);
            Assert.Contains("bit 62", diagnostic.Message, StringComparison.Ordinal);
            Assert.Contains("GrantMapping", diagnostic.Message, StringComparison.Ordinal);
            Assert.Contains("Debug", diagnostic.Message, StringComparison.Ordinal);
        });
        Assert.Equal(Sources.GuestCodeBit62Lines, diagnostics.Select(diagnostic => diagnostic.SourceLine).Order());
    }

    /// <summary>The diagnostics reported for <paramref name="guest"/>'s own project.</summary>
    private static List<BuildDiagnostic> DiagnosticsOf(CommandResult build, string guest) =>
        build.Diagnostics.Where(diagnostic => Path.GetFileNameWithoutExtension(diagnostic.Project) == guest).ToList();

    /// <summary>The guest builds (see the remarks), run once per test run; logs the ones the calling test uses.</summary>
    private async Task<GuestBuilds> BuildsAsync()
    {
        var builds = await fixture.SharedAsync("guests", async () =>
        {
            var scenario = CreateGuests();
            var none = await scenario.BuildAsync("Guests.slnx", "--no-incremental", "-p:PteGenConfiguration=None");
            var debug = await scenario.BuildAsync("Guests.slnx", "--no-incremental", "-p:PteGenConfiguration=Debug");
            var strict = await scenario.BuildAsync(
                "GuestDirect/GuestDirect.csproj", "--no-incremental", "-p:PteGenConfiguration=Debug", "-p:TreatWarningsAsErrors=true");
            return new GuestBuilds(scenario, none, debug, strict);
        });

        foreach (var build in new[] { builds.None, builds.Debug, builds.DebugWarningsAsErrors })
        {
            output.WriteLine(build.ToString());
            Assert.DoesNotContain(build.Diagnostics, diagnostic => diagnostic.IsInGeneratedFile);
        }

        return builds;
    }

    private sealed record GuestBuilds(Scenario Scenario, CommandResult None, CommandResult Debug, CommandResult DebugWarningsAsErrors);

    private Scenario CreateGuests()
    {
        var scenario = Scenario.Create(fixture, "guests");
        scenario.WriteProject("Layouts/Layouts.csproj", "", scenario.PackageReference);
        Sources.WriteLayoutLibrary(scenario, "Layouts");

        // Scenario b: the package by PackageReference, the layouts by ProjectReference.
        scenario.WriteProject(
            "GuestDirect/GuestDirect.csproj",
            "",
            """<ProjectReference Include="../Layouts/Layouts.csproj" />""" + "\n    " + scenario.PackageReference);
        scenario.Write("GuestDirect/Pinning.cs", Sources.GuestCode);

        // Scenario e: no PackageReference at all.
        scenario.WriteProject("GuestTransitive/GuestTransitive.csproj", "", """<ProjectReference Include="../Layouts/Layouts.csproj" />""");
        scenario.Write("GuestTransitive/Pinning.cs", Sources.GuestCode);

        scenario.Write("Guests.slnx", """
            <Solution>
              <Project Path="Layouts/Layouts.csproj" />
              <Project Path="GuestDirect/GuestDirect.csproj" />
              <Project Path="GuestTransitive/GuestTransitive.csproj" />
            </Solution>
            """);
        return scenario;
    }
}
