using System.Diagnostics;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PteGen.Tests.Infrastructure;

namespace PteGen.Tests.ZeroOverhead;

/// <summary>
/// Compiles the probe program (with PteGen run on it) in Release, runs it once in a child <c>dotnet</c> process with the
/// JIT's disassembly switched on for the probe methods, and keeps the parsed listing. Shared by every test of the class.
/// </summary>
public sealed class ProbeRun : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public ProbeRun()
    {
        WorkDirectory = Path.Combine(Path.GetTempPath(), "ptegen-zero-overhead-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(WorkDirectory);
        var probe = Compile(WorkDirectory);
        ListingFile = Path.Combine(WorkDirectory, "jit-disasm.txt");

        // Everything the child is told about the JIT. Tiering off: each method is compiled once, fully optimized, on its
        // first call (no Tier0 body, no OSR, no PGO instrumentation), which is what this test must measure.
        ChildEnvironment = new Dictionary<string, string>
        {
            ["DOTNET_TieredCompilation"] = "0",
            ["DOTNET_TieredPGO"] = "0",
            ["DOTNET_JitDisasm"] = "Generated_* Hand_*",
            ["DOTNET_JitStdOutFile"] = ListingFile,
        };

        var start = new ProcessStartInfo(DotnetHost(), [probe])
        {
            WorkingDirectory = WorkDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // Inherited runtime knobs (DOTNET_*/COMPlus_* from the test host or the shell: stress modes, ISA limits,
        // tiering settings) would change the code measured; only the host's location variables are kept.
        foreach (var key in start.Environment.Keys.ToList())
        {
            var runtimeKnob = key.StartsWith("COMPlus_", StringComparison.OrdinalIgnoreCase)
                || (key.StartsWith("DOTNET_", StringComparison.OrdinalIgnoreCase) && !key.StartsWith("DOTNET_ROOT", StringComparison.OrdinalIgnoreCase));
            if (runtimeKnob)
            {
                start.Environment.Remove(key);
            }
        }

        foreach (var (key, value) in ChildEnvironment)
        {
            start.Environment[key] = value;
        }

        CommandLine = $"{start.FileName} {probe}";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + CommandLine);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The probe did not finish within {Timeout}: {CommandLine}");
        }

        process.WaitForExit();
        StandardOutput = stdout.GetAwaiter().GetResult();
        StandardError = stderr.GetAwaiter().GetResult();
        ExitCode = process.ExitCode;
        RawListing = File.Exists(ListingFile) ? File.ReadAllText(ListingFile) : "";
        Methods = JitListing.Parse(RawListing);
    }

    public string WorkDirectory { get; }

    public string ListingFile { get; }

    public string CommandLine { get; }

    public IReadOnlyDictionary<string, string> ChildEnvironment { get; }

    public string StandardOutput { get; }

    public string StandardError { get; }

    public int ExitCode { get; }

    public string RawListing { get; }

    internal IReadOnlyList<MethodListing> Methods { get; }

    /// <summary>The listing of the probe method <paramref name="name"/>, or null when the JIT did not report it.</summary>
    internal MethodListing? Find(string name) => Methods.LastOrDefault(m => m.Name == name);

    public string Describe() =>
        $"""
        command: {CommandLine}
        environment: {string.Join(" ", ChildEnvironment.Select(kv => $"{kv.Key}={kv.Value}"))}
        exit code: {ExitCode}
        stdout:
        {StandardOutput}
        stderr:
        {StandardError}
        """;

    /// <summary>Set to <c>1</c> to keep the probe, its listing and its runtimeconfig in the temp directory for reading.</summary>
    public const string KeepVariable = "PTEGEN_KEEP_ZERO_OVERHEAD_PROBE";

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable(KeepVariable) == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is not a test failure.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Generates, compiles (Release) and writes the probe with its runtimeconfig and PteGen.dll; returns the probe's path.</summary>
    private static string Compile(string directory)
    {
        var compilation = TestCompilation.Create(ProbeSource.Layout, ProbeSource.Probes, ProbeSource.Program);
        compilation = compilation
            .WithAssemblyName("ZeroOverheadProbe")
            .WithOptions(compilation.Options
                .WithOutputKind(OutputKind.ConsoleApplication)
                .WithOptimizationLevel(OptimizationLevel.Release)
                .WithConcurrentBuild(false));
        var (output, _) = TestCompilation.Generate(compilation);
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The probe does not compile:\n" + string.Join("\n", errors));

        var probe = Path.Combine(directory, "ZeroOverheadProbe.dll");
        using (var stream = File.Create(probe))
        {
            var emit = output.Emit(stream);
            Assert.True(emit.Success, "The probe does not emit:\n" + string.Join("\n", emit.Diagnostics));
        }

        File.WriteAllText(
            Path.Combine(directory, "ZeroOverheadProbe.runtimeconfig.json"),
            """
            {
              "runtimeOptions": {
                "tfm": "net10.0",
                "framework": { "name": "Microsoft.NETCore.App", "version": "10.0.0" }
              }
            }
            """,
            Encoding.UTF8);
        var pteGen = typeof(PteLayoutAttribute).Assembly.Location;
        File.Copy(pteGen, Path.Combine(directory, Path.GetFileName(pteGen)));
        return probe;
    }

    /// <summary>The <c>dotnet</c> host running these tests (the SDK's, when run by <c>dotnet test</c>).</summary>
    private static string DotnetHost()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk;
        }

        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return self;
        }

        return OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
    }
}
