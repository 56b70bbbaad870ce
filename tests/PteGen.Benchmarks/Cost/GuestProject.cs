using System.Globalization;

namespace PteGen.Benchmarks.Cost;

/// <summary>
/// <c>--write-guest DIR</c>: writes <see cref="SyntheticGuest"/> (all 500 files) as a real project that references
/// samples/XenPv and PteGen as samples/XenPv.Guest does, so the analyzers' cost can be measured in a real
/// <c>dotnet build</c> with <c>-p:ReportAnalyzer=true</c>. <c>-p:PteGenAnalyzers=false</c> builds it without PteGen's
/// generator and analyzers (the SDK's own analyzers run either way). See README.md for the commands.
/// </summary>
internal static class GuestProject
{
    public static int Write(string directory)
    {
        var repository = FindRepository();
        Directory.CreateDirectory(directory);
        foreach (var (path, source) in SyntheticGuest.Create(SyntheticGuest.FileCount))
        {
            var target = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, source);
        }

        File.WriteAllText(Path.Combine(directory, "SyntheticGuest.csproj"), string.Create(CultureInfo.InvariantCulture, $"""
            <Project Sdk="Microsoft.NET.Sdk">

              <!-- Written by PteGen.Benchmarks in its write-guest mode: the synthetic guest of the analyzer cost benchmarks. -->
              <Import Project="{repository}/src/PteGen/build/PteGen.props" />

              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <NoWarn>$(NoWarn);CS1591</NoWarn>
              </PropertyGroup>

              <ItemGroup>
                <ProjectReference Include="{repository}/samples/XenPv/XenPv.csproj" />
                <ProjectReference Include="{repository}/src/PteGen/PteGen.csproj" />
                <ProjectReference Include="{repository}/src/PteGen.Generators/PteGen.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" Condition="'$(PteGenAnalyzers)' != 'false'" />
              </ItemGroup>

            </Project>

            """));
        Console.WriteLine($"Wrote {SyntheticGuest.FileCount} files ({SyntheticGuest.OperationCount(SyntheticGuest.FileCount)} bit operations) and SyntheticGuest.csproj to {Path.GetFullPath(directory)}");
        return 0;
    }

    /// <summary>The repository root: the first folder above the current one, or above the program, with PteGen.sln.</summary>
    private static string FindRepository()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "PteGen.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException("PteGen.sln not found above the current folder or the program: run from the repository.");
    }
}
