using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using PteGen.IntegrationTests.Infrastructure;

namespace PteGen.IntegrationTests;

/// <summary>What the packed .nupkg holds and what its nuspec says.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageContentsTests(PackageFixture fixture, ITestOutputHelper output)
{
    /// <summary>Every file of the package that is not NuGet's own package metadata.</summary>
    private static readonly string[] ExpectedFiles =
    [
        "PACKAGE.md",
        "analyzers/dotnet/cs/PteGen.CodeFixes.dll",
        "analyzers/dotnet/cs/PteGen.Generators.dll",
        "buildTransitive/PteGen.props",
        "lib/netstandard2.0/PteGen.dll",
        "lib/netstandard2.0/PteGen.xml",
    ];

    /// <summary>The Roslyn the generator and analyzers are built against (docs/xen-pv-abi.md §2): SDK 8.0.400 / VS 17.11.</summary>
    private static readonly Version LowestRoslyn = new(4, 11, 0, 0);

    [Fact]
    public void Package_HoldsExactlyTheLibraryTheAnalyzersTheBuildPropsAndTheReadme()
    {
        LogPack();
        using var package = ZipFile.OpenRead(fixture.PackagePath);
        var names = package.Entries.Select(entry => entry.FullName).ToList();
        output.WriteLine(string.Join('\n', names));

        var metadata = names.Where(IsPackageMetadata).ToList();
        Assert.Equal(ExpectedFiles, names.Except(metadata).Order(StringComparer.Ordinal));

        // NuGet's own entries, and nothing else under those names.
        Assert.Contains("PteGen.nuspec", metadata);
        Assert.Contains("_rels/.rels", metadata);
        Assert.Contains("[Content_Types].xml", metadata);
        Assert.Single(metadata, name => name.StartsWith("package/services/metadata/core-properties/", StringComparison.Ordinal) && name.EndsWith(".psmdcp", StringComparison.Ordinal));
        Assert.Equal(4, metadata.Count);
    }

    [Fact]
    public void Nuspec_DescribesThePackage_AndDependsOnNoCompilerAssembly()
    {
        using var package = ZipFile.OpenRead(fixture.PackagePath);
        var nuspec = ReadXml(package, "PteGen.nuspec");
        output.WriteLine(nuspec.ToString());
        var meta = nuspec.Root!.Elements().Single(element => element.Name.LocalName == "metadata");
        string? Value(string name) => meta.Elements().SingleOrDefault(element => element.Name.LocalName == name)?.Value;
        XElement Element(string name) => meta.Elements().Single(element => element.Name.LocalName == name);

        Assert.Equal("PteGen", Value("id"));
        Assert.Equal(fixture.Version, Value("version"));
        Assert.False(string.IsNullOrWhiteSpace(Value("authors")));

        var license = Element("license");
        Assert.Equal("expression", (string?)license.Attribute("type"));
        Assert.Equal("MIT", license.Value);

        Assert.Equal("PACKAGE.md", Value("readme"));
        var readme = ReadText(package, "PACKAGE.md");
        Assert.StartsWith("# PteGen", readme, StringComparison.Ordinal);

        var repository = Element("repository");
        Assert.Equal("git", (string?)repository.Attribute("type"));
        Assert.StartsWith("https://", (string?)repository.Attribute("url"), StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{40}$", (string?)repository.Attribute("commit") ?? "");
        Assert.StartsWith("https://", Value("projectUrl"), StringComparison.Ordinal);

        var tags = (Value("tags") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Superset(new HashSet<string>(["source-generator", "roslyn", "analyzer", "page-table", "pte", "xen"]), new HashSet<string>(tags));

        var description = Value("description") ?? "";
        Assert.Contains("page-table", description, StringComparison.Ordinal);
        Assert.True(description.Length > 100, $"A description worth reading on nuget.org, not: {description}");

        // A development dependency would be private to its direct user: the guest projects that reference a layout
        // library would lose the attributes, the buildTransitive props and the analyzers.
        Assert.NotEqual("true", Value("developmentDependency"));

        var dependencies = meta.Descendants().Where(element => element.Name.LocalName == "dependency")
            .Select(element => (string?)element.Attribute("id") ?? "")
            .ToList();
        Assert.DoesNotContain(dependencies, id => id.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(dependencies, id => id.StartsWith("PteGen.", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(dependencies, id => id.Equals("PolySharp", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void BuildTransitiveProps_MakeBothPropertiesVisibleToTheCompiler_Encoded()
    {
        using var package = ZipFile.OpenRead(fixture.PackagePath);
        var props = ReadXml(package, "buildTransitive/PteGen.props");
        output.WriteLine(props.ToString());
        var visible = props.Descendants()
            .Where(element => element.Name.LocalName == "CompilerVisibleProperty")
            .Select(element => (string?)element.Attribute("Include"))
            .ToList();

        // The compiler's .editorconfig would cut the plain values at ';' or '#': only the encoded copies are visible,
        // set by a target that runs right before that file is written (scenario f builds with them).
        Assert.Equal(["_PteGenEncodedConfiguration", "_PteGenEncodedRole"], visible.Order(StringComparer.Ordinal));
        var target = Assert.Single(props.Descendants(), element => element.Name.LocalName == "Target" && (string?)element.Attribute("BeforeTargets") == "GenerateMSBuildEditorConfigFileCore");
        var set = target.Descendants().Select(element => element.Name.LocalName).ToList();
        Assert.Contains("_PteGenEncodedConfiguration", set);
        Assert.Contains("_PteGenEncodedRole", set);
    }

    [Fact]
    public void BuildTransitiveProps_AddTheAbiBaselineFilesOfTheProjectFolder_ByName()
    {
        using var package = ZipFile.OpenRead(fixture.PackagePath);
        var props = ReadXml(package, "buildTransitive/PteGen.props");

        // Scenario h builds with them; a target, so that files a project lists itself are not added twice.
        var target = Assert.Single(props.Descendants(), element => element.Name.LocalName == "Target" && (string?)element.Attribute("Name") == "_PteGenAddAbiBaselineFiles");
        Assert.Equal("CoreCompile", (string?)target.Attribute("BeforeTargets"));
        var included = target.Descendants()
            .Where(element => element.Name.LocalName == "_PteGenAbiBaselineFile" && element.Attribute("Include") is not null)
            .Select(element => (string)element.Attribute("Include")!)
            .ToList();
        Assert.Equal(["$(MSBuildProjectDirectory)/PteAbi.Shipped.txt", "$(MSBuildProjectDirectory)/PteAbi.Unshipped.txt"], included);
        Assert.Contains(target.Descendants(), element => element.Name.LocalName == "AdditionalFiles" && (string?)element.Attribute("Include") == "@(_PteGenAbiBaselineFile)");
    }

    [Fact]
    public void Assemblies_AreTheRuntimeLibraryAndTheRoslynComponents_BuiltAgainstRoslyn411()
    {
        using var package = ZipFile.OpenRead(fixture.PackagePath);

        var library = ReadAssembly(package, "lib/netstandard2.0/PteGen.dll");
        Assert.Equal("PteGen", library.Name);
        Assert.Contains("netstandard", library.References.Keys);
        Assert.DoesNotContain(library.References.Keys, name => name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));

        foreach (var (path, name, roslyn) in new[]
        {
            ("analyzers/dotnet/cs/PteGen.Generators.dll", "PteGen.Generators", "Microsoft.CodeAnalysis.CSharp"),
            ("analyzers/dotnet/cs/PteGen.CodeFixes.dll", "PteGen.CodeFixes", "Microsoft.CodeAnalysis.Workspaces"),
        })
        {
            var assembly = ReadAssembly(package, path);
            output.WriteLine($"{path}: {string.Join(", ", assembly.References.Select(reference => $"{reference.Key} {reference.Value}"))}");
            Assert.Equal(name, assembly.Name);
            Assert.Contains("netstandard", assembly.References.Keys);
            Assert.True(assembly.References.ContainsKey(roslyn), $"{path} does not reference {roslyn}.");

            // A newer reference would not load in the compilers PACKAGE.md promises (SDK 8.0.400, Roslyn 4.11).
            var compiler = assembly.References.Where(reference => reference.Key.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)).ToList();
            Assert.Contains(compiler, reference => reference.Key == "Microsoft.CodeAnalysis");
            Assert.All(compiler, reference => Assert.True(
                reference.Value <= LowestRoslyn,
                $"{path} references {reference.Key} {reference.Value}, newer than {LowestRoslyn}."));
        }
    }

    private void LogPack()
    {
        foreach (var line in fixture.Log)
        {
            output.WriteLine(line);
        }

        output.WriteLine(fixture.Pack.Command.ToString());
    }

    private static bool IsPackageMetadata(string name) =>
        name is "PteGen.nuspec" or "_rels/.rels" or "[Content_Types].xml"
        || name.StartsWith("package/services/metadata/", StringComparison.Ordinal);

    private static XDocument ReadXml(ZipArchive package, string name)
    {
        using var stream = package.GetEntry(name)?.Open() ?? throw new InvalidOperationException($"No {name} in the package.");
        return XDocument.Load(stream);
    }

    private static string ReadText(ZipArchive package, string name)
    {
        using var reader = new StreamReader(package.GetEntry(name)?.Open() ?? throw new InvalidOperationException($"No {name} in the package."));
        return reader.ReadToEnd();
    }

    private static (string Name, Dictionary<string, Version> References) ReadAssembly(ZipArchive package, string name)
    {
        using var copy = new MemoryStream();
        using (var stream = package.GetEntry(name)?.Open() ?? throw new InvalidOperationException($"No {name} in the package."))
        {
            stream.CopyTo(copy);
        }

        copy.Position = 0;
        using var pe = new PEReader(copy);
        var reader = pe.GetMetadataReader();
        var references = reader.AssemblyReferences
            .Select(handle => reader.GetAssemblyReference(handle))
            .GroupBy(reference => reader.GetString(reference.Name), StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Max(reference => reference.Version)!, StringComparer.Ordinal);
        return (reader.GetString(reader.GetAssemblyDefinition().Name), references);
    }
}
