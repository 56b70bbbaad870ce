using System.Diagnostics;
using System.Text;

namespace PteGen.IntegrationTests.Infrastructure;

/// <summary>What one child <c>dotnet</c> process did: its command line, exit code, standard output and error.</summary>
/// <param name="CommandLine">The command as a person would type it.</param>
/// <param name="WorkingDirectory">Where it ran.</param>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Output">Standard output and standard error, interleaved in arrival order.</param>
/// <param name="Elapsed">The wall-clock time.</param>
public sealed record CommandResult(string CommandLine, string WorkingDirectory, int ExitCode, string Output, TimeSpan Elapsed)
{
    /// <summary>The non-empty output lines, trimmed.</summary>
    public IReadOnlyList<string> Lines { get; } =
        Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The distinct MSBuild-format diagnostics in the output (the build summary repeats them).</summary>
    public IReadOnlyList<BuildDiagnostic> Diagnostics => BuildDiagnostic.Parse(Lines);

    /// <summary>The command, its result and its whole output, for assertion messages and the test log.</summary>
    public override string ToString() =>
        $"$ {CommandLine}\n  (in {WorkingDirectory}; exit code {ExitCode}; {Elapsed.TotalSeconds:F1} s)\n{Output}";
}

/// <summary>Runs the real <c>dotnet</c> CLI as a child process, isolated from the test host's MSBuild environment.</summary>
public static class DotNetCli
{
    /// <summary>The same <c>dotnet</c> that runs the tests, when the test host says which one that is.</summary>
    public static string Executable { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>
    /// Variables set for every child process: no telemetry, banners or first-run work, English messages, and no build
    /// server (MSBuild node or compiler server) that could outlive the test run.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, string> CommonEnvironment = new Dictionary<string, string>
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        ["DOTNET_CLI_UI_LANGUAGE"] = "en-US",
        ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["UseSharedCompilation"] = "false",
    };

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> and captures everything it prints.</summary>
    /// <param name="workingDirectory">The working directory.</param>
    /// <param name="arguments">The arguments, passed without shell quoting.</param>
    /// <param name="environment">Extra environment variables (a <see langword="null"/> value removes one).</param>
    /// <param name="timeout">How long before the process tree is killed and a <see cref="TimeoutException"/> thrown.</param>
    /// <param name="cancellationToken">Kills the process tree when cancelled.</param>
    public static async Task<CommandResult> RunAsync(
        string workingDirectory,
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // `dotnet test` runs this code inside a test host that may carry MSBuild variables of the outer build
        // (MSBuildExtensionsPath, MSBuildSDKsPath, MSBUILD_EXE_PATH, ...): a child build must resolve its own.
        foreach (var name in start.Environment.Keys.Where(key => key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in CommonEnvironment)
        {
            start.Environment[name] = value;
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var commandLine = "dotnet " + string.Join(' ', arguments.Select(Quote));
        var output = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout ?? TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            // Only the tree this call started.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"Timed out after {stopwatch.Elapsed.TotalSeconds:F0} s: {commandLine}\n{Snapshot(output)}");
        }

        // WaitForExitAsync returns once the redirected streams are drained as well.
        stopwatch.Stop();
        return new CommandResult(commandLine, workingDirectory, process.ExitCode, Snapshot(output), stopwatch.Elapsed);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Append(line).Append('\n');
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or ';' or '|' or '&')
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
