namespace PteGen.Tests.Generator;

/// <summary>
/// The generated source of representative layouts, compared with checked-in snapshots (Snapshots/*.verified.cs): the
/// Xen sample's own L1 entry, and small purpose-built layouts for the shapes it lacks. Every run through
/// <see cref="TestCompilation.Generate"/> also checks that an unchanged second run is all cached.
/// </summary>
public class SnapshotTests
{
    /// <summary>Each snapshot: its name, the sources it compiles, and the one file they generate.</summary>
    private static readonly Dictionary<string, (string[] Sources, string HintName)> Layouts = new()
    {
        ["XenL1e"] = ([SampleSource.XenConfig, SampleSource.L1e], SampleSource.L1eName + ".g.cs"),
        [nameof(SampleLayouts.Mixed)] = ([SampleLayouts.Mixed], "MixedEntry.g.cs"),
        [nameof(SampleLayouts.Nested)] = ([SampleLayouts.Nested], "Deep.Name.Space.Outer+Middle+Whole.g.cs"),
        [nameof(SampleLayouts.Invalid)] = ([SampleLayouts.Invalid], "Broken.Overlapping.g.cs"),
    };

    public static TheoryData<string> Names() => [.. Layouts.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void GeneratedSourceMatchesTheSnapshot(string layout)
    {
        var (sources, hintName) = Layouts[layout];
        var outcome = TestCompilation.Run(sources);

        Assert.Empty(outcome.GeneratedFileErrors);
        Assert.Equal([hintName], outcome.Generated.Keys);
        Snapshot.Match(outcome.Generated[hintName], layout);
    }

    [Theory]
    [InlineData("XenL1e")]
    [InlineData(nameof(SampleLayouts.Mixed))]
    [InlineData(nameof(SampleLayouts.Nested))]
    public void ValidLayoutsCompileWithoutAnyDiagnostic(string layout)
    {
        var outcome = TestCompilation.Run(Layouts[layout].Sources);
        Assert.True(outcome.CompilerDiagnostics.IsEmpty && outcome.AnalyzerDiagnostics.IsEmpty, outcome.Describe());
    }

    // Focused checks of single members of the sample's file, next to its snapshot: each fails for its own reason.

    private static string SampleL1eMember(string name) =>
        GeneratedAssert.Member(TestCompilation.Run(Layouts["XenL1e"].Sources).Generated[Layouts["XenL1e"].HintName], name);

    [Fact]
    public void TheSampleL1e_WithFrame_RangeChecksTheFortyBitFrameAndShiftsItIntoPlace()
    {
        var withFrame = SampleL1eMember("WithFrame");

        Assert.Contains("public L1e WithFrame(ulong value)", withFrame, StringComparison.Ordinal);
        Assert.Contains("0xFFFFFFFFFFUL", withFrame, StringComparison.Ordinal);
        Assert.Contains("FrameShift", withFrame, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSampleL1e_WithPresent_IsOneBitAndHasNoRangeCheck()
    {
        var withPresent = SampleL1eMember("WithPresent");

        Assert.Contains("public L1e WithPresent(bool value)", withPresent, StringComparison.Ordinal);
        Assert.Contains("PresentMask", withPresent, StringComparison.Ordinal);
        Assert.DoesNotContain("throw", withPresent, StringComparison.Ordinal);
        Assert.DoesNotContain("OutOfRange", withPresent, StringComparison.Ordinal);
    }

    [Fact]
    public void AnInvalidLayoutGetsItsErrorAndOnlyPlaceholderBodies()
    {
        var outcome = TestCompilation.Run(SampleLayouts.Invalid);

        var overlap = Assert.Single(outcome.AnalyzerDiagnostics);
        Assert.Equal("PTE010", overlap.Id);
        Assert.Empty(outcome.CompilerDiagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var generated = outcome.Generated.Values.Single();
        GeneratedAssert.NoMember(generated, "WithLow");
        Assert.Contains("throw", GeneratedAssert.Member(generated, "Low"), StringComparison.Ordinal);
    }
}
