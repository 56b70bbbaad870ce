namespace PteGen.Tests.Export;

/// <summary>
/// <c>ptegen diff old new</c> on versions of the demo layout: the changes in the baseline's words, exit 1 on a break,
/// 0 when nothing changed or there are additions only.
/// </summary>
public sealed class DiffTests
{
    [Fact]
    public void TheSameLayoutsHaveNoChange()
    {
        var run = Ptegen.Run("diff", ExportInputs.Demo, ExportInputs.Demo);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("no change: both hold the same ABI facts.\n", run.Stdout);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void ABitTakenFromTheGuestIsABreakInEveryConfiguration()
    {
        var run = Ptegen.Run("diff", ExportInputs.Demo, DemoLayouts.Build(DemoLayouts.Version2));
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stderr);
        Assert.Equal(
            """
            break: bits 48-54 of 'DemoEntry' under None: field Software [48-55] in PteAbi.Shipped.txt, field Software [48-54] now
              - Demo.Paging.DemoEntry under None: [48-55] Software GuestAvailable role=None guest=allowed when=always
              + Demo.Paging.DemoEntry under None: [48-54] Software GuestAvailable role=None guest=allowed when=always
            break: bit 55 of 'DemoEntry' under None: GuestAvailable in PteAbi.Shipped.txt, XenReserved now
              - Demo.Paging.DemoEntry under None: [48-55] Software GuestAvailable role=None guest=allowed when=always
              + Demo.Paging.DemoEntry under None: [55] Marker XenReserved role=None guest=refused when=always
            break: bits 48-54 of 'DemoEntry' under Tagged: field Software [48-55] in PteAbi.Shipped.txt, field Software [48-54] now
              - Demo.Paging.DemoEntry under Tagged: [48-55] Software GuestAvailable role=None guest=allowed when=always
              + Demo.Paging.DemoEntry under Tagged: [48-54] Software GuestAvailable role=None guest=allowed when=always
            break: bit 55 of 'DemoEntry' under Tagged: GuestAvailable in PteAbi.Shipped.txt, XenReserved now
              - Demo.Paging.DemoEntry under Tagged: [48-55] Software GuestAvailable role=None guest=allowed when=always
              + Demo.Paging.DemoEntry under Tagged: [55] Marker XenReserved role=None guest=refused when=always
            4 breaks, 0 additions: the new version breaks the old ABI.

            """,
            run.Stdout);
    }

    [Fact]
    public void ANewLayoutIsListedAsAdditionsAndBreaksNothing()
    {
        var run = Ptegen.Run("diff", ExportInputs.Demo, DemoLayouts.Build(DemoLayouts.Version3));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            """
            addition: Demo.Paging.DemoWideEntry under None: [00-63] Value GuestAvailable role=None guest=allowed when=always
            0 breaks, 1 addition: nothing breaks.

            """,
            run.Stdout);
    }

    [Fact]
    public void ALayoutThatIsGoneIsOneBreak()
    {
        var run = Ptegen.Run("diff", DemoLayouts.Build(DemoLayouts.Version3), ExportInputs.Demo);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            """
            break: 'Demo.Paging.DemoWideEntry' is in PteAbi.Shipped.txt, but no layout of that name exists now: it was removed or renamed
            1 break, 0 additions: the new version breaks the old ABI.

            """,
            run.Stdout);
    }

    [Fact]
    public void JsonAndAssemblyVersionsCompareAlike()
    {
        var folder = TempFolder.New("diff");
        var old = Path.Combine(folder, "old.json");
        Ptegen.Succeed("export", ExportInputs.Demo, "--format", "json", "--out", old);
        var fromJson = Ptegen.Run("diff", old, DemoLayouts.Build(DemoLayouts.Version2));
        var fromAssembly = Ptegen.Run("diff", ExportInputs.Demo, DemoLayouts.Build(DemoLayouts.Version2));
        Assert.Equal(1, fromJson.ExitCode);
        Assert.Equal(fromAssembly, fromJson);
    }
}
