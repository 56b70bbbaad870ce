using System.Text.RegularExpressions;
using PteGen.IntegrationTests.Infrastructure;
using PteGen.Tests.Tool;

namespace PteGen.IntegrationTests.Scenarios;

/// <summary>
/// Scenario i: the guest profiles of samples/GuestProfiles, built against the package with the real dotnet build under
/// <c>PteGenConfiguration=Debug</c>, <c>None</c> and <c>Pke</c>, over copies of the sample's <c>L1e</c> and
/// <c>L1e2005</c>. The PTE102 warnings of each build must be exactly the collisions <c>xenpte compat</c> prints for that
/// configuration, so the analyzer and the matrix cannot disagree.
/// </summary>
/// <remarks>
/// Columns per build: Debug is the <c>Debug</c> column (L1e) and the <c>Debug (2005 layout)</c> one (L1e2005); None is
/// <c>None (release)</c>; Pke is <c>Pke</c>. L1e2005 has no <c>Pke</c> switch, so under None and Pke it is checked in its
/// release configuration, where bit 11 is the guest's, and no column of the matrix: it must give no warning there.
/// The three builds run once, in order, each a full rebuild (an up-to-date project reports no warnings).
/// </remarks>
[Collection(PackageCollection.Name)]
public sealed partial class GuestProfilesMatrixTests(PackageFixture fixture, ITestOutputHelper output)
{
    public static TheoryData<string> Configurations => new() { "Debug", "None", "Pke" };

    [Theory]
    [MemberData(nameof(Configurations))]
    public async Task PTE102Warnings_AreExactlyTheMatrixCollisions(string configuration)
    {
        var builds = await BuildsAsync();
        var build = builds.ByConfiguration[configuration];
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.All(build.Diagnostics, diagnostic =>
        {
            Assert.Equal("warning", diagnostic.Severity);
            Assert.Equal("PTE102", diagnostic.Code);
            Assert.Equal("Profiles", Path.GetFileNameWithoutExtension(diagnostic.Project));
        });

        var warned = build.Diagnostics.Select(diagnostic => FromWarning(diagnostic, builds.GuestOfFile)).Order().ToList();
        var matrix = MatrixCollisions(configuration).Order().ToList();
        Assert.Equal(matrix, warned);
    }

    [Fact]
    public async Task TheDebugBuild_WarnsAboutTheGuestsOfThe2005Bit_TheOthersStaySilent()
    {
        // Not an empty comparison: the matrix has collisions under Debug, and so does the build.
        var build = (await BuildsAsync()).ByConfiguration["Debug"];
        var files = build.Diagnostics.Select(diagnostic => diagnostic.FileName).Distinct().Order().ToList();
        Assert.Equal(["FreeBsd104Amd64.cs", "Linux2632.cs", "Linux44.cs", "Linux510.cs", "Linux612.cs", "NetBsdI386.cs"], files);
        Assert.Contains(build.Diagnostics, diagnostic => diagnostic.FileName == "NetBsdI386.cs" && diagnostic.Message.StartsWith(
            "'PG_X' uses bit 11 as a software bit of 'L1e2005', but it is not portable: bit 11 is Xen's (GrantMapping) under configuration Debug",
            StringComparison.Ordinal));
    }

    /// <summary>A collision: the guest, the guest's macro, its bits (<c>bit 11</c>) and the layout.</summary>
    private sealed record Collision(string Guest, string Macro, string Bits, string Layout) : IComparable<Collision>
    {
        public int CompareTo(Collision? other) => string.CompareOrdinal(ToString(), other?.ToString());
    }

    private static Collision FromWarning(BuildDiagnostic diagnostic, IReadOnlyDictionary<string, string> guestOfFile)
    {
        var match = WarningMessage().Match(diagnostic.Message);
        Assert.True(match.Success, diagnostic.Line);
        Assert.True(guestOfFile.TryGetValue(diagnostic.FileName, out var guest), diagnostic.Line);
        return new Collision(guest, match.Groups["macro"].Value, match.Groups["bits"].Value, match.Groups["layout"].Value);
    }

    /// <summary>The live collisions of the matrix's columns for <paramref name="configuration"/>, from <c>xenpte compat --format md</c>.</summary>
    private IEnumerable<Collision> MatrixCollisions(string configuration)
    {
        var run = Xenpte.Run("compat", "--format", "md");
        Assert.True(run.ExitCode == 0, run.ToString());
        output.WriteLine(run.Stdout);
        var lines = run.Lines.Where(line => line.StartsWith('|')).ToList();
        var headers = Cells(lines[0]);
        (string Column, string Layout)[] columns = configuration switch
        {
            "Debug" => [("Debug", "L1e"), ("Debug (2005 layout)", "L1e2005")],
            "None" => [("None (release)", "L1e")],
            "Pke" => [("Pke", "L1e")],
            _ => throw new ArgumentOutOfRangeException(nameof(configuration), configuration, "Debug, None or Pke."),
        };
        foreach (var row in lines.Skip(2).Select(Cells))
        {
            var guest = GuestId().Match(row[0]).Groups["id"].Value;
            foreach (var (column, layout) in columns)
            {
                // "bit 11 PG_X: Xen's (GrantMapping) under ...; bit ..." — uses that never reach Xen follow in parentheses,
                // without the colon.
                foreach (Match item in CollisionItem().Matches(row[Array.IndexOf(headers, column)]))
                {
                    yield return new Collision(guest, item.Groups["macro"].Value, item.Groups["bits"].Value, layout);
                }
            }
        }
    }

    private static string[] Cells(string line) => line[2..^2].Split(" | ");

    private sealed record ProfileBuilds(IReadOnlyDictionary<string, CommandResult> ByConfiguration, IReadOnlyDictionary<string, string> GuestOfFile);

    private async Task<ProfileBuilds> BuildsAsync()
    {
        var builds = await fixture.SharedAsync("guest-profiles", async () =>
        {
            var (scenario, guestOfFile) = CreateProfiles();
            var results = new Dictionary<string, CommandResult>();
            foreach (var configuration in new[] { "Debug", "None", "Pke" })
            {
                results[configuration] = await scenario.BuildAsync(
                    "Profiles/Profiles.csproj", "--no-incremental", $"-p:PteGenConfiguration={configuration}");
            }

            return new ProfileBuilds(results, guestOfFile);
        });

        foreach (var build in builds.ByConfiguration.Values)
        {
            output.WriteLine(build.ToString());
            Assert.DoesNotContain(build.Diagnostics, diagnostic => diagnostic.IsInGeneratedFile);
        }

        return builds;
    }

    /// <summary>The layouts and the profiles, copied from the samples; returns the scenario and each profile file's guest id.</summary>
    private (Scenario Scenario, IReadOnlyDictionary<string, string> GuestOfFile) CreateProfiles()
    {
        var samples = Path.Combine(fixture.RepositoryRoot, "samples");
        var scenario = Scenario.Create(fixture, "guest-profiles");
        scenario.WriteProject("Layouts/Layouts.csproj", "", scenario.PackageReference);
        foreach (var file in new[] { "Layouts/L1e.cs", "Layouts/XenConfig.cs", "Historical/L1e2005.cs", "Historical/Xen2005Config.cs" })
        {
            scenario.Write($"Layouts/{Path.GetFileName(file)}", File.ReadAllText(Path.Combine(samples, "XenPv", file)));
        }

        scenario.WriteProject(
            "Profiles/Profiles.csproj",
            "",
            """<ProjectReference Include="../Layouts/Layouts.csproj" />""" + "\n    " + scenario.PackageReference);
        var guestOfFile = new Dictionary<string, string>(StringComparer.Ordinal);
        var profiles = Path.Combine(samples, "GuestProfiles");
        foreach (var path in Directory.GetFiles(profiles, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(profiles, path).Replace(Path.DirectorySeparatorChar, '/');
            if (relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal))
            {
                continue;
            }

            var text = File.ReadAllText(path);
            scenario.Write($"Profiles/{relative}", text);
            if (ProfileId().Match(text) is { Success: true } id)
            {
                guestOfFile[Path.GetFileName(path)] = id.Groups["id"].Value;
            }
        }

        Assert.Equal(11, guestOfFile.Count);
        return (scenario, guestOfFile);
    }

    [GeneratedRegex(@"^'(?<macro>\w+)' uses (?<bits>bits? [0-9, -]+?(?: and [0-9-]+)?) as a software bit of '(?<layout>\w+)'")]
    private static partial Regex WarningMessage();

    [GeneratedRegex(@"(?:^|; )(?<bits>bits? [0-9, -]+?) (?<macro>\w+): ")]
    private static partial Regex CollisionItem();

    [GeneratedRegex(@"\(`(?<id>[^`]+)`\)$")]
    private static partial Regex GuestId();

    [GeneratedRegex(@"\[GuestProfile\(""(?<id>[^""]+)""")]
    private static partial Regex ProfileId();
}
