using System.Globalization;
using PteGen.Tests.Infrastructure;

namespace PteGen.Tests.Generator;

public class DeterminismTests
{
    [Fact]
    public void TheSameInputGivesByteIdenticalOutput()
    {
        var first = GenerateAll(SampleSource.XenL1e, SampleLayouts.Mixed, SampleLayouts.Nested);
        var second = GenerateAll(SampleSource.XenL1e, SampleLayouts.Mixed, SampleLayouts.Nested);

        Assert.Equal(first.Keys, second.Keys);
        foreach (var (hintName, bytes) in first)
        {
            Assert.Equal(bytes, second[hintName]);
        }
    }

    [Fact]
    public void OutputDoesNotDependOnFileOrderOrCulture()
    {
        var reference = GenerateAll(SampleSource.XenL1e, SampleLayouts.Mixed, SampleLayouts.Nested);
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
            var reordered = GenerateAll(SampleLayouts.Nested, SampleLayouts.Mixed, SampleSource.XenL1e);
            foreach (var (hintName, bytes) in reference)
            {
                Assert.Equal(bytes, reordered[hintName]);
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void GeneratedFilesUseUnixLineEndingsOnly()
    {
        foreach (var text in TestCompilation.Run(SampleSource.XenL1e).Generated.Values)
        {
            Assert.DoesNotContain('\r', text);
        }
    }

    private static Dictionary<string, byte[]> GenerateAll(params string[] sources)
    {
        var (_, run) = TestCompilation.Generate(TestCompilation.Create(sources));
        return run.Results.SelectMany(r => r.GeneratedSources)
            .ToDictionary(s => s.HintName, s => System.Text.Encoding.UTF8.GetBytes(s.SourceText.ToString()));
    }
}
