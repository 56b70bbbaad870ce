using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using PteGen;

namespace PteGen.Benchmarks.Fixups;

/// <summary>
/// The C implementation of <c>adjust_guest_l1e</c> (Native/adjust_guest_l1e.c), through P/Invoke. The library is built
/// with <c>gcc -O2 -shared -fPIC</c> by the project file when gcc exists and copied next to the program; when it is
/// not there (for example a program built elsewhere), it is compiled once at run time into a temporary folder, if gcc is
/// on PATH. Without a C compiler <see cref="Available"/> is false and <see cref="UnavailableReason"/> says why: the C
/// benchmark is then skipped, not failed.
/// </summary>
internal static unsafe partial class NativeAdjust
{
    private const string LibraryName = "ptegen_adjust";
    private const string FileName = "libptegen_adjust.so";

    private static readonly Lazy<(IntPtr Handle, string? Path, string? Reason)> Library = new(Load);

    static NativeAdjust() => NativeLibrary.SetDllImportResolver(typeof(NativeAdjust).Assembly, Resolve);

    /// <summary>Whether the C library could be loaded (built by MSBuild, or compiled now).</summary>
    public static bool Available => Library.Value.Handle != IntPtr.Zero;

    /// <summary>Where the library was loaded from.</summary>
    public static string? LoadedFrom => Library.Value.Path;

    /// <summary>Why the C benchmark cannot run; null when it can.</summary>
    public static string? UnavailableReason => Library.Value.Reason;

    /// <summary><c>ptegen_adjust_guest_l1e_table</c>: adjusts <paramref name="count"/> entries of src into dst.</summary>
    [LibraryImport(LibraryName, EntryPoint = "ptegen_adjust_guest_l1e_table")]
    public static partial void AdjustTable(ulong* source, ulong* destination, nuint count, int kind);

    /// <summary><c>ptegen_adjust_guest_l1e</c>: one entry.</summary>
    [LibraryImport(LibraryName, EntryPoint = "ptegen_adjust_guest_l1e")]
    public static partial ulong AdjustOne(ulong entry, int kind);

    /// <summary>Adjusts <paramref name="source"/> into <paramref name="destination"/> with one call into C.</summary>
    public static void AdjustTable(ReadOnlySpan<ulong> source, Span<ulong> destination, PvDomainKind kind)
    {
        if (destination.Length < source.Length)
        {
            throw new ArgumentException("The destination is shorter than the source.", nameof(destination));
        }

        fixed (ulong* from = source)
        fixed (ulong* to = destination)
        {
            AdjustTable(from, to, (nuint)source.Length, (int)kind);
        }
    }

    /// <summary>The version line of the C compiler on PATH, or null.</summary>
    public static string? CompilerVersion()
    {
        var (exit, output) = Run("gcc", "--version");
        return exit == 0 ? output.Split('\n')[0].Trim() : null;
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath) =>
        name == LibraryName && Library.Value.Handle != IntPtr.Zero ? Library.Value.Handle : IntPtr.Zero;

    private static (IntPtr, string?, string?) Load()
    {
        if (!OperatingSystem.IsLinux())
        {
            return (IntPtr.Zero, null, "the C benchmark builds a Linux shared library (gcc -shared); this is not Linux");
        }

        // Built by the project file and copied to the output folder (also of the projects BenchmarkDotNet generates).
        foreach (var folder in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(typeof(NativeAdjust).Assembly.Location) })
        {
            if (string.IsNullOrEmpty(folder))
            {
                continue;
            }

            var path = Path.Combine(folder, FileName);
            if (File.Exists(path) && NativeLibrary.TryLoad(path, out var handle))
            {
                return (handle, path, null);
            }
        }

        // Not built at build time: compile it now, if there is a C compiler.
        if (CompilerVersion() is null)
        {
            return (IntPtr.Zero, null, "no C compiler: gcc is not on PATH (install it, e.g. apt-get install gcc, to run the C baseline)");
        }

        var directory = Path.Combine(Path.GetTempPath(), "ptegen-benchmarks-" + Environment.ProcessId);
        Directory.CreateDirectory(directory);
        var source = Path.Combine(directory, "adjust_guest_l1e.c");
        using (var resource = typeof(NativeAdjust).Assembly.GetManifestResourceStream("adjust_guest_l1e.c")
            ?? throw new InvalidOperationException("The C source is not embedded in the benchmark assembly."))
        using (var file = File.Create(source))
        {
            resource.CopyTo(file);
        }

        var library = Path.Combine(directory, FileName);
        var (exit, output) = Run("gcc", $"-O2 -shared -fPIC -Wall -Wextra -o \"{library}\" \"{source}\"");
        if (exit != 0)
        {
            return (IntPtr.Zero, null, $"gcc failed to compile {source}: {output.Trim()}");
        }

        var loaded = NativeLibrary.TryLoad(library, out var compiled);
        try
        {
            // The loaded library stays mapped; nothing is left behind in the temporary folder.
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return loaded
            ? (compiled, $"{library} (compiled at run time, since removed)", null)
            : (IntPtr.Zero, null, $"the library compiled at run time ({library}) could not be loaded");
    }

    private static (int ExitCode, string Output) Run(string program, string arguments)
    {
        try
        {
            var start = new ProcessStartInfo(program, arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return (process.ExitCode, stdout.Result + stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (-1, "");
        }
    }
}
