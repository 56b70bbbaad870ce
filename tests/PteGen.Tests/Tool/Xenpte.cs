using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace PteGen.Tests.Tool;

/// <summary>What one run of <c>xenpte</c> produced.</summary>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="Stdout">Standard output, with <c>\n</c> line ends.</param>
/// <param name="Stderr">Standard error, with <c>\n</c> line ends.</param>
internal sealed record XenpteRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The lines of standard output.</summary>
    public string[] Lines => Stdout.Split('\n');

    /// <summary>Asserts that some line of standard output matches <paramref name="pattern"/> (whole line), and returns it.</summary>
    public string LineMatching(string pattern)
    {
        var regex = new Regex("^" + pattern + "$");
        var line = Lines.FirstOrDefault(regex.IsMatch);
        Assert.True(line is not null, $"No line of the output matches /^{pattern}$/. Output:\n{Stdout}\nErrors:\n{Stderr}");
        return line!;
    }

    /// <summary>Asserts that no line of standard output matches <paramref name="pattern"/> (whole line).</summary>
    public void NoLineMatching(string pattern)
    {
        var regex = new Regex("^" + pattern + "$");
        var line = Lines.FirstOrDefault(regex.IsMatch);
        Assert.True(line is null, $"The output has a line matching /^{pattern}$/: '{line}'. Output:\n{Stdout}");
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}--- stderr\n{Stderr}";
}

/// <summary>
/// Runs the real, built <c>xenpte</c> (samples/XenPv.Tool, referenced by this project so it is built and copied next to
/// the tests) as a separate process: <c>dotnet xenpte.dll ...</c>, with standard input, output and error redirected.
/// </summary>
internal static class Xenpte
{
    private static readonly Lazy<string> s_toolPath = new(FindTool);

    /// <summary>Runs <c>xenpte</c> with <paramref name="args"/>; <paramref name="stdin"/> is written and then closed.</summary>
    public static XenpteRun RunWithInput(string stdin, params string[] args) =>
        Start(DotnetHost(), [s_toolPath.Value, .. args], input => input.Write(stdin), environment: null);

    /// <summary>
    /// Runs <c>xenpte</c> with <paramref name="args"/>, its standard input written by <paramref name="writeInput"/> (in
    /// pieces, so that a huge input is never held by the test), with <paramref name="environment"/> added.
    /// </summary>
    public static XenpteRun RunWithInput(Action<Stream> writeInput, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Start(DotnetHost(), [s_toolPath.Value, .. args], input => writeInput(input.BaseStream), environment);

    /// <summary>
    /// Runs <c>xenpte</c> with <paramref name="args"/> through <c>/bin/sh</c>, with <paramref name="redirections"/>
    /// (for example <c>&lt; /</c> or <c>&gt; /dev/full</c>) applied to it: standard streams a test cannot otherwise give.
    /// <paramref name="stdin"/> is written to standard input, unless the redirections replace it.
    /// </summary>
    public static XenpteRun RunWithRedirections(string stdin, string redirections, params string[] args) =>
        Start("/bin/sh", ["-c", $"exec \"$@\" {redirections}", "sh", DotnetHost(), s_toolPath.Value, .. args], input => input.Write(stdin), environment: null);

    private static XenpteRun Start(string program, string[] arguments, Action<StreamWriter> writeInput, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Messages from System.CommandLine are localized: keep them in English.
        start.Environment["LANG"] = "C";
        start.Environment["LC_ALL"] = "C";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start xenpte.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            writeInput(process.StandardInput);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The tool may exit (a parse error) without reading its input.
        }

        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"xenpte {string.Join(' ', arguments)} did not finish within 120 s.");
        }

        process.WaitForExit();
        return new XenpteRun(process.ExitCode, Normalize(stdout.Result), Normalize(stderr.Result));
    }

    /// <summary>Runs <c>xenpte</c> with <paramref name="args"/> and empty standard input.</summary>
    public static XenpteRun Run(params string[] args) => RunWithInput("", args);

    private static string Normalize(string text) => text.Replace("\r\n", "\n");

    private static string DotnetHost()
    {
        // Set by the .NET SDK for the processes it starts (dotnet test); otherwise the dotnet on the PATH.
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }

    private static string FindTool()
    {
        // The project reference copies xenpte.dll, its runtimeconfig and deps next to the tests.
        var local = Path.Combine(AppContext.BaseDirectory, "xenpte.dll");
        if (File.Exists(local) && File.Exists(Path.Combine(AppContext.BaseDirectory, "xenpte.runtimeconfig.json")))
        {
            return local;
        }

        // Otherwise the tool's own output folder, same configuration and framework as the tests.
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent!;
        for (var directory = framework; directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "samples", "XenPv.Tool", "bin", configuration.Name, framework.Name, "xenpte.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"xenpte.dll was not found next to the tests ({AppContext.BaseDirectory}) nor in samples/XenPv.Tool/bin.");
    }
}
