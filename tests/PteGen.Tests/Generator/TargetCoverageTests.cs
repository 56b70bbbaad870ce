using Microsoft.CodeAnalysis;

namespace PteGen.Tests.Generator;

/// <summary>
/// The generated code of the Xen sample's layouts compiles, with no error and no warning (documentation comments
/// included), for each kind of target the generator writes for: without <c>Span</c> (netstandard2.0: no whole-table
/// overloads), with <c>Vector128</c>/<c>Vector256</c> only (.NET 7: no <c>Vector512</c> loop), and with all three (.NET 10).
/// Each also checks that the generator took the path of that target, so a test cannot pass on the wrong one.
/// </summary>
public sealed class TargetCoverageTests
{
    [Fact]
    public void WithoutSpan_TheSampleCompilesCleanly_WithoutWholeTableOverloads()
    {
        var (diagnostics, generated, output) = TargetCompilation.Run(TargetCompilation.NetStandard20, TargetCompilation.XenSampleSources());

        AssertCompilesCleanly(diagnostics, generated, output);
        Assert.All(generated.Values, text => Assert.DoesNotContain("Span<", text, StringComparison.Ordinal));
        Assert.All(generated.Values, text => Assert.DoesNotContain("Intrinsics", text, StringComparison.Ordinal));
        Assert.Contains(generated.Values, text => text.Contains("public static L1e AdjustGuestL1e(L1e entry", StringComparison.Ordinal));
    }

    [Fact]
    public void WithVector128And256Only_TheSampleCompilesCleanly_WithoutAVector512Loop()
    {
        var (diagnostics, generated, output) = TargetCompilation.Run(TargetCompilation.Net70, TargetCompilation.XenSampleSources());

        AssertCompilesCleanly(diagnostics, generated, output);
        var l1e = generated.Single(file => file.Key.EndsWith(".L1e.g.cs", StringComparison.Ordinal)).Value;
        Assert.Contains("__Vector256.LoadUnsafe", l1e, StringComparison.Ordinal);
        Assert.Contains("__Vector128.LoadUnsafe", l1e, StringComparison.Ordinal);
        Assert.Contains("Span<L1e>", l1e, StringComparison.Ordinal);
        Assert.All(generated.Values, text => Assert.DoesNotContain("Vector512", text, StringComparison.Ordinal));
    }

    /// <summary>The twin of the two above: the same sample on .NET 10 takes the widest path, so they test a difference.</summary>
    [Fact]
    public void OnNet10_TheSampleCompilesCleanly_WithEveryVectorWidth()
    {
        var (diagnostics, generated, output) = TargetCompilation.Run(TargetCompilation.Net100, TargetCompilation.XenSampleSources());

        AssertCompilesCleanly(diagnostics, generated, output);
        var l1e = generated.Single(file => file.Key.EndsWith(".L1e.g.cs", StringComparison.Ordinal)).Value;
        Assert.Contains("__Vector512.LoadUnsafe", l1e, StringComparison.Ordinal);
        Assert.Contains("__Vector128.LoadUnsafe", l1e, StringComparison.Ordinal);
    }

    private static void AssertCompilesCleanly(IEnumerable<Diagnostic> diagnostics, IReadOnlyDictionary<string, string> generated, Compilation output)
    {
        // One file per layout of the sample (L1e-L4e and the ABIs of docs/xen-pv-abi.md §5).
        Assert.True(generated.Count >= 6, $"only {generated.Count} files were generated: {string.Join(", ", generated.Keys)}");
        Assert.True(!diagnostics.Any(), string.Join(Environment.NewLine, diagnostics));

        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
    }
}
