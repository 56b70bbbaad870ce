using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PteGen.Tests.Infrastructure;

namespace PteGen.Tests.Export;

/// <summary>
/// A small layout of a made-up hypervisor (not Xen's), compiled in the test with PteGen and emitted to a real dll with
/// its XML documentation file, in versions that <c>ptegen diff</c> compares.
/// </summary>
internal static class DemoLayouts
{
    public const string AssemblyName = "Demo.Paging";

    /// <summary>The first version: valid bit, address, the guest's software bits, and a tag the hypervisor keeps when tags are on.</summary>
    public const string Version1 = """
        using System;
        using PteGen;

        namespace Demo.Paging;

        /// <summary>The switches of the demo hypervisor.</summary>
        [PteSwitches]
        [Flags]
        public enum DemoConfig
        {
            /// <summary>Tags off.</summary>
            None = 0,

            /// <summary>Address-space tags on: the hypervisor keeps bits 56-63 (<c>demo/tags.c</c>).</summary>
            Tagged = 1,
        }

        /// <summary>A small entry of a made-up hypervisor: a valid bit, an address, software bits and an optional tag.</summary>
        [PteLayout(typeof(DemoConfig))]
        public readonly partial struct DemoEntry
        {
            /// <summary>V: the entry is valid (<c>demo/entry.c</c>, <c>check_entry</c>).</summary>
            [Hardware(0, Role = PteRole.Present)] public partial bool Valid { get; }

            /// <summary>The physical address.</summary>
            [Hardware(1, 47)] public partial ulong Address { get; }

            /// <summary>The guest's software bits; <see cref="Tag"/> is the hypervisor's.</summary>
            [GuestAvailable(48, 55)] public partial byte Software { get; }

            /// <summary>The address-space tag, under <see cref="DemoConfig.Tagged"/>: a guest entry that sets it is refused.</summary>
            [XenReserved(56, 63, When = "Tagged")] public partial byte Tag { get; }

            /// <summary>Free for the guest when tags are off.</summary>
            [GuestAvailable(56, 63, When = "!Tagged")] public partial byte Spare { get; }
        }
        """;

    /// <summary>A breaking version: the hypervisor takes bit 55 from the guest's software bits, in both configurations.</summary>
    public static string Version2 => Edit(
        Version1,
        """
            [GuestAvailable(48, 55)] public partial byte Software { get; }
        """,
        """
            [GuestAvailable(48, 54)] public partial byte Software { get; }

            /// <summary>A marker the hypervisor keeps.</summary>
            [XenReserved(55)] public partial bool Marker { get; }
        """);

    /// <summary>A compatible version: the first, and a new layout (its facts are additions only).</summary>
    public static string Version3 => Version1 + """


        /// <summary>A second, new layout: one field as wide as the entry.</summary>
        [PteLayout]
        public readonly partial struct DemoWideEntry
        {
            /// <summary>The whole entry.</summary>
            [GuestAvailable(0, 63)] public partial ulong Value { get; }
        }
        """;

    private static readonly object s_gate = new();
    private static readonly Dictionary<string, string> s_built = [];

    /// <summary>The path of <paramref name="source"/> compiled to <c>Demo.Paging.dll</c> (with <c>Demo.Paging.xml</c>), built once per source.</summary>
    public static string Build(string source)
    {
        lock (s_gate)
        {
            if (s_built.TryGetValue(source, out var built))
            {
                return built;
            }

            var folder = Path.Combine(TempFolder.Root, "demo-" + s_built.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            var options = TestCompilation.ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose);
            var compilation = TestCompilation.Create(options, source).WithAssemblyName(AssemblyName);
            var (output, _) = TestCompilation.Generate(compilation);
            var path = Path.Combine(folder, AssemblyName + ".dll");
            using (var assembly = File.Create(path))
            using (var documentation = File.Create(Path.ChangeExtension(path, ".xml")))
            {
                var result = output.Emit(assembly, xmlDocumentationStream: documentation);
                Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            }

            s_built[source] = path;
            return path;
        }
    }

    // Fails loudly unless the text to replace occurs exactly once.
    private static string Edit(string text, string find, string replace)
    {
        var first = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(first >= 0 && text.IndexOf(find, first + 1, StringComparison.Ordinal) < 0, $"The text to replace is not in the source exactly once:\n{find}");
        return text.Replace(find, replace, StringComparison.Ordinal);
    }
}

/// <summary>A temporary folder for this test run's files, under the system's temporary folder.</summary>
internal static class TempFolder
{
    public static string Root { get; } = Create();

    /// <summary>A new, empty folder under <see cref="Root"/>.</summary>
    public static string New(string name)
    {
        var folder = Path.Combine(Root, name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private const string Prefix = "ptegen-export-tests-";

    private static string Create()
    {
        // The folders of earlier runs whose process is gone are removed; this run's is removed by the next.
        foreach (var stale in Directory.GetDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            if (int.TryParse(Path.GetFileName(stale).AsSpan(Prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && !IsRunning(id))
            {
                TryDelete(stale);
            }
        }

        var root = Path.Combine(Path.GetTempPath(), Prefix + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        TryDelete(root);
        Directory.CreateDirectory(root);
        return root;
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>The inputs the export tests read: the Xen sample, built next to the tests, and the demo layouts.</summary>
internal static class ExportInputs
{
    /// <summary>The Xen sample assembly the project reference copies next to the tests, with its XML documentation.</summary>
    public static string XenPv
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "XenPv.dll");
            Assert.True(File.Exists(path) && File.Exists(Path.ChangeExtension(path, ".xml")), $"XenPv.dll and XenPv.xml are not next to the tests ({AppContext.BaseDirectory}).");
            return path;
        }
    }

    public static string Demo => DemoLayouts.Build(DemoLayouts.Version1);
}
