using System.Diagnostics;
using System.Text;
using PteGen.IntegrationTests.Infrastructure;

namespace PteGen.IntegrationTests.Scenarios;

/// <summary>
/// The <c>ptegen</c> tool from its own package. PteGen.Tool is packed (with this run's version) into the
/// local feed, installed with <c>dotnet tool install --tool-path</c>, and run on the Xen sample's layouts, built in a
/// fresh project against the PteGen package from the sample's own source files.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ToolInstallTests(PackageFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(6);

    [Fact]
    public async Task TheInstalledToolExportsTheXenSample()
    {
        var artifacts = fixture.ArtifactsPath + "-tool";
        try
        {
            var pack = await DotNetCli.RunAsync(
                fixture.RepositoryRoot,
                [
                    "pack", Path.Combine(fixture.RepositoryRoot, "src", "PteGen.Tool", "PteGen.Tool.csproj"),
                    "-c", "Release", "-o", fixture.FeedDirectory, $"-p:Version={fixture.Version}", "-p:ContinuousIntegrationBuild=true",
                    "--artifacts-path", artifacts, "-nologo", "-v:m", "-tl:off", "-nodeReuse:false", "--disable-build-servers",
                ],
                timeout: PackTimeout);
            output.WriteLine(pack.ToString());
            Assert.True(pack.ExitCode == 0, pack.ToString());
            Assert.True(File.Exists(Path.Combine(fixture.FeedDirectory, $"PteGen.Tool.{fixture.Version}.nupkg")));

            var scenario = Scenario.Create(fixture, "tool-install");
            scenario.WriteProject(
                "XenPv/XenPv.csproj",
                "<RootNamespace>XenPv</RootNamespace>\n    <GenerateDocumentationFile>true</GenerateDocumentationFile>",
                scenario.PackageReference);
            foreach (var folder in new[] { "Layouts", "Abis" })
            {
                foreach (var file in Directory.GetFiles(Path.Combine(fixture.RepositoryRoot, "samples", "XenPv", folder), "*.cs"))
                {
                    scenario.Write($"XenPv/{folder}/{Path.GetFileName(file)}", File.ReadAllText(file));
                }
            }

            var build = await scenario.BuildAsync("XenPv/XenPv.csproj");
            output.WriteLine(build.ToString());
            Assert.True(build.ExitCode == 0, build.ToString());

            var install = await scenario.DotNetAsync("tool", "install", "PteGen.Tool", "--version", fixture.Version, "--tool-path", "tools", "--add-source", fixture.FeedDirectory);
            output.WriteLine(install.ToString());
            Assert.True(install.ExitCode == 0, install.ToString());

            var assembly = Path.Combine("XenPv", "bin", "Debug", "net10.0", "XenPv.dll");
            var baseline = await RunToolAsync(scenario.Root, "export", assembly, "--format", "baseline");
            Assert.True(baseline.ExitCode == 0, baseline.ToString());
            Assert.StartsWith("# PteGen ABI baseline: one line per claim per valid configuration; see ", baseline.Stdout, StringComparison.Ordinal);
            Assert.Contains("\nXenPv.L1e under Debug: [62] GrantMapping XenReserved role=GrantMapping guest=refused when=Debug\n", baseline.Stdout, StringComparison.Ordinal);
            Assert.Contains("\nXenPv.L1e under None: [62] Software62 GuestAvailable role=None guest=allowed when=!Pke && !Debug\n", baseline.Stdout, StringComparison.Ordinal);

            var header = await RunToolAsync(scenario.Root, "export", assembly, "--format", "c");
            Assert.True(header.ExitCode == 0, header.ToString());
            Assert.Contains("#define XEN_PV_L1E_GRANT_MAPPING_MASK UINT64_C(0x4000000000000000)\n", header.Stdout, StringComparison.Ordinal);
            Assert.Contains("#define XEN_PV_L1E_CONFIG_DEBUG_XEN_RESERVED_BITS UINT64_C(0x4010000000000000)\n", header.Stdout, StringComparison.Ordinal);

            // The page takes each claim's summary from the XML documentation file beside the assembly.
            var page = await RunToolAsync(scenario.Root, "export", assembly, "--format", "md", "--out", "abi/");
            Assert.True(page.ExitCode == 0, page.ToString());
            var markdown = File.ReadAllText(Path.Combine(scenario.Root, "abi", "XenPv.abi.md"));
            Assert.Contains("`_PAGE_GNTTAB`", markdown, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(scenario.Root, "abi", "images", "XenPv.level-1.svg")));

            var same = await RunToolAsync(scenario.Root, "diff", assembly, assembly);
            Assert.Equal(0, same.ExitCode);
            Assert.Equal("no change: both hold the same ABI facts.\n", same.Stdout);

            var notAssembly = await RunToolAsync(scenario.Root, "export", "NuGet.Config", "--format", "c");
            Assert.Equal(3, notAssembly.ExitCode);
            Assert.Equal("ptegen export: error: 'NuGet.Config' is neither a .NET assembly (it is not a PE file) nor an ABI JSON file that 'ptegen export --format json' wrote.\n", notAssembly.Stderr);
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("PTEGEN_IT_KEEP") != "1" && Directory.Exists(artifacts))
            {
                Directory.Delete(artifacts, recursive: true);
            }
        }
    }

    // The installed command, tools/ptegen, run like a user runs it (the runtime found through DOTNET_ROOT).
    private async Task<ToolRun> RunToolAsync(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(folder, "tools", "ptegen"))
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var dotnet = DotNetCli.Executable == "dotnet" ? null : Path.GetDirectoryName(DotNetCli.Executable);
        if (dotnet is not null)
        {
            start.Environment["DOTNET_ROOT"] = dotnet;
        }

        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var run = new ToolRun(process.ExitCode, await stdout, await stderr);
        output.WriteLine($"ptegen {string.Join(' ', arguments)}: {run}");
        return run;
    }

    private sealed record ToolRun(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}--- stderr\n{Stderr}";
    }
}
