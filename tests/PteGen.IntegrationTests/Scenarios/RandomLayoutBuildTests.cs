using System.Diagnostics;
using CsCheck;
using PteGen.IntegrationTests.Infrastructure;
using PteGen.Tests.Robustness;

namespace PteGen.IntegrationTests.Scenarios;

/// <summary>
/// Scenario g: the random layouts of the unit tests' fuzzer (<c>tests/PteGen.Tests/Robustness</c>) through the real
/// <c>dotnet build</c>. One project per layout, all built by one <c>dotnet build</c> of a solution, in parallel; each
/// project is held, from the build's output alone, to what the fuzzer's oracle says of its layout:
/// <list type="bullet">
/// <item>no project makes the compiler fail (CS8785, AD0001, a crashed compiler) or has a diagnostic in a generated file;</item>
/// <item>a valid layout builds, without any diagnostic but the compiler's warnings about the user's own code;</item>
/// <item>an invalid layout shows a PTE0xx error in the user's file, or the compiler's own error when its declaration
/// has one (a claim type that does not resolve), and none twice.</item>
/// </list>
/// About 40 layouts (<c>PTEGEN_IT_LAYOUTS</c> sets how many; <c>PTEGEN_IT_SEED</c> replays a sample).
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class RandomLayoutBuildTests(PackageFixture fixture, ITestOutputHelper output)
{
    private const int DefaultLayouts = 40;

    [Fact]
    public async Task RandomLayouts_AreBuiltOrDiagnosedByDotnetBuild_AsTheOracleSays()
    {
        var count = GenerationOptions.FromEnvironment("PTEGEN_IT_LAYOUTS", DefaultLayouts);
        var seed = (uint)GenerationOptions.FromEnvironment("PTEGEN_IT_SEED", Random.Shared.Next(1, int.MaxValue));
        var random = new PCG(seed);
        var generators = new LayoutGenerators(GenerationOptions.Today).Layouts;
        var layouts = Enumerable.Range(0, count).Select(_ => generators.Generate(random, null!, out Size _)).ToList();

        var scenario = Scenario.Create(fixture, "random-layouts");
        var names = layouts.Select((_, index) => $"L{index}").ToList();
        for (var index = 0; index < layouts.Count; index++)
        {
            scenario.WriteProject($"{names[index]}/{names[index]}.csproj", "<AllowUnsafeBlocks>true</AllowUnsafeBlocks>", scenario.PackageReference);
            scenario.Write($"{names[index]}/Layout.cs", LayoutRenderer.Render(layouts[index], index));
        }

        scenario.Write("All.slnx", "<Solution>\n" + string.Concat(names.Select(name => $"  <Project Path=\"{name}/{name}.csproj\" />\n")) + "</Solution>\n");
        var watch = Stopwatch.StartNew();
        var build = await DotNetCli.RunAsync(
            scenario.Root,
            ["build", "All.slnx", "-maxcpucount", "-nologo", "-v:q", "-clp:NoSummary", "-tl:off", "-nodeReuse:false", "--disable-build-servers"],
            fixture.ScenarioEnvironment,
            timeout: TimeSpan.FromMinutes(5 + (count / 10)));
        fixture.Record($"random-layouts: exit {build.ExitCode} in {build.Elapsed.TotalSeconds:F1} s: {build.CommandLine}");

        var failures = new List<string>();
        var (valid, invalid) = (0, 0);
        for (var index = 0; index < layouts.Count; index++)
        {
            var verdicts = layouts[index].Layouts().Select(LayoutOracle.Judge).ToList();
            if (verdicts.All(v => v.IsValid))
            {
                valid++;
            }
            else
            {
                invalid++;
            }

            var project = Path.Combine(scenario.Root, names[index], names[index] + ".csproj");
            var assembly = Path.Combine(scenario.Root, names[index], "bin", "Debug", "net10.0", names[index] + ".dll");
            // A compiler that dies (a stack overflow, say) prints its own error lines, with no diagnostic ID.
            var crashed = build.Lines.FirstOrDefault(line => line.EndsWith($"[{project}]", StringComparison.Ordinal) && line.Contains(": error :", StringComparison.Ordinal));
            if ((crashed is null ? Judge(verdicts, build.Diagnostics.Where(d => d.Project == project).ToList(), File.Exists(assembly)) : "the compiler failed: " + crashed) is { } problem)
            {
                failures.Add($"{names[index]}: {problem}\nThe oracle: {string.Join("; ", verdicts.SelectMany(v => v.Reasons.Concat(v.UserErrors)).DefaultIfEmpty("valid"))}\n{Shorten(LayoutRenderer.Render(layouts[index], index))}");
            }
        }

        output.WriteLine($"{layouts.Count} layouts ({valid} valid, {invalid} invalid), seed {seed}: one dotnet build, exit code {build.ExitCode}, {watch.Elapsed.TotalSeconds:F0} s; {failures.Count} not as the oracle says.");
        output.WriteLine(Shorten(build.ToString()));
        Assert.True(failures.Count == 0, $"Replay with PTEGEN_IT_SEED={seed} PTEGEN_IT_LAYOUTS={count}.\n" + string.Join("\n----------------\n", failures));
    }

    /// <summary>What is wrong with what <c>dotnet build</c> showed for the project of one slot (a layout and maybe its case twin), or null.</summary>
    private static string? Judge(IReadOnlyList<Verdict> verdicts, IReadOnlyList<BuildDiagnostic> diagnostics, bool built)
    {
        var userErrors = verdicts.SelectMany(v => v.UserErrors).ToHashSet(StringComparer.Ordinal);
        var userWarnings = verdicts.SelectMany(v => v.UserWarnings).ToHashSet(StringComparer.Ordinal);
        var errors = diagnostics.Where(d => d.IsError && d.FileName == "Layout.cs").ToList();
        var pteErrors = errors.Where(d => d.Code.StartsWith("PTE0", StringComparison.Ordinal)).ToList();
        if (diagnostics.FirstOrDefault(d => d.Code is "CS8785" or "AD0001" || d.Code.StartsWith("MSB", StringComparison.Ordinal)) is { } failed)
        {
            return "the compiler failed: " + failed.Line;
        }

        if (diagnostics.FirstOrDefault(d => d.IsInGeneratedFile) is { } generated)
        {
            return "a diagnostic in a generated file: " + generated.Line;
        }

        if (pteErrors.GroupBy(d => (d.Origin, d.Code, d.Message)).FirstOrDefault(group => group.Count() > 1) is { } twice)
        {
            return "an error is shown twice: " + twice.First().Line;
        }

        if (verdicts.All(v => v.IsValid))
        {
            return diagnostics.FirstOrDefault(d => !(d.Severity == "warning" && d.FileName == "Layout.cs" && userWarnings.Contains(d.Code))) is { } unexpected
                ? "a valid layout has a diagnostic: " + unexpected.Line
                : built ? null : "a valid layout was not built";
        }

        if (built)
        {
            return "an invalid layout was built";
        }

        var shown = string.Join(", ", diagnostics.Select(d => d.Code).Distinct());
        if (!verdicts.Any(v => v.BreaksPteGenRules))
        {
            // Only the compiler's own errors (a claim type that does not resolve): those, and nothing of PteGen's.
            return !errors.Any(d => userErrors.Contains(d.Code)) ? $"the compiler's own error ({string.Join(", ", userErrors)}) is not shown; the build shows: {shown}"
                : pteErrors.Count > 0 ? "PteGen shows an error for a layout whose only problem is the compiler's: " + pteErrors[0].Line
                : null;
        }

        return userErrors.Count > 0
            ? errors.Any(d => userErrors.Contains(d.Code) || d.Code.StartsWith("PTE0", StringComparison.Ordinal)) ? null : "no error is shown in the user's file; the build shows: " + shown
            : pteErrors.Count > 0 ? null : "no PTE0xx error is shown in the user's file; the build shows: " + shown;
    }

    /// <summary>Long conditions make long sources and build logs; the test log keeps their ends.</summary>
    private static string Shorten(string text) => text.Length <= 40_000 ? text : text[..20_000] + $"\n[... {text.Length - 40_000} characters ...]\n" + text[^20_000..];
}
