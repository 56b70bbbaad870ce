namespace PteGen.Tests.Tool;

/// <summary>
/// <c>xenpte compat</c> run as a process: the text matrix, the Markdown one, one guest in detail, and the errors for an
/// unknown guest or format (exit code 2, the usage hint, nothing on standard output).
/// </summary>
public class CompatToolTests
{
    [Fact]
    public void Text_ListsEveryGuestUnderTheFourConfigurationsAndTheNegotiation()
    {
        var run = Xenpte.Run("compat");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Stderr);
        run.LineMatching(@"guest\s+None \(release\)\s+Debug\s+Pke\s+Debug \(2005 layout\)\s+negotiated \(Debug\)");
        run.LineMatching(@"netbsd-i386\s+ok\s+ok\s+ok\s+bit 11 PG_X: Xen's \(GrantMapping\) under Debug \(2005 layout\)\s+GuestKernel 52, GrantMapping 62; nothing dropped");
        run.LineMatching(@"netbsd-amd64\s+ok\s+ok\s+ok\s+ok\s+GuestKernel 52, GrantMapping 62; nothing dropped");
        Assert.Equal(11 + 2, run.Lines.Count(line => line.Length > 0));
    }

    [Fact]
    public void Markdown_IsATableWithTheGuestsNamesAndIds()
    {
        var run = Xenpte.Run("compat", "--format", "md");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("| guest | None (release) | Debug | Pke | Debug (2005 layout) | negotiated (Debug) |", run.Lines[0]);
        Assert.Equal("|---|---|---|---|---|---|", run.Lines[1]);
        run.LineMatching(@"\| NetBSD i386 XEN \(2015\) \(`netbsd-i386`\) \| ok \| ok \| ok \| bit 11 PG_X: Xen's \(GrantMapping\) under Debug \(2005 layout\) \| GuestKernel 52, GrantMapping 62; nothing dropped \|");
        Assert.All(run.Lines.Where(line => line.Length > 0), line => Assert.Matches(@"^\|.*\|$", line));
    }

    [Fact]
    public void OneGuest_ShowsItsBitsEveryConfigurationAndTheNegotiation()
    {
        var run = Xenpte.Run("compat", "--guest", "linux-6.12");

        Assert.True(run.ExitCode == 0, run.ToString());
        run.LineMatching(@"guest\s+Linux 6\.12\.117 \(linux-6\.12\)");
        run.LineMatching(@"port\s+64-bit PV");
        run.LineMatching(@"source\s+Debian linux-headers-6\.12\.117.*pgtable_types\.h");
        run.LineMatching(@"57\s+_PAGE_BIT_DEVMAP\s+not verified");
        run.LineMatching(@"58\s+_PAGE_BIT_SAVED_DIRTY\s+yes");
        run.LineMatching(@"62\s+_PAGE_BIT_PKEY_BIT3\s+never: PKU is never offered to PV");
        run.LineMatching(@"Debug \(2005 layout\)\s+bit 11 _PAGE_BIT_SOFT_DIRTY: Xen's \(GrantMapping\) under Debug \(2005 layout\)");
        run.LineMatching(@"guest-unused bits\s+0x79f0000000000000 \(bits 52-56 and 59-62\), 9 bits");
        run.LineMatching(@"Xen takes\s+0x4010000000000000 \(bits 52 and 62\)");
        run.LineMatching(@"dropped\s+none");
    }

    [Fact]
    public void OneGuest_NameIsCaseInsensitive_AndMarkdownWorksThereToo()
    {
        var run = Xenpte.Run("compat", "--guest", "NetBSD-i386", "--format", "md");

        Assert.True(run.ExitCode == 0, run.ToString());
        run.LineMatching(@"guest\s+NetBSD i386 XEN \(2015\) \(netbsd-i386\)");
        run.LineMatching(@"\| 11 \| PG_X \| yes \|");
        run.LineMatching(@"\| Debug \(2005 layout\) \| bit 11 PG_X: Xen's \(GrantMapping\) under Debug \(2005 layout\) \|");
    }

    [Fact]
    public void AGuestWithoutSoftwareBits_SaysSo()
    {
        var run = Xenpte.Run("compat", "--guest", "mini-os");

        Assert.True(run.ExitCode == 0, run.ToString());
        run.LineMatching(@"software bits\s+none");
        run.LineMatching(@"guest-unused bits\s+0x7ff0000000000e00 \(bits 9-11 and 52-62\), 14 bits");
    }

    [Fact]
    public void UnknownGuest_IsAUsageErrorThatListsTheKnownOnes()
    {
        var run = Xenpte.Run("compat", "--guest", "windows-xp");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Stdout);
        Assert.Contains("--guest 'windows-xp' is not a known guest. Known guests: linux-2.6.32, linux-4.4, linux-5.10, linux-6.12, "
            + "freebsd-10.4-amd64, freebsd-10.4-i386, netbsd-amd64, netbsd-i386, openbsd-amd64, illumos-i86xpv, mini-os.", run.Stderr);
        Assert.Contains("Run 'xenpte compat --help' for usage.", run.Stderr);
    }

    [Fact]
    public void UnknownGuest_IsQuotedEscaped()
    {
        var run = Xenpte.Run("compat", "--guest", "\u001b[31mred");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.DoesNotContain("\u001b", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--guest '\\x1b[31mred' is not a known guest", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownFormat_IsAUsageError()
    {
        var run = Xenpte.Run("compat", "--format", "html");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Stdout);
        Assert.Contains("--format 'html' is not an output format: use text or md.", run.Stderr);
    }

    [Fact]
    public void TheRootHelpListsCompat()
    {
        var run = Xenpte.Run("--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        run.LineMatching(@"\s+compat\s+Print which guest kernels' software bits collide with Xen.*");
    }
}
