using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit.Sdk;

namespace PteGen.Tests.Infrastructure;

/// <summary>The run-twice caching check that every generator run of the tests makes.</summary>
public sealed class IncrementalAssertTests
{
    [Fact]
    public void ARerunOnTheSameCompilation_IsCached()
    {
        var compilation = TestCompilation.Create(SampleSource.XenConfig, SampleSource.L1e);
        var driver = TestCompilation.CreateDriver().RunGenerators(compilation);

        IncrementalAssert.RerunIsCached(driver.GetRunResult(), driver.RunGenerators(compilation).GetRunResult());
    }

    [Fact]
    public void ARerunAfterALayoutChanged_FailsTheCheck()
    {
        var compilation = TestCompilation.Create(SampleSource.XenConfig, SampleSource.L1e);
        var driver = TestCompilation.CreateDriver().RunGenerators(compilation);
        var first = driver.GetRunResult();
        var tree = compilation.SyntaxTrees.Last();
        var edited = SampleSource.L1e.Replace("[GuestAvailable(9, 11)]", "[Hardware(9, 11)]");
        var changed = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(edited)));

        var second = driver.RunGenerators(changed).GetRunResult();

        Assert.ThrowsAny<XunitException>(() => IncrementalAssert.RerunIsCached(first, second));
    }
}
