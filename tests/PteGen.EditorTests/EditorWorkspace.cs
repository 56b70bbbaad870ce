namespace PteGen.EditorTests;

/// <summary>
/// The folder an editor opens, written under the temporary directory:
/// <list type="bullet">
/// <item><c>XenPv.Guest/</c>, a copy of <c>samples/XenPv.Guest</c> (its project file with its references made
/// absolute, so it still uses the repository's layouts, generator, analyzers and code fixes), compiled with its
/// <c>Violations/</c> and under <c>PteGenConfiguration=Debug,Nx</c> (a <c>Directory.Build.props</c> beside it), plus
/// <c>Remapping.cs</c>, clean, for the test to edit;</item>
/// <item><c>Broken/</c>, a layout project whose claims overlap under Debug|Pke (PTE010).</item>
/// </list>
/// Both are restored (the server does not restore, and an unrestored project has no references).
/// </summary>
internal sealed class EditorWorkspace : IDisposable
{
    /// <summary>The claim that overlaps ProtectionKey under Debug|Pke, on its own line.</summary>
    public const string OverlappingClaim = "[XenReserved(62, When = \"Debug\", Role = PteRole.GrantMapping)]";

    /// <summary>What makes <see cref="BrokenLayoutSource"/> valid, on the switches enum: Debug and Pke are never on together.</summary>
    public const string MutuallyExclusive = "[MutuallyExclusive(BrokenConfig.Debug, BrokenConfig.Pke)]";

    public const string BrokenLayoutSource = $$"""
        using System;
        using PteGen;

        namespace Editor.Broken;

        [PteSwitches]
        [Flags]
        public enum BrokenConfig { None = 0, Debug = 1, Pke = 2 }

        [PteLayout(typeof(BrokenConfig))]
        public readonly partial struct L1e
        {
            [Hardware(0, Role = PteRole.Present)] public partial bool Present { get; }
            [Hardware(1, 58)] public partial ulong Low { get; }
            [Hardware(59, 62, When = "Pke", Role = PteRole.ProtectionKey)] public partial byte ProtectionKey { get; }
            [GuestAvailable(59, 61, When = "!Pke")] public partial byte SoftwareKeyBits { get; }
            {{OverlappingClaim}} public partial bool GrantMapping { get; }
            [GuestAvailable(62, When = "!Pke && !Debug")] public partial bool Software62 { get; }
            [Hardware(63, Role = PteRole.NoExecute)] public partial bool NoExecute { get; }
        }
        """;

    /// <summary>The body of <c>Remapping.Mark</c> in <see cref="RemappingSource"/>: an accessor the guest may use.</summary>
    public const string CleanWrite = "entry.WithWritable(true)";

    public const string RemappingSource = $$"""
        namespace XenPv.Guest;

        /// <summary>Edited by the editor test.</summary>
        public static class Remapping
        {
            /// <summary>Marks an entry.</summary>
            /// <param name="entry">The entry.</param>
            public static L1e Mark(L1e entry) => {{CleanWrite}};
        }
        """;

    private EditorWorkspace(string repositoryRoot, string root)
    {
        RepositoryRoot = repositoryRoot;
        Root = root;
    }

    public string RepositoryRoot { get; }

    public string Root { get; }

    public string GuestProject => Path.Combine(Root, "XenPv.Guest", "XenPv.Guest.csproj");

    public string Violations => Path.Combine(Root, "XenPv.Guest", "Violations", "Violations.cs");

    public string Hypercalls => Path.Combine(Root, "XenPv.Guest", "Hypercalls.cs");

    public string Remapping => Path.Combine(Root, "XenPv.Guest", "Remapping.cs");

    public string BrokenProject => Path.Combine(Root, "Broken", "Broken.csproj");

    public string BrokenLayout => Path.Combine(Root, "Broken", "L1e.cs");

    public static async Task<EditorWorkspace> CreateAsync(TimeSpan restoreTimeout)
    {
        var repository = FindRepositoryRoot();
        RequireBuilt(repository);
        var workspace = new EditorWorkspace(repository, Path.Combine(Path.GetTempPath(), "ptegen-editor-" + Path.GetRandomFileName()));
        try
        {
            workspace.WriteGuest();
            workspace.WriteBroken();
            await Task.WhenAll(
                Dotnet.RunAsync(workspace.Root, ["restore", workspace.GuestProject, "-nologo", "-v:q", "-nodeReuse:false", "--disable-build-servers"], restoreTimeout),
                Dotnet.RunAsync(workspace.Root, ["restore", workspace.BrokenProject, "-nologo", "-v:q", "-nodeReuse:false", "--disable-build-servers"], restoreTimeout));
            return workspace;
        }
        catch
        {
            workspace.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("PTEGEN_EDITOR_KEEP") != "1" && Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PteGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No PteGen.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>
    /// The server loads the analyzers from the repository's Debug outputs (it builds nothing): a fresh clone needs one
    /// build first, as the README says.
    /// </summary>
    private static void RequireBuilt(string repository)
    {
        foreach (var project in new[] { "PteGen.Generators", "PteGen.CodeFixes" })
        {
            var assembly = Path.Combine(repository, "src", project, "bin", "Debug", "netstandard2.0", project + ".dll");
            if (!File.Exists(assembly))
            {
                throw new InvalidOperationException($"{assembly} is missing: build the repository first (dotnet build PteGen.sln -c Debug).");
            }
        }
    }

    private void WriteGuest()
    {
        var sample = Path.Combine(RepositoryRoot, "samples", "XenPv.Guest");
        var copy = Path.GetDirectoryName(GuestProject)!;
        foreach (var source in Directory.EnumerateFiles(sample, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(sample, source);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj")
            {
                continue;
            }

            var target = Path.Combine(copy, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }

        var project = File.ReadAllText(Path.Combine(sample, "XenPv.Guest.csproj"))
            .Replace(@"..\..\src\", Path.Combine(RepositoryRoot, "src") + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            .Replace(@"..\XenPv\", Path.Combine(RepositoryRoot, "samples", "XenPv") + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        File.WriteAllText(GuestProject, project);
        File.WriteAllText(Path.Combine(copy, "Directory.Build.props"), """
            <Project>
              <PropertyGroup>
                <ShowPteViolations>true</ShowPteViolations>
                <!-- Nx is no switch of the Xen layouts: PTE105. Debug selects the configuration. -->
                <PteGenConfiguration>Debug,Nx</PteGenConfiguration>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Remapping, RemappingSource);
    }

    private void WriteBroken()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(BrokenProject)!);
        var src = Path.Combine(RepositoryRoot, "src");
        File.WriteAllText(BrokenProject, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{Path.Combine(src, "PteGen", "build", "PteGen.props")}" />
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{Path.Combine(src, "PteGen", "PteGen.csproj")}" />
                <ProjectReference Include="{Path.Combine(src, "PteGen.Generators", "PteGen.Generators.csproj")}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(BrokenLayout, BrokenLayoutSource);
    }
}
