namespace PteGen.Tests.Tool;

/// <summary>
/// <c>xenpte negotiate</c>, run as a process. Expected bits follow docs/xen-pv-abi.md §5 and the NegotiatedL1e declaration: required
/// claims first, each taking its home bit (52, 62) when the guest left it unused, else the lowest candidate.
/// </summary>
public class NegotiateToolTests
{
    [Fact]
    public void BothHomeBitsUnusedGivesTodaysAbi()
    {
        var run = Xenpte.Run("negotiate", "0x4010000000000000", "--config", "Debug");

        Assert.True(run.ExitCode == 0, run.ToString());
        run.LineMatching(@"configuration\s+Debug");
        run.LineMatching(@"guest-unused bits\s+0x4010000000000000 \(bits 52 and 62\)");
        run.LineMatching(@"GuestKernel\s+GuestKernel\s+required\s+52\s+bit 52 \(home\)");
        run.LineMatching(@"GrantMapping\s+GrantMapping\s+optional\s+62\s+bit 62 \(home\)");
        run.LineMatching(@"Xen takes\s+0x4010000000000000 \(bits 52 and 62\)");
        run.LineMatching(@"disabled features\s+none");
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void OneBitLeftMovesTheKernelMarkerAndDisablesTheGrantMarker()
    {
        var run = Xenpte.Run("negotiate", "0x0400000000000000", "--config", "Debug");

        Assert.True(run.ExitCode == 0, run.ToString());
        run.LineMatching(@"GuestKernel\s+GuestKernel\s+required\s+52\s+bit 58 \(moved\)");
        run.LineMatching(@"GrantMapping\s+GrantMapping\s+optional\s+62\s+disabled \(no bit left\)");
        run.LineMatching(@"disabled features\s+GrantMapping");
    }

    [Fact]
    public void ReleaseBuildHasNoGrantMarkerToPlace()
    {
        var run = Xenpte.Run("negotiate", "0x4010000000000000");

        Assert.True(run.ExitCode == 0, run.ToString());
        run.LineMatching(@"configuration\s+None \(the default without --config.*\)");
        run.LineMatching(@"GuestKernel\s+GuestKernel\s+required\s+52\s+bit 52 \(home\)");
        run.LineMatching(@"GrantMapping\s+GrantMapping\s+optional\s+62\s+not claimed under None");
        run.LineMatching(@"Xen takes\s+0x0010000000000000 \(bit 52\)");
        run.LineMatching(@"disabled features\s+none");
    }

    [Fact]
    public void NoUnusedBitFailsWithANonZeroExitCode()
    {
        var run = Xenpte.Run("negotiate", "0", "--config", "Debug");

        Assert.True(run.ExitCode == 1, run.ToString());
        run.LineMatching(@"GuestKernel\s+GuestKernel\s+required\s+52\s+no bit");
        Assert.Contains("negotiation failed", run.Stderr);
        Assert.Contains("GuestKernel", run.Stderr);
    }

    [Fact]
    public void BitsThatAreNotTheGuestsAreIgnored()
    {
        // Bits 0 and 12 are hardware bits: a guest cannot give them away.
        var run = Xenpte.Run("negotiate", "0x1001");

        Assert.True(run.ExitCode == 1, run.ToString());
        run.LineMatching(@"ignored\s+0x0000000000001001 \(bits 0 and 12\).*");
    }

    [LinuxFact]
    public void AFailureIsReportedAfterTheTableItExplains()
    {
        // Standard error joined to standard output: the table comes first, as on a terminal.
        var run = Xenpte.RunWithRedirections("", "2>&1", "negotiate", "0", "--config", "Debug");

        Assert.True(run.ExitCode == 1, run.ToString());
        var lines = run.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal("result             failed", lines[^2]);
        Assert.StartsWith("xenpte negotiate: negotiation failed:", lines[^1]);
    }
}
