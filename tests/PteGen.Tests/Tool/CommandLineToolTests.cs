namespace PteGen.Tests.Tool;

/// <summary><c>xenpte</c>'s command line: help on every command, and the errors for bad options.</summary>
public class CommandLineToolTests
{
    [Fact]
    public void RootHelpListsEveryCommand()
    {
        var run = Xenpte.Run("--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Usage:", run.Stdout);
        foreach (var command in new[] { "decode", "adjust", "layout", "negotiate" })
        {
            run.LineMatching($@"\s+{command}\b.*");
        }

        run.LineMatching(@"\s+xenpte \[command\] \[options\]");
    }

    [Theory]
    [InlineData("decode", "<entry>", "--level", "--config")]
    [InlineData("adjust", "--domain", "--level", "--config")]
    [InlineData("layout", "--level", "--config", "--help")]
    [InlineData("negotiate", "<guest-unused-bits>", "--config", "--help")]
    public void EveryCommandHasHelp(string command, string first, string second, string third)
    {
        var run = Xenpte.Run(command, "--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Usage:", run.Stdout);
        Assert.Contains($"xenpte {command}", run.Stdout);
        Assert.Contains(first, run.Stdout);
        Assert.Contains(second, run.Stdout);
        Assert.Contains(third, run.Stdout);
        Assert.DoesNotContain("additional arguments", run.Stdout); // stray tokens are errors, not arguments
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void HelpShowsTheDefaults()
    {
        var run = Xenpte.Run("adjust", "--help");

        run.LineMatching(@".*--level.*\[default: 1\]");
        run.LineMatching(@".*--domain <pv32\|pv64>.*\[default: pv64\]");
    }

    public static TheoryData<string[]> Commands => new()
    {
        new[] { "decode", "0x1" },
        new[] { "adjust" },
        new[] { "layout" },
        new[] { "negotiate", "0x4010000000000000" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void UnknownConfigNameIsAnErrorNamingTheValidSwitches(string[] command)
    {
        var run = Xenpte.RunWithInput("0x1\n", [.. command, "--config", "Nx"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("'Nx' is not a Xen configuration switch", run.Stderr);
        Assert.Contains("Valid switches: Debug, Pke", run.Stderr);
        Assert.Equal("", run.Stdout); // nothing ran
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void DebugWithPkeIsAnInvalidCombination(string[] command)
    {
        var run = Xenpte.RunWithInput("0x1\n", [.. command, "--config", "Debug,Pke"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("Debug|Pke is not a valid configuration", run.Stderr);
        Assert.Contains("Valid switches: Debug, Pke", run.Stderr);
        Assert.Contains("valid configurations: None, Debug, Pke", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Theory]
    [InlineData("debug")]
    [InlineData("DEBUG")]
    [InlineData("None")]
    [InlineData("Pke")]
    public void ConfigNamesAreCaseInsensitive(string config)
    {
        Assert.Equal(0, Xenpte.Run("layout", "--config", config).ExitCode);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("5")]
    public void LevelIsOneToFour(string level)
    {
        var run = Xenpte.Run("layout", "--level", level);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"--level '{level}' is not a paging level: use 1, 2, 3 or 4.", run.Stderr);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("99999999999")] // more than an int holds
    [InlineData("1.5")]
    [InlineData("+1")]
    [InlineData("-1")]
    [InlineData("")]
    [InlineData("\u0662")] // ARABIC-INDIC DIGIT TWO: a digit, not an ASCII one
    public void ALevelThatIsNotANumberIsAUsageErrorNotACrash(string level)
    {
        foreach (var command in new[] { new[] { "decode", "0x1" }, new[] { "layout" } })
        {
            var run = Xenpte.RunWithInput("0x1\n", [.. command, "--level", level]);

            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.Equal($"--level '{level}' is not a paging level: use 1, 2, 3 or 4.\n\nRun 'xenpte {command[0]} --help' for usage.\n", run.Stderr);
            Assert.Equal("", run.Stdout);
        }

        var adjust = Xenpte.RunWithInput("0x1\n", "adjust", "--level", level);
        Assert.True(adjust.ExitCode == 2, adjust.ToString());
        Assert.Contains($"--level '{level}' is not a paging level", adjust.Stderr);
    }

    [Theory]
    [InlineData("02", "2")]
    [InlineData(" 3 ", "3")]
    [InlineData("0004", "4")]
    public void ALevelMayHaveLeadingZerosAndSurroundingSpace(string level, string expected)
    {
        var run = Xenpte.Run("layout", "--level", level);

        Assert.True(run.ExitCode == 0, run.ToString());
        run.LineMatching($@"L{expected}e \(level {expected}\), every valid configuration: None, Debug, Pke");
    }

    [Fact]
    public void ALevelWithoutAValueIsAUsageError()
    {
        var run = Xenpte.Run("layout", "--level");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--level", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void DomainIsPv64OrPv32()
    {
        var run = Xenpte.RunWithInput("0x1\n", "adjust", "--domain", "hvm");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--domain 'hvm' is not a PV domain kind: use pv64 or pv32.", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Theory]
    [InlineData("PV32")]
    [InlineData("pv32")]
    public void DomainNamesAreCaseInsensitive(string domain)
    {
        var run = Xenpte.RunWithInput("0x0000000012345001\n", "adjust", "--level", "3", "--domain", domain);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("0x0000000012345007\n", run.Stdout); // User | RW: the 32-bit fixup
    }

    public static TheoryData<string[]> Mistakes => new()
    {
        new[] { "decod" },
        new[] { "decode" },
        new[] { "decode", "0x1", "0x2" },
        new[] { "decode", "zz" },
        new[] { "decode", "" },
        new[] { "decode", "0x1", "--bogus" },
        new[] { "adjust", "--level", "9" },
        new[] { "adjust", "--domain", "hvm" },
        new[] { "layout", "--config", "Nx" },
        new[] { "layout", "--level", "1", "--level", "2" },
        new[] { "negotiate" },
        new[] { "[suggest:abc]", "dec" }, // System.CommandLine's completion directive threw on these
        new[] { "[suggest:99999999999]", "dec" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void EveryCommandLineMistakeExitsWithTheUsageCodeAndNoStackTrace(string[] args)
    {
        var run = Xenpte.RunWithInput("0x1\n", args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Stdout);
        Assert.DoesNotContain("exception", run.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.Matches(@"Run 'xenpte( \w+)? --help' for usage", run.Stderr);
    }

    [Theory]
    [InlineData("decode", "0x1", "\u001b[2J")]
    [InlineData("decode", "\u001b]0;title\u0007")]
    [InlineData("layout", "--config", "\u001b[31mDebug")]
    [InlineData("adjust", "--domain", "\u001b[31mpv64")]
    [InlineData("layout", "--level", "\u001b[5m1")]
    [InlineData("negotiate", "\u009b2J")]
    public void ControlCharactersOnTheCommandLineAreEscapedInErrors(params string[] args)
    {
        var run = Xenpte.RunWithInput("", args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.DoesNotMatch(@"[\u0000-\u0009\u000b-\u001f\u007f-\u009f]", run.Stderr);
        Assert.Matches(@"\\x(1b|9b)", run.Stderr);
    }

    [Fact]
    public void AHugeArgumentIsQuotedByItsStartAndLength()
    {
        var entry = "0x" + new string('0', 100_000) + "g";
        var run = Xenpte.Run("decode", entry);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"'0x{new string('0', 62)}'... (100003 characters) is not a hex value: 'g' is not a hex digit", run.Stderr);
        Assert.True(run.Stderr.Length < 1000, $"{run.Stderr.Length} characters of errors");
    }

    [Fact]
    public void AnAtSignIsAnArgumentNotAResponseFile()
    {
        // A response file would be read whole, whatever it is (a directory crashed the tool; /dev/zero filled memory).
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "0x7 --level 2");
            var run = Xenpte.Run("decode", "@" + file);

            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.Contains($"'@{file}' is not a hex value: '@' is not a hex digit", run.Stderr);
            Assert.Equal("", run.Stdout);

            // Its twin: the same words on the command line itself.
            Xenpte.Run("decode", "0x7", "--level", "2").LineMatching(@"layout\s+L2e \(level 2\)");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void HelpStillRunsWithStrayTokensAfterIt()
    {
        var run = Xenpte.Run("decode", "--help", "extra");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("xenpte decode", run.Stdout);
    }

    [Fact]
    public void NoCommandIsAnError()
    {
        Assert.Equal(2, Xenpte.Run().ExitCode);
    }
}
