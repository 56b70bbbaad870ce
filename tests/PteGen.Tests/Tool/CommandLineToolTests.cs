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

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Contains("'Nx' is not a Xen configuration switch", run.Stderr);
        Assert.Contains("Valid switches: Debug, Pke", run.Stderr);
        Assert.Equal("", run.Stdout); // nothing ran
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void DebugWithPkeIsAnInvalidCombination(string[] command)
    {
        var run = Xenpte.RunWithInput("0x1\n", [.. command, "--config", "Debug,Pke"]);

        Assert.True(run.ExitCode != 0, run.ToString());
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

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Contains($"--level {level} is not a paging level", run.Stderr);
    }

    [Fact]
    public void DomainIsPv64OrPv32()
    {
        var run = Xenpte.RunWithInput("0x1\n", "adjust", "--domain", "hvm");

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Contains("hvm", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void NoCommandIsAnError()
    {
        Assert.NotEqual(0, Xenpte.Run().ExitCode);
    }
}
