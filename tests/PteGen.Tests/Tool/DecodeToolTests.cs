namespace PteGen.Tests.Tool;

/// <summary><c>xenpte decode</c>, run as a process.</summary>
public class DecodeToolTests
{
    [Fact]
    public void DecodesAKernelEntryUnderDebug()
    {
        var run = Xenpte.Run("decode", "0x8010000012345067", "--config", "Debug");

        Assert.True(run.ExitCode == 0, run.ToString());
        run.LineMatching(@"entry\s+0x8010000012345067");
        run.LineMatching(@"layout\s+L1e \(level 1\)");
        run.LineMatching(@"configuration\s+Debug");
        run.LineMatching(@"bits\s+field\s+value\s+owner\s+role");
        run.LineMatching(@"0\s+Present\s+1\s+Hardware\s+Present");
        run.LineMatching(@"2\s+User\s+1\s+Hardware\s+User");
        run.LineMatching(@"8\s+Global\s+0\s+Hardware\s+Global");
        run.LineMatching(@"address\s+0x0000000012345000 \(Frame 0x12345, bits 12-51\)");
        run.LineMatching(@"12-51\s+Frame\s+0x12345\s+Hardware\s+Frame");
        run.LineMatching(@"52\s+GuestKernel\s+1\s+XenReserved\s+GuestKernel");
        run.LineMatching(@"9-11\s+Available\s+0x0\s+GuestAvailable\s+-");
        run.LineMatching(@"62\s+GrantMapping\s+0\s+XenReserved\s+GrantMapping");
        run.LineMatching(@"63\s+NoExecute\s+1\s+Hardware\s+NoExecute");
        run.NoLineMatching(@"62\s+Software62.*");
        run.NoLineMatching(@"59-62\s+ProtectionKey.*");
        run.LineMatching(@"guest may not set: none.*");
    }

    [Fact]
    public void WithoutConfigTheConfigurationIsNoneAndSaysSo()
    {
        var run = Xenpte.Run("decode", "8010000012345067");

        Assert.True(run.ExitCode == 0, run.ToString());
        run.LineMatching(@"configuration\s+None \(the default without --config.*\)");
        run.LineMatching(@"62\s+Software62\s+0\s+GuestAvailable\s+-");
        run.NoLineMatching(@"62\s+GrantMapping.*");
    }

    [Fact]
    public void ListsTheBitsTheGuestMayNotSetWithTheirFields()
    {
        // Present, PWT and bit 62: PWT is refused in every configuration, bit 62 only in a debug build.
        var debug = Xenpte.Run("decode", "0x4000000000000009", "--config", "Debug");

        Assert.True(debug.ExitCode == 0, debug.ToString());
        debug.LineMatching(@"guest may not set: 0x4000000000000008 \(bits 3 and 62\).*");
        debug.LineMatching(@"\s+3\s+WriteThrough\s+Hardware");
        debug.LineMatching(@"\s+62\s+GrantMapping\s+XenReserved");

        var release = Xenpte.Run("decode", "0x4000000000000009");
        release.LineMatching(@"guest may not set: 0x0000000000000008 \(bit 3\).*");
        release.LineMatching(@"\s+3\s+WriteThrough\s+Hardware");
        release.NoLineMatching(@"\s+62\s+.*");
    }

    [Fact]
    public void ANonPresentEntryIsNeverChecked()
    {
        var run = Xenpte.Run("decode", "0x4000000000000008", "--config", "Debug");

        run.LineMatching(@"guest may not set: none \(the entry is not present.*");
    }

    [Fact]
    public void ProtectionKeyUnderPke()
    {
        var run = Xenpte.Run("decode", "0x2800000000000001", "--config", "Pke");

        run.LineMatching(@"59-62\s+ProtectionKey\s+0x5\s+Hardware\s+ProtectionKey");
        run.NoLineMatching(@"59-61\s+SoftwareKeyBits.*");
    }

    [Fact]
    public void UpperLevelsUseTheirOwnLayout()
    {
        // Global is refused in an L2 entry (only the L1 mask allows it).
        var run = Xenpte.Run("decode", "0x101", "--level", "2");

        Assert.True(run.ExitCode == 0, run.ToString());
        run.LineMatching(@"layout\s+L2e \(level 2\)");
        run.LineMatching(@"52-62\s+AvailableHigh\s+0x0\s+GuestAvailable\s+-");
        run.LineMatching(@"guest may not set: 0x0000000000000100 \(bit 8\).*");
        run.LineMatching(@"\s+8\s+Global\s+Hardware");

        Xenpte.Run("decode", "0x1", "--level", "4").LineMatching(@"7\s+Reserved7\s+0\s+Hardware\s+-");
    }

    [Theory]
    [InlineData("zz")]
    [InlineData("0x12345678901234567")]
    public void RejectsAnEntryThatIsNotHex(string entry)
    {
        var run = Xenpte.Run("decode", entry);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"'{entry}'", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Theory]
    [InlineData("0x00000000000000001", "0x0000000000000001")]
    [InlineData("000000008010000012345067", "0x8010000012345067")]
    public void AcceptsLeadingZerosBeyondSixteenDigits(string entry, string expected)
    {
        var run = Xenpte.Run("decode", entry);

        Assert.True(run.ExitCode == 0, run.ToString());
        run.LineMatching($@"entry\s+{expected}");
    }

    [Fact]
    public void RejectsAValueThatDoesNotFitIn64Bits()
    {
        var run = Xenpte.Run("decode", "0x10000000000000000");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("'0x10000000000000000' is not a hex value: the value does not fit in 64 bits: 17 hex digits after the leading zeros, more than 16", run.Stderr);
        Assert.Equal("", run.Stdout);
    }
}
