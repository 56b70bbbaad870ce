using System.Security;

namespace PteGen.IntegrationTests.Infrastructure;

/// <summary>
/// A folder of brand-new projects that consume the packed PteGen like any user would: a NuGet.Config that clears every
/// source and adds only the local feed, project files that name PteGen with <c>PackageReference</c> only, and the real
/// <c>dotnet build</c> / <c>dotnet run</c>.
/// </summary>
public sealed class Scenario
{
    private readonly PackageFixture _fixture;

    private Scenario(PackageFixture fixture, string root)
    {
        _fixture = fixture;
        Root = root;
    }

    /// <summary>The scenario's folder.</summary>
    public string Root { get; }

    /// <summary>The <c>PackageReference</c> to this run's package.</summary>
    public string PackageReference => $"""<PackageReference Include="PteGen" Version="{_fixture.Version}" />""";

    /// <summary>Creates the scenario folder <paramref name="name"/> (emptied if it exists) with its NuGet.Config.</summary>
    /// <param name="fixture">The packed package.</param>
    /// <param name="name">The folder name.</param>
    public static Scenario Create(PackageFixture fixture, string name)
    {
        var root = Path.Combine(fixture.ScenariosRoot, name);
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        Directory.CreateDirectory(root);
        var scenario = new Scenario(fixture, root);
        scenario.Write("NuGet.Config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="ptegen-local" value="{SecurityElement.Escape(fixture.FeedDirectory)}" />
              </packageSources>
            </configuration>
            """);
        return scenario;
    }

    /// <summary>Writes <paramref name="contents"/> to <paramref name="relativePath"/> in the scenario.</summary>
    /// <param name="relativePath">The path, with '/' separators.</param>
    /// <param name="contents">The file's text.</param>
    public void Write(string relativePath, string contents)
    {
        var path = Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, contents.ReplaceLineEndings("\n") + "\n");
    }

    /// <summary>
    /// A C# project file targeting net10.0. <paramref name="items"/> and <paramref name="properties"/> are inserted
    /// as they are (use <see cref="PackageReference"/> for the package).
    /// </summary>
    /// <param name="relativePath">The project file's path.</param>
    /// <param name="properties">Extra properties (XML).</param>
    /// <param name="items">Items (XML).</param>
    public void WriteProject(string relativePath, string properties, string items) => Write(relativePath, $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            {properties}
          </PropertyGroup>
          <ItemGroup>
            {items}
          </ItemGroup>
        </Project>
        """);

    /// <summary><c>dotnet build <paramref name="target"/></c>, quiet, without build servers, plus <paramref name="arguments"/>.</summary>
    /// <param name="target">The project or solution, relative to the scenario.</param>
    /// <param name="arguments">Extra arguments, e.g. <c>-p:PteGenConfiguration=Debug</c>.</param>
    public Task<CommandResult> BuildAsync(string target, params string[] arguments) =>
        DotNetAsync(["build", target, "-nologo", "-v:q", "-clp:NoSummary", "-tl:off", "-nodeReuse:false", "--disable-build-servers", .. arguments]);

    /// <summary>
    /// Runs <c>dotnet</c> with <paramref name="arguments"/> in the scenario folder (the tests log what they assert on,
    /// since several tests may share one result).
    /// </summary>
    /// <param name="arguments">The arguments.</param>
    public Task<CommandResult> DotNetAsync(params string[] arguments) => DotNetAsync(null, arguments);

    /// <summary>Like <see cref="DotNetAsync(string[])"/>, killed after <paramref name="timeout"/> (default 5 minutes).</summary>
    /// <param name="timeout">How long the command may take.</param>
    /// <param name="arguments">The arguments.</param>
    public async Task<CommandResult> DotNetAsync(TimeSpan? timeout, params string[] arguments)
    {
        var result = await DotNetCli.RunAsync(Root, arguments, _fixture.ScenarioEnvironment, timeout);
        _fixture.Record($"{Path.GetFileName(Root)}: exit {result.ExitCode} in {result.Elapsed.TotalSeconds:F1} s: {result.CommandLine}");
        return result;
    }
}
