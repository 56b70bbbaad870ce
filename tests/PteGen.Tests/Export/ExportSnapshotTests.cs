using PteGen.Tests.Infrastructure;

namespace PteGen.Tests.Export;

/// <summary>
/// Every format of <c>ptegen export</c>, for the Xen sample and for a small layout of the tests' own, against checked-in
/// snapshots (<c>Export/Snapshots/</c>; <c>PTEGEN_ACCEPT_SNAPSHOTS=1</c> accepts a change after review).
/// </summary>
public sealed class ExportSnapshotTests
{
    public static TheoryData<string> Inputs => new() { "XenPv", DemoLayouts.AssemblyName };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void CHeader(string input) => Snapshot.Match(Ptegen.Succeed("export", Path(input), "--format", "c"), input + ".h");

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Json(string input) => Snapshot.Match(Ptegen.Succeed("export", Path(input), "--format", "json"), input + ".abi.json");

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Baseline(string input) => Snapshot.Match(Ptegen.Succeed("export", Path(input), "--format", "baseline"), input + ".PteAbi.Shipped.txt");

    [Theory]
    [MemberData(nameof(Inputs))]
    public void MarkdownWithPictures(string input)
    {
        var folder = TempFolder.New("md");
        var stdout = Ptegen.Succeed("export", Path(input), "--format", "md", "--out", folder + "/");
        var page = System.IO.Path.Combine(folder, input + ".abi.md");
        var pictures = Directory.GetFiles(System.IO.Path.Combine(folder, "images"), "*.svg").Order(StringComparer.Ordinal).ToList();

        // Every file written is listed, pictures first.
        Assert.Equal(pictures.Append(page).Select(file => "wrote " + file).Order(StringComparer.Ordinal), Sorted(stdout));
        Snapshot.Match(File.ReadAllText(page), input + ".abi.md");

        // Each picture the page links to is there.
        foreach (var link in System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(page), @"\]\((images/[^)]+\.svg)\)").Select(match => match.Groups[1].Value))
        {
            Assert.True(File.Exists(System.IO.Path.Combine(folder, link)), $"The page links to {link}, which was not written.");
        }
    }

    [Fact]
    public void SvgOfTheXenLeafEntry() => Snapshot.Match(Picture("XenPv", "XenPv.L1e.svg"), "XenPv.L1e.svg");

    [Fact]
    public void SvgOfTheXenLevel1LayoutsSideBySide() => Snapshot.Match(Picture("XenPv", "XenPv.level-1.svg"), "XenPv.level-1.svg");

    [Fact]
    public void SvgOfTheDemoEntry() => Snapshot.Match(Picture(DemoLayouts.AssemblyName, "Demo.Paging.DemoEntry.svg"), "Demo.Paging.DemoEntry.svg");

    [Fact]
    public void SvgWritesOnePicturePerLayoutAndOnePerLevelWithSeveral()
    {
        var folder = TempFolder.New("svg");
        Ptegen.Succeed("export", ExportInputs.XenPv, "--format", "svg", "--out", folder);
        Assert.Equal(
            ["XenPv.Abis.ExpertDebugL1e.svg", "XenPv.Abis.NegotiatedL1e.svg", "XenPv.Historical.L1e2005.svg", "XenPv.L1e.svg", "XenPv.L2e.svg", "XenPv.L3e.svg", "XenPv.L4e.svg", "XenPv.level-1.svg"],
            Directory.GetFiles(folder).Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheOutputIsTheSameEveryTime()
    {
        foreach (var format in new[] { "c", "json", "baseline" })
        {
            Assert.Equal(Ptegen.Succeed("export", ExportInputs.XenPv, "--format", format), Ptegen.Succeed("export", ExportInputs.XenPv, "--format", format));
        }
    }

    private static string Picture(string input, string file)
    {
        var folder = TempFolder.New("svg");
        Ptegen.Succeed("export", Path(input), "--format", "svg", "--out", folder);
        return File.ReadAllText(System.IO.Path.Combine(folder, file));
    }

    private static string[] Sorted(string stdout) => stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToArray();

    private static string Path(string input) => input == "XenPv" ? ExportInputs.XenPv : ExportInputs.Demo;
}
