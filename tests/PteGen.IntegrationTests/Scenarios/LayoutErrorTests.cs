using PteGen.IntegrationTests.Infrastructure;

namespace PteGen.IntegrationTests.Scenarios;

/// <summary>
/// Scenarios c and d: a layout the package cannot implement fails the build with PteGen's own, clear diagnostic at
/// the user's declaration, never with compiler errors from generated files.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class LayoutErrorTests(PackageFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task OverlappingClaims_FailTheBuildWithPTE010_AndNoErrorFromGeneratedCode()
    {
        var scenario = Scenario.Create(fixture, "overlap");
        scenario.WriteProject("Overlap/Overlap.csproj", "", scenario.PackageReference);
        scenario.Write("Overlap/L1e.cs", Sources.OverlappingLayout);

        var build = await scenario.BuildAsync("Overlap/Overlap.csproj");
        output.WriteLine(build.ToString());

        Assert.NotEqual(0, build.ExitCode);
        AssertNoErrorFromGeneratedFiles(build);

        // The only errors are PTE010, on the user's claim, naming the bit, both claims and the configuration
        // (the layout gets placeholder bodies, so the code that uses it compiles).
        var errors = build.Diagnostics.Where(diagnostic => diagnostic.IsError).ToList();
        var overlap = Assert.Single(errors);
        Assert.Equal("PTE010", overlap.Code);
        Assert.Equal("L1e.cs", overlap.FileName);
        Assert.StartsWith(Path.Combine(scenario.Root, "Overlap", "L1e.cs") + "(17,", overlap.Origin, StringComparison.Ordinal);
        Assert.Contains("Bit 62 of 'L1e'", overlap.Message, StringComparison.Ordinal);
        Assert.Contains("'ProtectionKey'", overlap.Message, StringComparison.Ordinal);
        Assert.Contains("'GrantMapping'", overlap.Message, StringComparison.Ordinal);
        Assert.Contains("Debug|Pke", overlap.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LanguageVersion12_ReportsPTE013_AndNoErrorFromGeneratedCode()
    {
        var scenario = Scenario.Create(fixture, "langversion-12");
        scenario.WriteProject("Old/Old.csproj", "<LangVersion>12</LangVersion>", scenario.PackageReference);
        scenario.Write("Old/Entry.cs", Sources.LayoutForOldLanguage);

        var build = await scenario.BuildAsync("Old/Old.csproj");
        output.WriteLine(build.ToString());

        Assert.NotEqual(0, build.ExitCode);
        AssertNoErrorFromGeneratedFiles(build);

        // The compiler's own complaints about `partial` (CS8703, CS9248) stay in the user's file ...
        var errors = build.Diagnostics.Where(diagnostic => diagnostic.IsError).ToList();
        Assert.All(errors, error => Assert.Equal("Entry.cs", error.FileName));

        // ... next to PteGen's explanation, on the [PteLayout] attribute (docs/diagnostics/PTE013.md).
        var languageVersion = errors.Where(error => error.Code == "PTE013").ToList();
        Assert.True(
            languageVersion.Count == 1,
            "Expected one PTE013 ('PteGen layouts need C# 13 or later ...') in `dotnet build` output, found "
            + $"{languageVersion.Count}; errors: {string.Join(", ", errors.Select(error => error.Code).Distinct())}.\n"
            + "The command-line compiler stops after declaration errors (CS8703 here) before it collects analyzer "
            + "diagnostics, so PTE013 cannot come from an analyzer in this situation; it must be reported by the generator.");
        var diagnostic = languageVersion[0];
        Assert.StartsWith(Path.Combine(scenario.Root, "Old", "Entry.cs") + "(5,", diagnostic.Origin, StringComparison.Ordinal);
        Assert.Contains("C# 13", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("'Entry'", diagnostic.Message, StringComparison.Ordinal);
    }

    private static void AssertNoErrorFromGeneratedFiles(CommandResult build)
    {
        var generated = build.Diagnostics.Where(diagnostic => diagnostic.IsInGeneratedFile).Select(diagnostic => diagnostic.Line).ToList();
        Assert.True(generated.Count == 0, "Diagnostics in generated files:\n" + string.Join('\n', generated));
    }
}
