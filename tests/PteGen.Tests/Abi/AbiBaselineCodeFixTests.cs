extern alias CodeFixes;

using AddAbiFactsCodeFix = CodeFixes::PteGen.CodeFixes.Abi.AddAbiFactsCodeFix;
using RemoveStaleAbiFactCodeFix = CodeFixes::PteGen.CodeFixes.Abi.RemoveStaleAbiFactCodeFix;
using static PteGen.Tests.Abi.AbiBaselineAnalyzerTests;

namespace PteGen.Tests.Abi;

/// <summary>The PTE202/PTE203 fixes write exactly <c>PteAbiBaseline.Write</c> of the resulting facts, and leave nothing to report.</summary>
public class AbiBaselineCodeFixTests
{
    private const string Stale = "Abi.Tests.Tiny under None: [62] Ghost GuestAvailable role=None guest=allowed when=!Debug";

    private const string TwoLayouts = Tiny + """

        [PteLayout]
        public readonly partial struct Whole
        {
            [Hardware(0, 63)] public partial ulong Value { get; }
        }
        """;

    private const string WholeLine = "Abi.Tests.Whole under None: [00-63] Value Hardware role=None guest=allowed when=always\n";

    [Fact]
    public void Adding_creates_the_unshipped_file_next_to_the_shipped_one()
    {
        var files = BaselineHarness.Fix(Tiny, Header + TinyNoneLines, null, new AddAbiFactsCodeFix(), _ => true);

        Assert.Equal(Header + TinyNoneLines, files[BaselineHarness.ShippedPath]);
        Assert.Equal(Header + TinyDebugLines, files[BaselineHarness.UnshippedPath]);
        Assert.Empty(BaselineHarness.Analyze(Tiny, files[BaselineHarness.ShippedPath], files[BaselineHarness.UnshippedPath]));
    }

    [Fact]
    public void Adding_merges_into_the_existing_unshipped_file_sorted_and_rewritten()
    {
        // The existing file's own comments and order give way to the writer's one form.
        var unshipped = "# accepted for 2.1\n\n" + WholeLine;
        var files = BaselineHarness.Fix(TwoLayouts, Header + TinyNoneLines, unshipped, new AddAbiFactsCodeFix(), _ => true);

        Assert.Equal(Header + TinyDebugLines + WholeLine, files[BaselineHarness.UnshippedPath]);
        Assert.Equal(
            PteAbiBaseline.Write(PteAbiBaseline.Read(unshipped + TinyDebugLines).Select(line => line.Fact!)),
            files[BaselineHarness.UnshippedPath]);
    }

    [Fact]
    public void Removing_a_stale_line_keeps_the_others()
    {
        var unshipped = Header + Stale + "\n" + WholeLine;
        var files = BaselineHarness.Fix(TwoLayouts, TinyBaseline, unshipped, new RemoveStaleAbiFactCodeFix(), _ => true);

        Assert.Equal(Header + WholeLine, files[BaselineHarness.UnshippedPath]);
        Assert.Equal(TinyBaseline, files[BaselineHarness.ShippedPath]);
        Assert.Empty(BaselineHarness.Analyze(TwoLayouts, TinyBaseline, files[BaselineHarness.UnshippedPath]));
    }

    [Fact]
    public void Removing_the_last_line_leaves_the_header()
    {
        var files = BaselineHarness.Fix(Tiny, TinyBaseline, Stale + "\n", new RemoveStaleAbiFactCodeFix(), _ => true);
        Assert.Equal(Header, files[BaselineHarness.UnshippedPath]);
    }

    [Fact]
    public void Fix_all_adds_every_layout_s_facts_in_one_rewrite()
    {
        var files = BaselineHarness.Fix(TwoLayouts, Header + TinyNoneLines, Header, new AddAbiFactsCodeFix(), _ => true, fixAll: true);

        Assert.Equal(Header + TinyDebugLines + WholeLine, files[BaselineHarness.UnshippedPath]);
        Assert.Empty(BaselineHarness.Analyze(TwoLayouts, files[BaselineHarness.ShippedPath], files[BaselineHarness.UnshippedPath]));
    }

    [Fact]
    public void Fix_all_removes_every_stale_line()
    {
        var second = Stale.Replace("Ghost", "Phantom", StringComparison.Ordinal);
        var unshipped = Header + Stale + "\n" + second + "\n" + second + "\n";
        var files = BaselineHarness.Fix(Tiny, TinyBaseline, unshipped, new RemoveStaleAbiFactCodeFix(), _ => true, fixAll: true);

        Assert.Equal(Header, files[BaselineHarness.UnshippedPath]);
    }
}
