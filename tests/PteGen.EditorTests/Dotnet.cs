using System.Diagnostics;
using System.Text;

namespace PteGen.EditorTests;

/// <summary>Child <c>dotnet</c> processes, isolated from the test host's MSBuild environment.</summary>
internal static class Dotnet
{
    /// <summary>The same <c>dotnet</c> that runs the tests, when the test host says which one that is.</summary>
    private static string Executable { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>
    /// No telemetry or banners, English messages, and no build server (MSBuild node or compiler server) that could
    /// outlive the test.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, string> ChildEnvironment = new Dictionary<string, string>
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        ["DOTNET_CLI_UI_LANGUAGE"] = "en-US",
        ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["UseSharedCompilation"] = "false",
    };

    public static ProcessStartInfo StartInfo(string workingDirectory, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // `dotnet test` runs the tests in a host that may carry the outer build's MSBuild variables
        // (MSBuildExtensionsPath, MSBuildSDKsPath, MSBUILD_EXE_PATH): the server's MSBuild must find its own.
        foreach (var name in start.Environment.Keys.Where(key => key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in ChildEnvironment)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>Runs <c>dotnet</c> to completion; fails with its output when it exits non-zero or takes too long.</summary>
    public static async Task RunAsync(string workingDirectory, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var start = StartInfo(workingDirectory, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var command = "dotnet " + string.Join(' ', arguments);
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{command}' took more than {timeout.TotalSeconds:F0} s:\n{Text(output)}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{command}' exited with {process.ExitCode}:\n{Text(output)}");
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
