namespace PteGen.Tests.Tool;

/// <summary>
/// <c>xenpte</c> when a standard stream fails: standard input a directory, standard output a full disk or closed. One
/// line on standard error naming the stream and the reason, exit code 3, never a stack trace.
/// </summary>
public class IoToolTests
{
    [LinuxFact]
    public void AdjustWithADirectoryAsInputSaysSoInOneLine()
    {
        var run = Xenpte.RunWithRedirections("", "< /", "adjust");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal("xenpte adjust: cannot read standard input: Is a directory.\n", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [LinuxFact]
    public void DecodeDoesNotReadItsInputSoADirectoryThereIsHarmless()
    {
        var run = Xenpte.RunWithRedirections("", "< /", "decode", "0x1");

        Assert.True(run.ExitCode == 0, run.ToString());
        run.LineMatching(@"entry\s+0x0000000000000001");
        Assert.Equal("", run.Stderr);
    }

    public static TheoryData<string, string[]> Commands => new()
    {
        { "xenpte decode", new[] { "decode", "0x8010000012345067" } },
        { "xenpte layout", new[] { "layout" } },
        { "xenpte negotiate", new[] { "negotiate", "0x4010000000000000" } },
        { "xenpte adjust", new[] { "adjust" } },
        { "xenpte", new[] { "--help" } },
        { "xenpte decode", new[] { "decode", "--help" } },
    };

    [LinuxTheory]
    [MemberData(nameof(Commands))]
    public void AFullStandardOutputIsOneErrorLine(string name, string[] args)
    {
        var run = Xenpte.RunWithRedirections("0x1\n", "> /dev/full", args);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal($"{name}: cannot write standard output: No space left on device.\n", run.Stderr);
    }

    [LinuxTheory]
    [MemberData(nameof(Commands))]
    public void AClosedStandardOutputIsOneErrorLine(string name, string[] args)
    {
        var run = Xenpte.RunWithRedirections("0x1\n", ">&-", args);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal($"{name}: cannot write standard output: Bad file descriptor.\n", run.Stderr);
    }

    [LinuxTheory]
    [MemberData(nameof(Commands))]
    public void TheSameCommandsSucceedWhenStandardOutputCanBeWritten(string name, string[] args)
    {
        var run = Xenpte.RunWithRedirections("0x1\n", "> /dev/null", args);

        Assert.True(run.ExitCode == 0, $"{name}: {run}");
        Assert.Equal("", run.Stderr);
    }

    [LinuxFact]
    public void AFullStandardErrorStillEndsWithTheIoCode()
    {
        // The bad line cannot be reported: the exit code says that something failed, and nothing crashes.
        var run = Xenpte.RunWithRedirections("zz\n0x7\n", "2> /dev/full", "adjust");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal("", run.Stderr);
    }

    [LinuxFact]
    public void AFullStandardErrorOnAUsageErrorStillEndsWithTheIoCode()
    {
        var run = Xenpte.RunWithRedirections("", "2> /dev/full", "layout", "--level", "abc");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal("", run.Stdout);
    }
}
