namespace PteGen.Tests.Tool;

/// <summary>
/// <c>xenpte adjust</c>, run as a process. Every expected entry is written out from docs/xen-pv-abi.md §1 (Xen's
/// <c>adjust_guest_l1e</c> and its siblings), not computed with the library.
/// </summary>
public class AdjustToolTests
{
    // The entries of the L1 walk-through (see the comments in the expected output below).
    private const string L1Input =
        "0x0000000012345001\n" + // present kernel mapping (no User)
        "0x0000000012345007\n" + // present user mapping (User, RW)
        "0x0000000012345006\n" + // not present
        "0x8010000000000005\n" + // User and bit 52: a kernel entry, no Global added
        "0x0000000000000101\n" + // kernel entry with Global but without bit 52: keeps Global, no warning
        "0x0010000000000101\n";  // bit 52 and Global on input: the debug warning

    [Fact]
    public void L1ReleaseBuildAdjustsEachLineInTheExactFormat()
    {
        var run = Xenpte.RunWithInput(L1Input, "adjust");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            "0x0010000012345005\n" + // + GuestKernel(52) | User
            "0x0000000012345107\n" + // + Global | User
            "0x0000000012345006\n" + // unchanged
            "0x8010000000000005\n" + // unchanged
            "0x0010000000000105\n" + // + GuestKernel | User, Global kept
            "0x0010000000000105\n",  // + User; no "warn" without Debug
            run.Stdout);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void L1DebugBuildMarksTheWarningOnTheEntryWithBit52AndGlobal()
    {
        var run = Xenpte.RunWithInput(L1Input, "adjust", "--config", "Debug");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            "0x0010000012345005\n" +
            "0x0000000012345107\n" +
            "0x0000000012345006\n" +
            "0x8010000000000005\n" +
            "0x0010000000000105\n" +     // Global without bit 52 on input: no warning
            "0x0010000000000105 warn\n", // the warning looks at the input: bit 52 and Global
            run.Stdout);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void TheSameEntryWithoutDebugHasNoWarn()
    {
        Assert.Equal("0x0010000000000105 warn\n", Xenpte.RunWithInput("0x0010000000000101\n", "adjust", "--config", "Debug").Stdout);
        Assert.Equal("0x0010000000000105\n", Xenpte.RunWithInput("0x0010000000000101\n", "adjust").Stdout);
        Assert.Equal("0x0010000000000105\n", Xenpte.RunWithInput("0x0010000000000101\n", "adjust", "--config", "None").Stdout);
        Assert.Equal("0x0010000000000105\n", Xenpte.RunWithInput("0x0010000000000101\n", "adjust", "--config", "Pke").Stdout);
    }

    [Fact]
    public void Pv32EntriesAreNeverAdjustedAtLevel1()
    {
        var run = Xenpte.RunWithInput(L1Input, "adjust", "--domain", "pv32", "--config", "Debug");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            "0x0000000012345001\n" +
            "0x0000000012345007\n" +
            "0x0000000012345006\n" +
            "0x8010000000000005\n" +
            "0x0000000000000101\n" +
            "0x0010000000000101\n", // no warning either: compat entries are not looked at
            run.Stdout);
    }

    [Fact]
    public void AcceptsHexWithOrWithoutPrefixAndPrintsSixteenLowercaseDigits()
    {
        var run = Xenpte.RunWithInput("1\n0X7\n  0xABCDEF000  \n0x0000000000000000\n", "adjust");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            "0x0010000000000005\n" +
            "0x0000000000000107\n" +
            "0x0000000abcdef000\n" +
            "0x0000000000000000\n",
            run.Stdout);
    }

    [Fact]
    public void BlankLinesAreSkipped()
    {
        var run = Xenpte.RunWithInput("\n0x1\n   \n\t\n\n0x7\n\n", "adjust");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("0x0010000000000005\n0x0000000000000107\n", run.Stdout);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void EmptyInputPrintsNothing()
    {
        var run = Xenpte.RunWithInput("", "adjust");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void BadLinesAreReportedWithTheirLineNumbersAndTheGoodLinesStillPrinted()
    {
        // Line 3 is blank (and counted), lines 2 and 4 are bad.
        var run = Xenpte.RunWithInput("0x1\nzz\n\n0x12345678901234567\n0x7\n", "adjust");

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Equal("0x0010000000000005\n0x0000000000000107\n", run.Stdout);
        Assert.Contains("line 2", run.Stderr);
        Assert.Contains("'zz'", run.Stderr);
        Assert.Contains("line 4", run.Stderr);
        Assert.Contains("'0x12345678901234567'", run.Stderr);
        Assert.DoesNotContain("line 1:", run.Stderr);
        Assert.DoesNotContain("line 3", run.Stderr);
        Assert.DoesNotContain("line 5", run.Stderr);
    }

    [Theory]
    [InlineData("00000000000000001")] // 17 digits, even though the value would fit
    [InlineData("0x10000000000000000")] // 17 digits after 0x
    public void SeventeenDigitsAreRejected(string line)
    {
        var run = Xenpte.RunWithInput($"0x1\n{line}\n", "adjust");

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Equal("0x0010000000000005\n", run.Stdout);
        Assert.Contains($"line 2: bad entry '{line}'", run.Stderr);
        Assert.Contains("16", run.Stderr);
    }

    [Theory]
    [InlineData("0x")]
    [InlineData("0x12 34")]
    [InlineData("-1")]
    [InlineData("0x1g")]
    [InlineData("12345067h")]
    public void NonHexLinesAreRejected(string line)
    {
        var run = Xenpte.RunWithInput($"{line}\n0x7\n", "adjust");

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Equal("0x0000000000000107\n", run.Stdout);
        Assert.Contains($"line 1: bad entry '{line}'", run.Stderr);
    }

    [Theory]
    // adjust_guest_l2e: User on present entries of 64-bit PV domains.
    [InlineData("2", "pv64", "0x0000000012345001", "0x0000000012345005")]
    [InlineData("2", "pv32", "0x0000000012345001", "0x0000000012345001")]
    [InlineData("2", "pv64", "0x0000000012345000", "0x0000000012345000")]
    // adjust_guest_l3e: User on present entries, User | RW for 32-bit PV.
    [InlineData("3", "pv64", "0x0000000012345001", "0x0000000012345005")]
    [InlineData("3", "pv32", "0x0000000012345001", "0x0000000012345007")]
    [InlineData("3", "pv32", "0x0000000012345000", "0x0000000012345000")]
    // adjust_guest_l4e: Accessed on every present entry, and User for 64-bit PV.
    [InlineData("4", "pv64", "0x0000000012345001", "0x0000000012345025")]
    [InlineData("4", "pv32", "0x0000000012345001", "0x0000000012345021")]
    [InlineData("4", "pv64", "0x0000000012345000", "0x0000000012345000")]
    public void UpperLevelsFollowTheirSiblingFixups(string level, string domain, string input, string expected)
    {
        var run = Xenpte.RunWithInput(input + "\n", "adjust", "--level", level, "--domain", domain, "--config", "Debug");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(expected + "\n", run.Stdout); // never " warn" above level 1
    }

    [Fact]
    public void NoWarnAboveLevel1EvenUnderDebug()
    {
        var run = Xenpte.RunWithInput("0x0010000000000101\n", "adjust", "--level", "2", "--config", "Debug");

        Assert.Equal("0x0010000000000105\n", run.Stdout);
    }

    /// <summary>
    /// Every row of the L1 truth table (docs/xen-pv-abi.md §1, written out in <see cref="Fixups.AdjustGuestL1eTableTests.Table"/>)
    /// on every background of other bits, through the tool: one process per domain kind and configuration, one line
    /// per entry, the exact output and warning of each.
    /// </summary>
    [Theory]
    [InlineData("pv64", "None")]
    [InlineData("pv64", "Debug")]
    [InlineData("pv64", "Pke")]
    [InlineData("pv32", "None")]
    [InlineData("pv32", "Debug")]
    [InlineData("pv32", "Pke")]
    public void L1AgreesWithTheTruthTableOnEveryRowAndBackground(string domain, string config)
    {
        var kind = domain == "pv64" ? PteGen.PvDomainKind.Pv64 : PteGen.PvDomainKind.Pv32;
        var configuration = Enum.Parse<XenPv.XenConfig>(config);
        var input = new System.Text.StringBuilder();
        var expected = new System.Text.StringBuilder();
        foreach (var row in Fixups.AdjustGuestL1eTableTests.Table.Where(row => row.Kind == kind))
        {
            foreach (var background in Fixups.AdjustGuestL1eTableTests.Backgrounds)
            {
                input.Append(Fixups.Bits.Hex(row.Input | background)).Append('\n');
                expected.Append(Fixups.Bits.Hex(row.Output | background))
                    .Append(row.WarnsUnder(configuration) ? " warn" : "")
                    .Append('\n');
            }
        }

        var run = Xenpte.RunWithInput(input.ToString(), "adjust", "--domain", domain, "--config", config);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(expected.ToString(), run.Stdout);
        Assert.Equal("", run.Stderr);
    }
}
