extern alias Generators;

using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit.Abstractions;
using ConfigurationAnalyzer = Generators::PteGen.Generators.Usage.ConfigurationAnalyzer;
using GuestUsageAnalyzer = Generators::PteGen.Generators.Usage.GuestUsageAnalyzer;
using LayoutAnalyzer = Generators::PteGen.Generators.Diagnostics.LayoutAnalyzer;

namespace PteGen.Tests.Usage;

/// <summary>
/// The guest analyzers on incomplete and erroneous code, as the IDE runs them on every keystroke: a realistic guest
/// source loses random tokens, and every variant is analyzed with and without <c>PteGenConfiguration</c> (and some in
/// the layout's own project, as a guest): no analyzer exception, no AD0001.
/// </summary>
public sealed class UsageRobustnessTests(ITestOutputHelper output)
{
    /// <summary>A guest's page-table code: maps pages, has its own software bits, reads kernel mappings, does raw arithmetic.</summary>
    private const string RealisticGuest = """
        using System;
        using System.Collections.Generic;
        using PteGen;
        using XenPv;

        namespace Guest.Mm;

        [GuestSoftwareBits(typeof(L1e))]
        [Flags]
        public enum PageFlags : ulong
        {
            None = 0,
            IoMapping = 1UL << 9,
            Pinned = 1UL << 10,
            Special = 1UL << 62, // not portable: Xen's under Debug, the protection key under Pke
        }

        public static class SoftBits
        {
            [GuestSoftwareBits(typeof(L1e))] public const ulong Foreign = 1UL << 53;
            [GuestSoftwareBits(typeof(L1e))] public const ulong KernelLike = 1UL << 52; // Xen's
            private const ulong FrameBits = 0x000F_FFFF_FFFF_F000;

            public static ulong FrameOf(ulong raw) => (raw & FrameBits) >> 12;
        }

        public sealed class PageTable
        {
            private const ulong Kernel = 1UL << 52;
            private readonly L1e[] _entries = new L1e[512];
            private readonly ulong[] _shadow = new ulong[512];
            private ulong _lastRaw;

            public L1e Map(int index, ulong frame, bool writable, bool user)
            {
                var entry = new L1e(0).WithPresent(true).WithFrame(frame).WithWritable(writable).WithUser(user).WithAvailable(1);
                _entries[index] = entry;
                _lastRaw = entry.Raw;
                return entry;
            }

            public void MapKernel(int index, ulong frame) => _entries[index] = Map(index, frame, true, false).WithGuestKernel(true);

            public bool IsKernel(int index) => _entries[index].GuestKernel;

            public bool IsKernelRaw(int index) => (_entries[index].Raw & L1e.GuestKernelMask) != 0;

            public void Unmap(int index)
            {
                var raw = _entries[index].Raw;
                raw &= ~L1e.PresentMask;
                raw |= (ulong)PageFlags.Pinned;
                _entries[index] = new L1e(raw);
            }

            public void StripKernel(int index) => _entries[index] = new L1e(_entries[index].Raw & ~Kernel);

            public void MarkDirty(int index) => _entries[index] = new L1e(_entries[index].Raw | L1e.DirtyMask);

            public bool IsDirty(int index) => (_entries[index].Raw & L1e.DirtyMask) != 0;

            public bool IsClean(int index) => (_entries[index].Raw & L1e.DirtyMask) == 0 && _entries[index].Present;

            public void Shadow(int index)
            {
                ulong value = _entries[index].Raw;
                value ^= 1UL << 62;
                _shadow[index] = value & 0xFFFF_FFFF_FFFF_F000;
            }

            public ulong LowBits(int index) => _entries[index].Raw & 0xFFF;

            public IEnumerable<(int Index, ulong Frame)> Walk()
            {
                for (var i = 0; i < _entries.Length; i++)
                {
                    if (_entries[i].Present && !_entries[i].GrantMapping)
                    {
                        yield return (i, _entries[i].Frame);
                    }
                }
            }

            public string Describe(int index) => _entries[index] switch
            {
                { Present: false } => "not present",
                var e when e.GuestKernel => $"kernel {e.Frame:x}",
                var e => $"user {e.Frame:x} {(e.Raw >> 59) & 0xF}",
            };

            public void Tag(int index, PageFlags flags) => _entries[index] = new L1e(_entries[index].Raw | (ulong)flags);

            public void TagSpecial(int index) => _entries[index] = new L1e(_entries[index].Raw | (ulong)PageFlags.Special);

            public static L1e FromConstant() => new L1e(0x0010000000000001);

            public static ulong Combine(ulong a, ulong b) => a | b | (1UL << 52);

            public void Batch(Span<L1e> entries, bool kernel)
            {
                Func<L1e, L1e> mark = e => kernel ? e.WithGuestKernel(true) : e.WithGrantMapping(false);
                foreach (ref var entry in entries)
                {
                    var raw = entry.Raw;
                    raw = kernel ? raw | Kernel : raw & ~Kernel;
                    entry = mark(new L1e(raw ^ L1e.AccessedMask));
                }

                static ulong Local(L1e e) => e.Raw | L1e.GrantMappingMask;
                _lastRaw = Local(entries.Length > 0 ? entries[0] : default);
            }
        }
        """;

    private const int VariantCount = 1000;

    [Fact]
    public void TheRealisticGuestIsReportedAsExpected()
    {
        // The unmutated source compiles and gets each rule: the variants start from meaningful code.
        var run = UsageHarness.Run(RealisticGuest, new UsageSettings(EnableReads: true));
        foreach (var id in new[] { "PTE101", "PTE102", "PTE103", "PTE104" })
        {
            Assert.True(run.Of(id).Count > 0, $"The realistic guest has no {id}:{Environment.NewLine}{run.Describe()}");
        }
    }

    [Fact]
    public void TokenDeletionNeverMakesAnAnalyzerThrow()
    {
        var watch = Stopwatch.StartNew();
        var variants = Variants();

        // With PteGenConfiguration absent and set (and PTE103 on, so that reads are analyzed too); one variant in eight
        // also in the layout's own project (layout source and generated code in the compilation), as a guest, with an
        // invalid configuration. The compilation options are the same for all three.
        var settings = new[] { new UsageSettings(EnableReads: true), new UsageSettings(Configuration: "Debug", EnableReads: true) };
        var inProject = new UsageSettings(Role: "Guest", Configuration: "Pke;Nx", EnableReads: true);
        var options = settings[0].Apply(UsageHarness.CompilationOptions);

        // A few reference assemblies instead of all of .NET: binding thousands of compilations stays affordable.
        MetadataReference[] references =
        [
            Basic.Reference.Assemblies.Net100.References.SystemRuntime,
            Basic.Reference.Assemblies.Net100.References.SystemCollections,
            Basic.Reference.Assemblies.Net100.References.SystemMemory,
            Basic.Reference.Assemblies.Net100.References.netstandard,
            MetadataReference.CreateFromFile(typeof(PteLayoutAttribute).Assembly.Location),
        ];
        var original = CSharpCompilation.Create("Guest", [CSharpSyntaxTree.ParseText(RealisticGuest, UsageHarness.ParseOptions)], [.. references, UsageHarness.XenLayouts], options);
        Assert.Empty(original.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var (analyses, withErrors, findings) = (0, 0, 0);
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        Parallel.For(0, variants.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, index =>
        {
            var (text, deleted) = variants[index];
            var tree = CSharpSyntaxTree.ParseText(text, UsageHarness.ParseOptions, path: UsageHarness.GuestPath);
            var guest = original.ReplaceSyntaxTree(original.SyntaxTrees[0], tree);
            var runs = settings.Select(setting => ((Compilation)guest, setting)).ToList();
            if (index % 8 == 0)
            {
                runs.Add((CSharpCompilation.Create("Hypervisor", [.. UsageHarness.LayoutTrees, tree], references, options), inProject));
            }

            foreach (var (compilation, setting) in runs)
            {
                Interlocked.Increment(ref analyses);
                try
                {
                    var analyzers = new DiagnosticAnalyzer[] { new GuestUsageAnalyzer(), new ConfigurationAnalyzer(), new LayoutAnalyzer() };
                    var first = setting == settings[0];
                    var diagnostics = UsageHarness.Analyze(compilation, setting.ToAnalyzerOptions(), includeCompilerDiagnostics: first, analyzers);
                    Interlocked.Add(ref findings, diagnostics.Count(d => d.Id.StartsWith("PTE", StringComparison.Ordinal)));
                    if (first && diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("CS", StringComparison.Ordinal)))
                    {
                        Interlocked.Increment(ref withErrors);
                    }
                }
                catch (Exception exception)
                {
                    failures.Enqueue($"Variant {index}, deleted {deleted} ({setting}):{Environment.NewLine}{exception.Message}{Environment.NewLine}{text}");
                }
            }
        });

        output.WriteLine($"{variants.Count} variants ({withErrors} with compiler errors), {analyses} analyses, {findings} PteGen diagnostics, {watch.Elapsed.TotalSeconds:F1} s.");
        Assert.True(failures.IsEmpty, $"{failures.Count} analyses failed; the first:{Environment.NewLine}{string.Join($"{Environment.NewLine}----{Environment.NewLine}", failures.Take(3))}");
        Assert.True(variants.Count >= 1000, $"only {variants.Count} variants");
        Assert.True(analyses >= 2 * variants.Count, $"only {analyses} analyses");
        Assert.True(withErrors >= variants.Count / 2, $"only {withErrors} of {variants.Count} variants have compiler errors: the deletions are too gentle");
        Assert.True(findings > variants.Count, $"only {findings} PteGen diagnostics: the analyzers barely ran");
    }

    /// <summary>
    /// <see cref="VariantCount"/> distinct variants of <see cref="RealisticGuest"/>, each missing 1-4 random tokens (their
    /// trivia stays), from a fixed seed; with the deleted tokens described for a failure message.
    /// </summary>
    private static List<(string Text, string Deleted)> Variants()
    {
        var random = new Random(20160115);
        var tokens = CSharpSyntaxTree.ParseText(RealisticGuest, UsageHarness.ParseOptions).GetRoot()
            .DescendantTokens()
            .Where(t => !t.IsKind(SyntaxKind.EndOfFileToken))
            .ToArray();
        var variants = new List<(string Text, string Deleted)>();
        var seen = new HashSet<string>();
        while (variants.Count < VariantCount)
        {
            var count = random.Next(1, 5);
            var deleted = new SortedSet<int>();
            while (deleted.Count < count)
            {
                deleted.Add(random.Next(tokens.Length));
            }

            var text = string.Concat(tokens.Select((t, index) => deleted.Contains(index)
                ? t.LeadingTrivia.ToFullString() + t.TrailingTrivia.ToFullString()
                : t.ToFullString()));
            if (seen.Add(text))
            {
                variants.Add((text, string.Join(", ", deleted.Select(i => $"'{tokens[i].Text}' at {tokens[i].SpanStart}"))));
            }
        }

        return variants;
    }
}
