extern alias Generators;

using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PteGen.Tests.Infrastructure;
using static PteGen.Tests.Infrastructure.UsageHarness;
using GuestUsageAnalyzer = Generators::PteGen.Generators.Usage.GuestUsageAnalyzer;

namespace PteGen.Tests.Usage;

/// <summary>Mistakes of the guest rules that users found, each pinned by a test.</summary>
public sealed class RegressionTests
{
    private static string SoftwareBitMessage(string name, string bits, string owners, string advice) =>
        $"'{name}' uses {bits} as a software bit of 'L1e', but it is not portable: {owners}{advice}";

    /// <summary>PTE102 read negative constants as no bits at all.</summary>
    [Fact]
    public void NegativeSoftwareBitConstantsAreTheirTopBits()
    {
        var run = Run(Members("""
                [GuestSoftwareBits(typeof(L1e))] public const long [|Neg = 1L << 63|];
                [GuestSoftwareBits(typeof(L1e))] public const int [|IntNeg = 1 << 31|];

                [GuestSoftwareBits(typeof(L1e))]
                public enum Signed : long { None = 0, [|Top = long.MinValue|] }
            """));
        var found = run.Expect("PTE102");
        Assert.Contains("uses bit 63 as a software bit", found[0].GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("uses bit 31 as a software bit", found[1].GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("uses bit 63 as a software bit", found[2].GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>PTE104 turned Xen's bit 62 into the guest's own (WithSoftware62) when no configuration was given.</summary>
    [Fact]
    public void NoAccessorIsSuggestedForABitWhoseClaimDependsOnTheConfiguration()
    {
        const string body = "return new L1e(e.Raw | L1e.GrantMappingMask);";
        Run(Body(body)).ExpectNone("PTE104");
        var none = Run(Body("return [|new L1e(e.Raw | L1e.GrantMappingMask)|];"), UsageSettings.Config("None"));
        Assert.Equal( // under None bit 62 is the guest's Software62, whatever the constant is called
            "Use 'e.WithSoftware62(true)' instead of raw arithmetic on 'L1e.Raw'",
            Assert.Single(none.Of("PTE104")).GetMessage(CultureInfo.InvariantCulture));
        var debug = Run(Body("return [|new L1e(e.Raw | L1e.GrantMappingMask)|];"), UsageSettings.Config("Debug"));
        Assert.Equal(
            "Use 'e.WithGrantMapping(true)' instead of raw arithmetic on 'L1e.Raw'",
            Assert.Single(debug.Of("PTE104")).GetMessage(CultureInfo.InvariantCulture));
    }

    /// <summary>A project that declared its layout through a using alias was taken for a guest.</summary>
    [Fact]
    public void ALayoutDeclaredThroughAnAliasMakesTheProjectTheHypervisor()
    {
        const string aliases = "global using PL = PteGen.PteLayoutAttribute;";
        var layout = SampleSource.XenL1e.Replace("[PteLayout(", "[PL(").Text;
        const string hypervisor = """
            using XenPv;

            public static class Hypervisor
            {
                public static L1e Mark(L1e e) => e.WithGuestKernel(true);

                public static L1e Strip(L1e e) => new L1e(e.Raw & ~L1e.GuestKernelMask);
            }
            """;
        var compilation = CSharpCompilation.Create(
            "Hypervisor",
            [.. new[] { aliases, layout, hypervisor }.Select((text, index) => CSharpSyntaxTree.ParseText(text, UsageHarness.ParseOptions, path: $"File{index}.cs"))],
            BaseReferences,
            UsageHarness.CompilationOptions);
        var (output, _) = TestCompilation.Generate(compilation);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.True(GuestUsageAnalyzer.DeclaresLayouts(output, CancellationToken.None));
        Assert.DoesNotContain(Analyze(output, UsageSettings.Default.ToAnalyzerOptions(), GuestAnalyzers), d => d.Id.StartsWith("PTE10", StringComparison.Ordinal));
    }

    /// <summary>300 With calls over a layout with 12 switches and 64 conditional claims took up to a minute.</summary>
    [Fact]
    public void ManyWritesOverALayoutWithManyConfigurationsAreDescribedOnce()
    {
        var switches = string.Join(", ", Enumerable.Range(0, 12).Select(k => $"S{k} = {1 << k}"));
        var claims = new StringBuilder();
        for (var bit = 0; bit < 64; bit++)
        {
            claims.AppendLine(CultureInfo.InvariantCulture, $"    [XenReserved({bit}, When = \"S{bit % 12}\")] public partial bool X{bit} {{ get; }}");
            claims.AppendLine(CultureInfo.InvariantCulture, $"    [GuestAvailable({bit}, When = \"!S{bit % 12}\")] public partial bool G{bit} {{ get; }}");
        }

        var layoutSource = $$"""
            using System;
            using PteGen;

            namespace Wide;

            [PteSwitches]
            [Flags]
            public enum Switches { None = 0, {{switches}} }

            [PteLayout(typeof(Switches))]
            public readonly partial struct Entry
            {
            {{claims}}
            }
            """;
        var layout = CSharpCompilation.Create("Wide", [CSharpSyntaxTree.ParseText(layoutSource, UsageHarness.ParseOptions)], BaseReferences, UsageHarness.CompilationOptions);
        var (generated, _) = TestCompilation.Generate(layout);
        using var image = new MemoryStream();
        Assert.True(generated.Emit(image).Success);

        var calls = string.Join("", Enumerable.Range(0, 300).Select(index => $".WithX{index % 64}(true)"));
        var guest = CSharpCompilation.Create(
            "Guest",
            [CSharpSyntaxTree.ParseText($"using Wide; public static class G {{ public static Entry M(Entry e) => e{calls}; }}", UsageHarness.ParseOptions)],
            [.. BaseReferences, MetadataReference.CreateFromImage(image.ToArray())],
            UsageHarness.CompilationOptions);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var diagnostics = Analyze(guest, UsageSettings.Default.ToAnalyzerOptions(), GuestAnalyzers);
        Assert.Equal(300, diagnostics.Count(d => d.Id == "PTE101"));

        // A guard against re-describing every configuration per message (11-64 s before), not a performance figure.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
    }
}
