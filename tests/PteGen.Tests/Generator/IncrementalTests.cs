extern alias Generators;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PteGen.Tests.Infrastructure;
using TrackingNames = Generators::PteGen.Generators.TrackingNames;

namespace PteGen.Tests.Generator;

/// <summary>The generator must do no work for edits that do not change a layout.</summary>
public class IncrementalTests
{
    [Theory]
    [InlineData("public class Unrelated { public int Value => 42; }")]
    [InlineData("namespace XenPv { public static class Helpers { public static ulong Twice(ulong x) => x * 2; } }")]
    public void AnUnrelatedNewFileLeavesEveryStepCached(string unrelated)
    {
        var (first, second) = RunTwice(SampleSource.XenL1e, compilation =>
            compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(unrelated, TestCompilation.ParseOptions)));

        IncrementalAssert.NoBannedTypesInOutputs(first);
        IncrementalAssert.AllStepsCached(second);
    }

    [Fact]
    public void AnEditInsideAMethodBodyOfTheLayoutFileLeavesEveryStepCached()
    {
        // The sample's file declares a file-scoped namespace, so the helper goes into it.
        const string helper = "static class Uses { static int M() => 1; }";
        var (_, second) = RunTwice(SampleSource.XenL1e + "\n" + helper, compilation =>
        {
            var tree = compilation.SyntaxTrees.Single();
            var edited = tree.WithChangedText(tree.GetText().Replace(tree.GetText().ToString().IndexOf("=> 1;", StringComparison.Ordinal), 5, "=> 2;"));
            return compilation.ReplaceSyntaxTree(tree, edited);
        });

        IncrementalAssert.AllStepsCached(second);
    }

    [Fact]
    public void ChangingALayoutRegeneratesIt()
    {
        var (_, second) = RunTwice(SampleLayouts.Mixed, compilation =>
        {
            var tree = compilation.SyntaxTrees.Single();
            var text = tree.GetText().ToString().Replace("[GuestAvailable(47, 54)]", "[Hardware(47, 54)]");
            return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text)));
        });

        Assert.Equal([IncrementalStepRunReason.Modified], IncrementalAssert.Reasons(second, TrackingNames.ParsedLayouts));
        Assert.Equal([IncrementalStepRunReason.Modified], IncrementalAssert.Reasons(second, TrackingNames.LayoutsToGenerate));
    }

    [Fact]
    public void EditingOneLayoutLeavesTheOthersCached()
    {
        var (_, second) = RunTwice(SampleSource.XenL1e, SampleLayouts.Mixed, compilation =>
        {
            var tree = compilation.SyntaxTrees.Last();
            var text = tree.GetText().ToString().Replace("[GuestAvailable(47, 54)]", "[Hardware(47, 54)]");
            return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text)));
        });

        var reasons = IncrementalAssert.Reasons(second, TrackingNames.LayoutsToGenerate);
        Assert.Contains(IncrementalStepRunReason.Modified, reasons);
        Assert.Contains(IncrementalStepRunReason.Cached, reasons);
    }

    private static (GeneratorDriverRunResult First, GeneratorDriverRunResult Second) RunTwice(
        string source,
        Func<Compilation, Compilation> edit) => RunTwice([source], edit);

    private static (GeneratorDriverRunResult First, GeneratorDriverRunResult Second) RunTwice(
        string first,
        string second,
        Func<Compilation, Compilation> edit) => RunTwice([first, second], edit);

    private static (GeneratorDriverRunResult First, GeneratorDriverRunResult Second) RunTwice(
        string[] sources,
        Func<Compilation, Compilation> edit)
    {
        var compilation = TestCompilation.Create(sources);
        var driver = TestCompilation.CreateDriver().RunGenerators(compilation);
        var firstRun = driver.GetRunResult();
        driver = driver.RunGenerators(edit(compilation));
        return (firstRun, driver.GetRunResult());
    }
}
