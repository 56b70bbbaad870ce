using PteGen.Tests.Infrastructure;

namespace PteGen.Tests.Generator;

/// <summary>The generated source of representative layouts, compared with checked-in snapshots (Snapshots/*.verified.cs).</summary>
public class SnapshotTests
{
    [Theory]
    [InlineData(nameof(SampleLayouts.XenL1e), "Xen.Pv.L1e.g.cs")]
    [InlineData(nameof(SampleLayouts.Mixed), "MixedEntry.g.cs")]
    [InlineData(nameof(SampleLayouts.Nested), "Deep.Name.Space.Outer+Middle+Whole.g.cs")]
    [InlineData(nameof(SampleLayouts.Invalid), "Broken.Overlapping.g.cs")]
    public void GeneratedSourceMatchesTheSnapshot(string layout, string hintName)
    {
        var source = (string)typeof(SampleLayouts).GetField(layout)!.GetValue(null)!;
        var outcome = TestCompilation.Run(source);

        Assert.Empty(outcome.GeneratedFileErrors);
        Assert.Equal([hintName], outcome.Generated.Keys);
        Snapshot.Match(outcome.Generated[hintName], layout);
    }

    [Fact]
    public void ValidLayoutsCompileWithoutAnyDiagnostic()
    {
        foreach (var source in new[] { SampleLayouts.XenL1e, SampleLayouts.Mixed, SampleLayouts.Nested })
        {
            var outcome = TestCompilation.Run(source);
            Assert.True(outcome.CompilerDiagnostics.IsEmpty && outcome.AnalyzerDiagnostics.IsEmpty, outcome.Describe());
        }
    }

    [Fact]
    public void AnInvalidLayoutGetsItsErrorAndOnlyPlaceholderBodies()
    {
        var outcome = TestCompilation.Run(SampleLayouts.Invalid);

        var overlap = Assert.Single(outcome.AnalyzerDiagnostics);
        Assert.Equal("PTE010", overlap.Id);
        Assert.Empty(outcome.CompilerDiagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.DoesNotContain("WithLow", outcome.Generated.Values.Single());
    }
}
