using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using PteGen.IntegrationTests.Infrastructure;

namespace PteGen.IntegrationTests;

/// <summary>Two clean packs of the same sources (ContinuousIntegrationBuild=true) ship the same bytes.</summary>
[Collection(PackageCollection.Name)]
public sealed class DeterminismTests(PackageFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task TwoCleanPacksOfTheSameCommit_HoldByteIdenticalAssemblies()
    {
        var (first, second) = await fixture.PackTwiceAsync();
        foreach (var line in fixture.Log)
        {
            output.WriteLine(line);
        }

        output.WriteLine(second.Command.ToString());
        Assert.NotEqual(first.Package, second.Package);

        var firstFiles = Payload(first.Package);
        var secondFiles = Payload(second.Package);
        Assert.Equal(firstFiles.Keys.Order(StringComparer.Ordinal), secondFiles.Keys.Order(StringComparer.Ordinal));

        var assemblies = firstFiles.Keys.Where(name => name.EndsWith(".dll", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, assemblies.Count);

        var different = firstFiles.Keys
            .Where(name => !firstFiles[name].AsSpan().SequenceEqual(secondFiles[name]))
            .Select(name => $"{name}: SHA-256 {Hash(firstFiles[name])} vs {Hash(secondFiles[name])}{Explain(name, firstFiles[name], secondFiles[name])}")
            .ToList();
        foreach (var name in firstFiles.Keys.Order(StringComparer.Ordinal))
        {
            output.WriteLine($"{name}: {firstFiles[name].Length} bytes, SHA-256 {Hash(firstFiles[name])}");
        }

        Assert.True(different.Count == 0, "Files that differ between the two packs:\n" + string.Join('\n', different));
    }

    /// <summary>The package's files, without NuGet's metadata entries (whose zip timestamps and ids vary by design).</summary>
    private static Dictionary<string, byte[]> Payload(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            if (entry.FullName is "_rels/.rels" or "[Content_Types].xml" or "PteGen.nuspec"
                || entry.FullName.StartsWith("package/", StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files[entry.FullName] = copy.ToArray();
        }

        return files;
    }

    /// <summary>For assemblies: whether they define the same types in another order (the usual cause), and where.</summary>
    private static string Explain(string name, byte[] first, byte[] second)
    {
        if (!name.EndsWith(".dll", StringComparison.Ordinal))
        {
            return "";
        }

        var firstTypes = TypeNames(first);
        var secondTypes = TypeNames(second);
        if (firstTypes.SequenceEqual(secondTypes))
        {
            return "; the same type definitions in the same order";
        }

        if (!firstTypes.Order(StringComparer.Ordinal).SequenceEqual(secondTypes.Order(StringComparer.Ordinal)))
        {
            return "; different type definitions";
        }

        var index = firstTypes.Zip(secondTypes).TakeWhile(pair => pair.First == pair.Second).Count();
        return $"; the same {firstTypes.Count} type definitions in another order, from #{index}: "
            + $"{string.Join(", ", firstTypes.Skip(index).Take(3))} ... vs {string.Join(", ", secondTypes.Skip(index).Take(3))} ...";
    }

    private static List<string> TypeNames(byte[] assembly)
    {
        using var pe = new PEReader(new MemoryStream(assembly));
        var reader = pe.GetMetadataReader();
        return reader.TypeDefinitions
            .Select(handle => reader.GetTypeDefinition(handle))
            .Select(type => $"{reader.GetString(type.Namespace)}.{reader.GetString(type.Name)}")
            .ToList();
    }

    private static string Hash(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes))[..16];
}
