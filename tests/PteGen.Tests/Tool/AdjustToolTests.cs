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

        Assert.True(run.ExitCode == 1, run.ToString());
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
    [InlineData("00000000000000001", "0x0010000000000005")] // 17 digits, the extra one a leading zero
    [InlineData("0x00000000000000001", "0x0010000000000005")]
    [InlineData("0X0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000007", "0x0000000000000107")]
    [InlineData("0x00008010000012345067", "0x8010000012345067")]
    [InlineData("0000", "0x0000000000000000")]
    public void LeadingZerosAreAccepted(string line, string expected)
    {
        var run = Xenpte.RunWithInput($"{line}\n", "adjust");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(expected + "\n", run.Stdout);
        Assert.Equal("", run.Stderr);
    }

    [Theory]
    [InlineData("0x10000000000000000", 17)] // 2^64
    [InlineData("00000fffffffffffffffff", 17)]
    [InlineData("0x12345678901234567890", 20)]
    public void ValuesThatDoNotFitIn64BitsAreRejected(string line, int significantDigits)
    {
        var run = Xenpte.RunWithInput($"0x1\n{line}\n", "adjust");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("0x0010000000000005\n", run.Stdout);
        Assert.Contains($"line 2: bad entry '{line}': the value does not fit in 64 bits: {significantDigits} hex digits after the leading zeros, more than 16", run.Stderr);
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

        Assert.True(run.ExitCode == 1, run.ToString());
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

    [Fact]
    public void ALineLongerThanTheBoundIsABadLineAndTheNextLineIsRead()
    {
        // 5,001 characters: a valid entry (leading zeros), but past the 4,096 characters the tool reads of a line.
        var longLine = new string('0', 5000) + "7";
        var run = Xenpte.RunWithInput($"0x1\n{longLine}\n0x7\n", "adjust");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("0x0010000000000005\n0x0000000000000107\n", run.Stdout);
        Assert.Equal(
            $"xenpte adjust: line 2: bad entry '{new string('0', 64)}'... (5001 characters): longer than the 4096 characters a line may have.\n" +
            "xenpte adjust: 1 bad line skipped.\n",
            run.Stderr);
    }

    [Fact]
    public void ALineOfExactlyTheBoundIsRead()
    {
        var line = "0x" + new string('0', 4093) + "7";
        var run = Xenpte.RunWithInput($"{line}\n", "adjust");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("0x0000000000000107\n", run.Stdout);
    }

    [Fact]
    public void ALongBadLineIsEchoedByItsStartAndLength()
    {
        var line = "0x" + new string('1', 200) + "z";
        var run = Xenpte.RunWithInput($"{line}\n", "adjust");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"line 1: bad entry '0x{new string('1', 62)}'... (203 characters): 'z' is not a hex digit", run.Stderr);
    }

    [Fact]
    public void AHundredMegabyteLineIsReadInBoundedMemoryAndEchoedShort()
    {
        // Under a 16 MB GC heap: reading the line whole (it is 200 MB as a string) runs out of memory.
        const int length = 100 * 1024 * 1024;
        var run = Xenpte.RunWithInput(
            input =>
            {
                var zeros = new byte[1 << 16];
                Array.Fill(zeros, (byte)'0');
                input.Write("0x1\n"u8);
                for (var written = 0; written < length; written += zeros.Length)
                {
                    input.Write(zeros, 0, Math.Min(zeros.Length, length - written));
                }

                input.Write("7\n0x7\n"u8);
            },
            new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x1000000" },
            "adjust");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("0x0010000000000005\n0x0000000000000107\n", run.Stdout);
        Assert.Equal(
            $"xenpte adjust: line 2: bad entry '{new string('0', 64)}'... ({length + 1} characters): longer than the 4096 characters a line may have.\n" +
            "xenpte adjust: 1 bad line skipped.\n",
            run.Stderr);
    }

    [Theory]
    [InlineData("\u001b[31mred", @"'\x1b[31mred': '\x1b' is not a hex digit")]
    [InlineData("\u001b]0;owned\u0007", @"'\x1b]0;owned\x07': '\x1b' is not a hex digit")]
    [InlineData("0x1\u0000", @"'0x1\x00': '\x00' is not a hex digit")] // a NUL byte
    [InlineData("0x1\u007f", @"'0x1\x7f': '\x7f' is not a hex digit")]
    [InlineData("\u009b2J", @"'\x9b2J': '\x9b' is not a hex digit")] // C1 CSI, as UTF-8
    [InlineData("\u202e0x1", @"'\u202e0x1': '\u202e' is not a hex digit")] // right-to-left override
    [InlineData("0x1\u000b2", @"'0x1\x0b2': white space inside the number")] // a vertical tab
    [InlineData("0x\\1", @"'0x\\1': '\\' is not a hex digit")]
    public void ControlCharactersInABadLineAreEscaped(string line, string expected)
    {
        var run = Xenpte.RunWithInput($"{line}\n0x7\n", "adjust");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("0x0000000000000107\n", run.Stdout);
        Assert.Contains($"xenpte adjust: line 1: bad entry {expected}", run.Stderr);
        Assert.DoesNotMatch(@"[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]", run.Stderr);
    }

    [Fact]
    public void PrintableTextOutsideAsciiIsEchoedAsTyped()
    {
        var run = Xenpte.RunWithInput("0xcaf\u00e9\n", "adjust");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("line 1: bad entry '0xcaf\u00e9': '\u00e9' is not a hex digit", run.Stderr);
    }

    [Fact]
    public void BytesThatAreNotUtf8MakeABadLine()
    {
        var run = Xenpte.RunWithInput(input => input.Write([(byte)'0', (byte)'x', 0xff, (byte)'\n', (byte)'7', (byte)'\n']), new Dictionary<string, string>(), "adjust");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("0x0000000000000107\n", run.Stdout);
        Assert.Contains("line 1: bad entry '0x\ufffd': '\ufffd' is not a hex digit", run.Stderr);
    }

    [Fact]
    public void CrLfAndCrEndLinesAsLfDoes()
    {
        var run = Xenpte.RunWithInput("0x1\r\n0x7\r\n\r\nzz\r\n0x1\r0x7\r\n", "adjust");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("0x0010000000000005\n0x0000000000000107\n0x0010000000000005\n0x0000000000000107\n", run.Stdout);
        Assert.Contains("xenpte adjust: line 4: bad entry 'zz'", run.Stderr); // the blank line 3 is counted, "\r\n" once
        Assert.DoesNotContain("\\r", run.Stderr);
    }

    [Fact]
    public void AByteOrderMarkAtTheStartIsSkipped()
    {
        var run = Xenpte.RunWithInput("\ufeff0x1\n0x7\n", "adjust");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("0x0010000000000005\n0x0000000000000107\n", run.Stdout);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void AByteOrderMarkElsewhereIsABadCharacter()
    {
        var run = Xenpte.RunWithInput("0x1\n\ufeff0x7\n", "adjust");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("0x0010000000000005\n", run.Stdout);
        Assert.Contains(@"line 2: bad entry '\ufeff0x7': '\ufeff' is not a hex digit", run.Stderr);
    }

    [Fact]
    public void ALastLineWithoutALineEndIsRead()
    {
        var run = Xenpte.RunWithInput("0x1\n0x7", "adjust");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("0x0010000000000005\n0x0000000000000107\n", run.Stdout);
    }

    [Fact]
    public void AMillionLinesAreEachAdjustedInBoundedMemory()
    {
        const int lines = 1_000_000;
        var run = Xenpte.RunWithInput(
            input =>
            {
                var block = System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("0x0000000012345001\n0x7\n", 500)));
                for (var written = 0; written < lines; written += 1000)
                {
                    input.Write(block);
                }
            },
            new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x1000000" },
            "adjust");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(string.Concat(Enumerable.Repeat("0x0010000012345005\n0x0000000000000107\n", lines / 2)), run.Stdout);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void ManyBadLinesAreCountedAndNumbered()
    {
        var run = Xenpte.RunWithInput(string.Concat(Enumerable.Repeat("zz\n0x7\n", 50_000)), "adjust");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("xenpte adjust: line 99999: bad entry 'zz'", run.Stderr);
        Assert.EndsWith("xenpte adjust: 50000 bad lines skipped.\n", run.Stderr);
        Assert.Equal(50_000, run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
