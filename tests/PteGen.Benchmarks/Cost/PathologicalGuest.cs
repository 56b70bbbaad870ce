using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;

namespace PteGen.Benchmarks.Cost;

/// <summary>
/// The guest sources of <see cref="PathologicalGuestBenchmarks"/>: one file with one method per input, over the Xen
/// <c>L1e</c> of XenPv.dll (inputs a-c) or <see cref="PathologicalLayout"/>'s <c>WideEntry</c> (input d). The raw value
/// comes from <c>entry.Raw</c>, so both halves of the guest analyzer run: the read rules (PTE103/PTE104, which follow
/// raw bits through locals) and the bit analysis (PTE101, which follows every bit to the entry constructor). The
/// constants cycle through bits the guest may write and Xen's bits 52 and 62, so PTE101 has something to find.
/// Deterministic.
/// </summary>
internal static class PathologicalGuest
{
    public const string Path = "Guest/Pathological.cs";

    // Bits the guest writes freely (hardware flags, software bits, frame bits), with Xen's 52 and 62 among them.
    private static readonly int[] Bits = [1, 52, 5, 9, 20, 62, 6, 11, 40, 53, 2, 58, 0, 63];

    /// <summary>The size the issue asks for: bit operations, operators, locals or With calls.</summary>
    public static int FullSize(PathologicalInput input) => input switch
    {
        PathologicalInput.BitOperations => 10_000,
        PathologicalInput.LeftNestedOr or PathologicalInput.RightNestedOr => 2_000,
        PathologicalInput.LocalChain => 10_000,
        _ => 300,
    };

    /// <summary>The quick mode's size: large enough to take every path, small enough for a smoke run of seconds.</summary>
    public static int QuickSize(PathologicalInput input) => input switch
    {
        PathologicalInput.WithCalls => 30,
        _ => 200,
    };

    /// <summary>The size of this run: <see cref="FullSize"/>, or <see cref="QuickSize"/> in the quick mode.</summary>
    public static int Size(PathologicalInput input) => QuickRun.IsQuick ? QuickSize(input) : FullSize(input);

    /// <summary>What <paramref name="size"/> counts for <paramref name="input"/>, for reports.</summary>
    public static string Describe(PathologicalInput input, int size)
    {
        var count = size.ToString("N0", CultureInfo.InvariantCulture);
        return input switch
        {
            PathologicalInput.BitOperations => $"{count} bit operations in one method",
            PathologicalInput.LeftNestedOr => $"{count} left-nested | in one expression",
            PathologicalInput.RightNestedOr => $"{count} right-nested, parenthesized | in one expression",
            PathologicalInput.LocalChain => $"a chain of {count} locals",
            _ => $"{count} With calls over {PathologicalLayout.SwitchCount} switches and {PathologicalLayout.ConditionalClaims} conditional claims",
        };
    }

    /// <summary>
    /// The guest compilation of <paramref name="input"/> at <paramref name="size"/>: the Xen layouts of XenPv.dll, and
    /// for the With calls the emitted <see cref="PathologicalLayout"/>, read from metadata as in a guest build.
    /// </summary>
    public static Compilation Compilation(PathologicalInput input, int size)
    {
        var references = input == PathologicalInput.WithCalls ? [.. Roslyn.GuestReferences, PathologicalLayout.Reference] : Roslyn.GuestReferences;
        return Roslyn.Compilation("PathologicalGuest", Roslyn.Parse([(Path, Create(input, size))]), references);
    }

    /// <summary>The guest file for <paramref name="input"/> at <paramref name="size"/>.</summary>
    public static string Create(PathologicalInput input, int size)
    {
        var text = new StringBuilder();
        text.Append($$"""
            using System;
            using PteGen;
            using XenPv;
            {{(input == PathologicalInput.WithCalls ? "using " + PathologicalLayout.Namespace + ";" : "")}}

            namespace Guest.Pathological;

            /// <summary>A pathological input of the guest analyzer.</summary>
            public static class Stress
            {
                /// <summary>A software bit of the guest (guest-available in every configuration).</summary>
                public const ulong Tracked = 1UL << 57;

            """);
        switch (input)
        {
            case PathologicalInput.BitOperations:
                BitOperations(text, size);
                break;
            case PathologicalInput.LeftNestedOr:
                LeftNestedOr(text, size);
                break;
            case PathologicalInput.RightNestedOr:
                RightNestedOr(text, size);
                break;
            case PathologicalInput.LocalChain:
                LocalChain(text, size);
                break;
            default:
                WithCalls(text, size);
                break;
        }

        text.Append("}\n");
        return text.ToString();
    }

    /// <summary>The constant of operand <paramref name="index"/>: a hex literal, a constant shift or the const field, in turn.</summary>
    private static string Constant(int index)
    {
        var bit = Bits[index % Bits.Length];
        return (index % 3) switch
        {
            0 => "0x" + (1UL << bit).ToString("X", CultureInfo.InvariantCulture) + "UL",
            1 => string.Create(CultureInfo.InvariantCulture, $"(1UL << {bit})"),
            _ => index % 2 == 0 ? "Tracked" : string.Create(CultureInfo.InvariantCulture, $"(1UL << {bit})"),
        };
    }

    /// <summary>(a) <c>ulong v = entry.Raw; v |= C; v &amp;= ~C; v ^= C; v = v | C; ...; return new L1e(v);</c></summary>
    private static void BitOperations(StringBuilder text, int operations)
    {
        text.Append("""
                /// <summary>Straight-line bit operations on one raw value.</summary>
                public static L1e BitOperations(L1e entry)
                {
                    ulong v = entry.Raw;

            """);
        for (var index = 0; index < operations; index++)
        {
            var constant = Constant(index);
            text.Append("        ").Append((index % 4) switch
            {
                0 => $"v |= {constant};",
                1 => $"v &= ~{constant};",
                2 => $"v ^= {constant};",
                _ => $"v = v | {constant};",
            }).Append('\n');
        }

        text.Append("        return new L1e(v);\n    }\n");
    }

    /// <summary>(b) <c>new L1e(raw | C0 | C1 | ...)</c>: C# parses it as ((raw | C0) | C1) | ..., nothing folds.</summary>
    private static void LeftNestedOr(StringBuilder text, int operators)
    {
        text.Append("""
                /// <summary>One left-nested or of constants into a raw value.</summary>
                public static L1e LeftNestedOr(L1e entry)
                {
                    var raw = entry.Raw;
                    return new L1e(raw
            """);
        for (var index = 0; index < operators; index++)
        {
            text.Append(index % 8 == 0 ? "\n            | " : " | ").Append(Constant(index));
        }

        text.Append(");\n    }\n");
    }

    /// <summary>
    /// (b) <c>new L1e(raw | (C0 | (other | (C1 | (raw | ...)))))</c>: every parenthesized operand holds a non-constant
    /// leaf (the raw value and a parameter, alternating), so no subexpression is constant-folded.
    /// </summary>
    private static void RightNestedOr(StringBuilder text, int operators)
    {
        text.Append("""
                /// <summary>One right-nested, parenthesized or of raw values and constants.</summary>
                public static L1e RightNestedOr(L1e entry, ulong other)
                {
                    var raw = entry.Raw;
                    return new L1e(
            """);
        for (var index = 0; index < operators; index++)
        {
            // Leaves alternate non-constant (raw, other in turn) and constant; the innermost one is non-constant.
            var leaf = index % 2 == 0 ? (index % 4 == 0 ? "raw" : "other") : Constant(index / 2);
            text.Append(index % 8 == 0 ? "\n            " : "").Append(leaf).Append(" | (");
        }

        text.Append(operators % 4 == 0 ? "raw" : "other").Append(')', operators).Append(");\n    }\n");
    }

    /// <summary>(c) <c>var a0 = entry.Raw; var a1 = a0 | C; ...; return new L1e(aN);</c></summary>
    private static void LocalChain(StringBuilder text, int locals)
    {
        text.Append("""
                /// <summary>A chain of locals, each the previous with a bit or-ed in.</summary>
                public static L1e LocalChain(L1e entry)
                {
                    var a0 = entry.Raw;

            """);
        for (var index = 1; index <= locals; index++)
        {
            text.Append(CultureInfo.InvariantCulture, $"        var a{index} = a{index - 1} | {Constant(index)};\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"        return new L1e(a{locals});\n    }}\n");
    }

    /// <summary>(d) <c>entry = entry.WithXen00(on).WithSoft01(true)...;</c>: chains of ten over every field of <c>WideEntry</c>.</summary>
    private static void WithCalls(StringBuilder text, int calls)
    {
        text.Append("""
                /// <summary>With calls over a layout with many switches and conditional claims.</summary>
                public static WideEntry WithCalls(WideEntry entry, bool on, uint high)
                {
            """);
        var fields = PathologicalLayout.Fields;
        for (var index = 0; index < calls; index++)
        {
            var (name, isBool) = fields[index % fields.Count];
            var value = !isBool ? "high" : (index % 3) switch { 0 => "on", 1 => "true", _ => "false" };
            text.Append(index % 10 == 0 ? "\n        entry = entry" : "").Append(CultureInfo.InvariantCulture, $"\n            .With{name}({value})");
            if (index % 10 == 9 || index == calls - 1)
            {
                text.Append(';');
            }
        }

        text.Append("\n        return entry;\n    }\n");
    }
}
