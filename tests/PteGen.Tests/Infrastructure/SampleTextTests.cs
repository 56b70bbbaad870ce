using Xunit.Sdk;

namespace PteGen.Tests.Infrastructure;

/// <summary>The sample sources the tests derive their Xen layouts from, and the edits that make the variants.</summary>
public sealed class SampleTextTests
{
    [Fact]
    public void AnEditOfTextThatOccursOnce_ChangesOnlyThatText()
    {
        var edited = SampleSource.L1e.Replace("[Hardware(63, Role = PteRole.NoExecute)]", "[Hardware(63)]");

        Assert.Equal(SampleSource.L1e.Text.Length - ", Role = PteRole.NoExecute".Length, edited.Text.Length);
        Assert.Contains("[Hardware(63)]\n    public partial bool NoExecute { get; }", edited.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("PteRole.NoExecute", edited.Text, StringComparison.Ordinal);
        Assert.Contains("samples/XenPv/Layouts/L1e.cs", edited.Origin, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEditOfTextThatDoesNotOccur_FailsNamingTheFile()
    {
        var failure = Assert.ThrowsAny<XunitException>(() => SampleSource.L1e.Replace("[Hardware(64)]", "[Hardware(63)]"));
        Assert.Contains("samples/XenPv/Layouts/L1e.cs", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public partial bool")]
    [InlineData("Role = PteRole.")]
    public void AnEditOfTextThatOccursMoreThanOnce_Fails(string repeated)
    {
        var failure = Assert.ThrowsAny<XunitException>(() => SampleSource.L1e.Replace(repeated, "x"));
        Assert.Contains("more than once", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OverlappingOccurrencesCountTwice()
    {
        Assert.ThrowsAny<XunitException>(() => new SampleText("aaa", "test").Replace("aa", "b"));
        Assert.Equal("ba", new SampleText("aba", "test").Replace("ab", "b").Text);
    }

    [Fact]
    public void AnEmptyEdit_Fails() => Assert.ThrowsAny<XunitException>(() => SampleSource.L1e.Replace("", "x"));

    [Fact]
    public void TheJoinedSample_HasOneNamespaceAndEachUsingOnce()
    {
        var joined = SampleSource.XenL1e.Text;

        Assert.StartsWith("using System;\nusing PteGen;\n\nnamespace XenPv;\n", joined, StringComparison.Ordinal);
        Assert.Single(joined.Split('\n'), line => line == "namespace XenPv;");
        Assert.Single(joined.Split('\n'), line => line == "using System;");
        Assert.Contains("public enum XenConfig", joined, StringComparison.Ordinal);
        Assert.Contains("public readonly partial struct L1e", joined, StringComparison.Ordinal);
    }

    [Fact]
    public void TheJoinedSample_GeneratesWhatTheSampleFilesGenerate()
    {
        var joined = TestCompilation.Run(SampleSource.XenL1e);
        var separate = TestCompilation.Run(SampleSource.XenConfig, SampleSource.L1e);

        Assert.True(joined.CompilerDiagnostics.IsEmpty && joined.AnalyzerDiagnostics.IsEmpty, joined.Describe());
        Assert.Equal(separate.Generated, joined.Generated);
    }

    [Fact]
    public void JoiningFilesOfDifferentNamespaces_Fails()
    {
        var other = new SampleText("using PteGen;\n\nnamespace Other;\n\npublic enum E { A }\n", "other");
        Assert.ThrowsAny<XunitException>(() => SampleSource.Join(SampleSource.XenConfig, other));
    }
}
