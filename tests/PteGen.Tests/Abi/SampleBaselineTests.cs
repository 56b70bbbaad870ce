using System.Reflection;
using Microsoft.CodeAnalysis;
using PteGen.Tests.Infrastructure;

namespace PteGen.Tests.Abi;

/// <summary>
/// <c>samples/XenPv/PteAbi.Shipped.txt</c> is what the sample's layouts give, through their generated descriptors and
/// through the analyzer alike, so it never drifts; with <c>PTEGEN_ACCEPT_SNAPSHOTS=1</c> the test rewrites it.
/// </summary>
public class SampleBaselineTests
{
    private static readonly string ShippedFile = Path.Combine(Repository.Root, "samples", "XenPv", PteAbiBaseline.ShippedFileName);

    private static readonly string UnshippedFile = Path.Combine(Repository.Root, "samples", "XenPv", PteAbiBaseline.UnshippedFileName);

    /// <summary>The sample's layout sources, as its project compiles them, with their paths in the repository (sorted).</summary>
    internal static (string Path, string Text)[] SampleFiles()
    {
        var folder = Path.Combine(Repository.Root, "samples", "XenPv");
        return Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(path => ("samples/XenPv/" + Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllText(path)))
            .ToArray();
    }

    private static string[] SampleSources() => SampleFiles().Select(file => file.Text).ToArray();

    /// <summary>The facts of every layout in the compiled sample assembly, read from the generated descriptors.</summary>
    private static IEnumerable<PteAbiFact> DescriptorFacts() =>
        typeof(XenPv.L1e).Assembly.GetTypes()
            .Select(type => (Type: type, Property: type.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)))
            .Where(item => item.Property?.PropertyType == typeof(PteLayoutDescriptor))
            .SelectMany(item => PteAbiBaseline.Facts((PteLayoutDescriptor)item.Property!.GetValue(null)!, item.Type.FullName!.Replace('+', '.')));

    [Fact]
    public void The_shipped_file_is_what_the_generated_descriptors_give()
    {
        var expected = PteAbiBaseline.Write(DescriptorFacts());
        if (Environment.GetEnvironmentVariable(Snapshot.AcceptVariable) == "1")
        {
            File.WriteAllText(ShippedFile, expected);
        }

        Assert.Equal(expected, File.ReadAllText(ShippedFile));
        Assert.Contains("XenPv.L1e under None: [62] Software62 GuestAvailable role=None guest=allowed when=!Pke && !Debug\n", expected, StringComparison.Ordinal);
        Assert.Contains("XenPv.L1e under Debug: [62] GrantMapping XenReserved role=GrantMapping guest=refused when=Debug\n", expected, StringComparison.Ordinal);
    }

    [Fact]
    public void The_unshipped_file_is_empty_but_for_its_header()
    {
        Assert.Equal(PteAbiBaseline.Write([]), File.ReadAllText(UnshippedFile));
    }

    [Fact]
    public void The_analyzer_computes_the_same_facts_and_finds_the_sample_matching()
    {
        var source = SampleSources();

        // With only a header, every fact is an addition: together they are the shipped file.
        var additions = BaselineHarness.Analyze(source, PteAbiBaseline.Write([]), null);
        Assert.All(additions, d => Assert.Equal("PTE202", d.Id));
        var computed = additions.SelectMany(d => PteAbiBaseline.Read(d.Properties["PteAbiFacts"]!).Select(line => line.Fact!));
        Assert.Equal(File.ReadAllText(ShippedFile), PteAbiBaseline.Write(computed));

        Assert.Empty(BaselineHarness.Analyze(source, File.ReadAllText(ShippedFile), File.ReadAllText(UnshippedFile)));
    }

    [Fact]
    public void Giving_bit_62_of_L1e_to_Xen_in_release_builds_is_one_break()
    {
        var changed = SampleSources().Select(GiveBit62ToXenInReleaseBuilds).ToArray();
        var diagnostic = Assert.Single(BaselineHarness.Analyze(changed, File.ReadAllText(ShippedFile), File.ReadAllText(UnshippedFile)));

        Assert.Equal("PTE201", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("bit 62 of 'L1e' under None: GuestAvailable in PteAbi.Shipped.txt, XenReserved now", diagnostic.GetMessage());
        Assert.Equal(Bit62ClaimLine - 1, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    /// <summary>The 1-based line of the sample <c>L1e</c>'s claim of bit 62 in a release build, where the break is reported.</summary>
    internal static int Bit62ClaimLine =>
        Array.FindIndex(File.ReadAllLines(Path.Combine(Repository.Root, "samples", "XenPv", "Layouts", "L1e.cs")), line => line.Contains(Bit62ReleaseClaim, StringComparison.Ordinal)) + 1;

    private const string Bit62ReleaseClaim = "[GuestAvailable(62, When = \"!Pke && !Debug\")]";

    /// <summary>
    /// The edit the integration test makes to the sample's <c>L1e</c>: bit 62 of a release build without protection
    /// keys, <c>Software62</c>, becomes Xen's. Nothing else changes, so it is exactly one break.
    /// </summary>
    internal static string GiveBit62ToXenInReleaseBuilds(string source)
    {
        // L1e2005's declaration starts with the same words: match the whole name.
        if (!System.Text.RegularExpressions.Regex.IsMatch(source, @"public readonly partial struct L1e\b"))
        {
            return source;
        }

        var edited = source.Replace(Bit62ReleaseClaim, "[XenReserved(62, When = \"!Pke && !Debug\")]", StringComparison.Ordinal);
        Assert.NotEqual(source, edited);
        return edited;
    }
}
