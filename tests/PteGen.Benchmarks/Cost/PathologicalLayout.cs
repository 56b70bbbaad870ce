using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;

namespace PteGen.Benchmarks.Cost;

/// <summary>
/// The layout of the With-call input (d) of <see cref="PathologicalGuestBenchmarks"/>: <c>WideEntry</c>, with
/// <see cref="SwitchCount"/> independent switches (the most PteGen allows: 4,096 valid configurations) and
/// <see cref="ConditionalClaims"/> one-bit claims each with a <c>When</c> condition. Bits 0-31 have two claims each,
/// Xen's (or the hardware's) under a condition and the guest's under its negation, so every configuration has exactly
/// one owner per bit; bits 32-63 are one unconditional guest field. Compiled with PteGen's generator and emitted once,
/// so the guest reads it from metadata, as it reads XenPv.dll.
/// </summary>
internal static class PathologicalLayout
{
    public const int SwitchCount = 12;
    public const int ConditionalClaims = 64;
    public const string Namespace = "Pathological.Layouts";

    private const int PairedBits = ConditionalClaims / 2;

    private static readonly Lazy<MetadataReference> CompiledReference = new(Compile);

    /// <summary>The layout's fields in declaration order: name and whether its With method takes a bool.</summary>
    public static IReadOnlyList<(string Name, bool IsBool)> Fields { get; } =
    [
        .. Enumerable.Range(0, PairedBits).SelectMany(bit => new[] { (ReservedName(bit), true), (GuestName(bit), true) }),
        ("High", false),
    ];

    /// <summary>
    /// The fields on a bit Xen reserves in some configuration: each With call on one is a PTE101, the guest's own
    /// fields on those bits included (the guest may run under a configuration where the bit is Xen's).
    /// </summary>
    public static IReadOnlySet<string> XenFields { get; } =
        Enumerable.Range(0, PairedBits).Where(IsXenBit).SelectMany(bit => new[] { ReservedName(bit), GuestName(bit) }).ToHashSet(StringComparer.Ordinal);

    /// <summary>The emitted layout assembly (PteGen's generated accessors included).</summary>
    public static MetadataReference Reference => CompiledReference.Value;

    public static string Source()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $$"""
            using System;
            using PteGen;

            namespace {{Namespace}};

            /// <summary>Twelve independent switches: 4,096 configurations.</summary>
            [PteSwitches]
            [Flags]
            public enum ManySwitches
            {
                None = 0,

            """);
        for (var index = 0; index < SwitchCount; index++)
        {
            text.Append(CultureInfo.InvariantCulture, $"    S{index:00} = 1 << {index},\n");
        }

        text.Append("""
            }

            /// <summary>A layout whose bits 0-31 each change owner with a condition over the switches.</summary>
            [PteLayout(typeof(ManySwitches))]
            public readonly partial struct WideEntry
            {

            """);
        for (var bit = 0; bit < PairedBits; bit++)
        {
            var condition = Condition(bit);
            var owner = IsXenBit(bit) ? "XenReserved" : "Hardware";
            text.Append(CultureInfo.InvariantCulture, $"    [{owner}({bit}, When = \"{condition}\")] public partial bool {ReservedName(bit)} {{ get; }}\n");
            text.Append(CultureInfo.InvariantCulture, $"    [GuestAvailable({bit}, When = \"!({condition})\")] public partial bool {GuestName(bit)} {{ get; }}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"    [GuestAvailable({PairedBits}, 63)] public partial uint High {{ get; }}\n}}\n");
        return text.ToString();
    }

    /// <summary>Bit <paramref name="bit"/>'s condition: one of four shapes over four different switches.</summary>
    private static string Condition(int bit)
    {
        string S(int offset) => string.Create(CultureInfo.InvariantCulture, $"S{(bit + offset) % SwitchCount:00}");
        return (bit % 4) switch
        {
            0 => S(0),
            1 => $"{S(0)} && !{S(5)}",
            2 => $"{S(0)} || {S(5)} && {S(7)}",
            _ => $"({S(0)} || !{S(5)}) && ({S(7)} || {S(11)})",
        };
    }

    private static bool IsXenBit(int bit) => bit % 4 != 3;

    private static string ReservedName(int bit) => string.Create(CultureInfo.InvariantCulture, $"{(IsXenBit(bit) ? "Xen" : "Hw")}{bit:00}");

    private static string GuestName(int bit) => string.Create(CultureInfo.InvariantCulture, $"Soft{bit:00}");

    /// <summary>The layout with its generated code, compiled and emitted; throws unless both are free of errors.</summary>
    private static MetadataReference Compile()
    {
        var compilation = Roslyn.Compilation("Pathological.Layouts", Roslyn.Parse([("Layouts/WideEntry.cs", Source())]), Roslyn.LayoutReferences);
        var run = Roslyn.Driver().RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
        Roslyn.ThrowOnErrors(generatorDiagnostics, "The generator run on WideEntry");
        var files = run.GetRunResult().GeneratedTrees.Length;
        if (files != 1)
        {
            throw new InvalidOperationException($"The generator produced {files} files for WideEntry, expected 1 (is the layout valid?).");
        }

        // The layout analyzer's verdict too: a layout PteGen reports (two owners, an uncovered bit) is not the input meant.
        var layoutFindings = Roslyn.WithAnalyzers(generated, concurrent: true, logTime: false).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .ToList();
        if (layoutFindings.Count > 0)
        {
            throw new InvalidOperationException("PteGen reports WideEntry:" + Environment.NewLine + string.Join(Environment.NewLine, layoutFindings));
        }

        using var image = new MemoryStream();
        var emitted = generated.Emit(image);
        Roslyn.ThrowOnErrors(emitted.Diagnostics, "WideEntry with its generated code");
        return MetadataReference.CreateFromImage(ImmutableArray.Create(image.ToArray()));
    }
}
