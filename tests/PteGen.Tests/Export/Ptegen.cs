using System.Diagnostics;
using System.Text;

namespace PteGen.Tests.Export;

/// <summary>What one run of <c>ptegen</c> produced.</summary>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="Stdout">Standard output, with <c>\n</c> line ends.</param>
/// <param name="Stderr">Standard error, with <c>\n</c> line ends.</param>
internal sealed record PtegenRun(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}--- stderr\n{Stderr}";
}

/// <summary>
/// Runs the real, built <c>ptegen</c> (src/PteGen.Tool, referenced by this project so it is built and copied next to the
/// tests) as a separate process: <c>dotnet PteGen.Tool.dll ...</c>.
/// </summary>
internal static class Ptegen
{
    private static readonly Lazy<string> s_toolPath = new(FindTool);

    /// <summary>The tool's assembly, next to the tests.</summary>
    public static string ToolPath => s_toolPath.Value;

    /// <summary>Runs <c>ptegen</c> with <paramref name="args"/> in <paramref name="workingDirectory"/> (default: the test folder).</summary>
    public static PtegenRun Run(params string[] args) => RunIn(AppContext.BaseDirectory, args);

    public static PtegenRun RunIn(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(ToolPath);
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        // Messages from System.CommandLine are localized: keep them in English.
        start.Environment["LANG"] = "C";
        start.Environment["LC_ALL"] = "C";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start ptegen.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"ptegen {string.Join(' ', args)} did not finish within 120 s.");
        }

        process.WaitForExit();
        return new PtegenRun(process.ExitCode, stdout.Result.Replace("\r\n", "\n"), stderr.Result.Replace("\r\n", "\n"));
    }

    /// <summary>Runs <c>ptegen</c>, asserts it succeeded without a word on standard error, and returns its standard output.</summary>
    public static string Succeed(params string[] args)
    {
        var run = Run(args);
        Assert.True(run.ExitCode == 0 && run.Stderr.Length == 0, $"ptegen {string.Join(' ', args)} failed:\n{run}");
        return run.Stdout;
    }

    private static string DotnetHost()
    {
        // Set by the .NET SDK for the processes it starts (dotnet test); otherwise the dotnet on the PATH.
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }

    private static string FindTool()
    {
        // The project reference copies PteGen.Tool.dll, its runtimeconfig and deps next to the tests.
        var local = Path.Combine(AppContext.BaseDirectory, "PteGen.Tool.dll");
        if (File.Exists(local) && File.Exists(Path.Combine(AppContext.BaseDirectory, "PteGen.Tool.runtimeconfig.json")))
        {
            return local;
        }

        throw new FileNotFoundException($"PteGen.Tool.dll (with its runtimeconfig) was not found next to the tests ({AppContext.BaseDirectory}).");
    }
}
