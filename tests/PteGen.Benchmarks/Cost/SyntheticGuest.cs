using System.Globalization;
using System.Text;

namespace PteGen.Benchmarks.Cost;

/// <summary>
/// A synthetic guest-kernel code base over the Xen layouts of samples/XenPv (L1e-L4e, read from XenPv.dll's metadata,
/// as in a real guest build): <see cref="FileCount"/> files of page-table code, each with <see cref="MethodsPerFile"/>
/// methods of <see cref="OperationsPerMethod"/> bit operations: generated <c>With…</c> calls (bool, multi-bit and frame
/// fields) and raw arithmetic on <c>.Raw</c> (<c>|=</c>, <c>&amp;= ~</c>, <c>^=</c>, shifts of constants, <c>const</c>
/// masks, tests), ending in a constructor from the raw value. Mostly bits the guest may write (hardware and software
/// bits), and about one operation in 64 on a bit Xen reserves in some configuration (52, 62), so the analyzers have
/// something to report. Deterministic (fixed seed).
/// </summary>
internal static class SyntheticGuest
{
    /// <summary>The files of the benchmarked code base; the quick mode uses <see cref="QuickFileCount"/>.</summary>
    public const int FileCount = 500;
    public const int QuickFileCount = 40;
    public const int MethodsPerFile = 5;
    public const int OperationsPerMethod = 9;

    private static readonly string[] Layouts = ["L1e", "L2e", "L3e", "L4e"];

    // Bool fields with a With method in every Xen layout, and the L1-only ones.
    private static readonly string[] CommonFlags = ["Present", "Writable", "User", "Accessed", "NoExecute"];
    private static readonly string[] L1Flags = ["Dirty", "Global"];

    // Bits the guest writes freely (hardware flags, software bits 9-11 and 53-58, frame bits), and Xen's (52, 62).
    private static readonly int[] FreeBits = [0, 1, 2, 5, 6, 9, 10, 11, 12, 13, 20, 30, 40, 51, 53, 54, 55, 56, 57, 58, 63];
    private static readonly int[] XenBits = [52, 62];

    /// <summary>Files in this run: <see cref="FileCount"/>, or <see cref="QuickFileCount"/> in the quick mode.</summary>
    public static int Files => QuickRun.IsQuick ? QuickFileCount : FileCount;

    /// <summary>Bit operations in the code base (With calls and raw-arithmetic operators on entry values).</summary>
    public static int OperationCount(int files) => files * MethodsPerFile * OperationsPerMethod;

    /// <summary>(path, source) of the first <paramref name="count"/> files (the same files for the same count).</summary>
    public static List<(string Path, string Source)> Create(int count)
    {
        var random = new Random(PteGen.Benchmarks.Fixups.PageTables.Seed + 1);
        var files = new List<(string, string)>(count);
        for (var index = 0; index < count; index++)
        {
            files.Add(($"Guest/Mm{index:000}.cs", File(index, random)));
        }

        return files;
    }

    private static string File(int index, Random random)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $$"""
            using System;
            using PteGen;
            using XenPv;

            namespace Guest.Mm.Part{{index / 50:00}};

            /// <summary>Page-table code, part {{index}}.</summary>
            public static class Mm{{index:000}}
            {
                /// <summary>A software bit of this file (guest-available in every configuration).</summary>
                [GuestSoftwareBits(typeof(L1e))]
                public const ulong Tracked = 1UL << {{53 + index % 6}};

                private const ulong Flags = 0x{{(1UL << random.Next(0, 3)) | 0x20:X}}UL;

            """);

        for (var method = 0; method < MethodsPerFile; method++)
        {
            var layout = Layouts[random.Next(Layouts.Length)];
            text.Append(CultureInfo.InvariantCulture, $$"""

                    /// <summary>Builds or updates an entry ({{method}}).</summary>
                    public static {{layout}} Update{{method}}({{layout}} entry, ulong frame, bool on, byte soft)
                    {
                        entry = entry
                """);
            // Five With calls in a chain.
            for (var call = 0; call < 5; call++)
            {
                text.Append("\n            .").Append(WithCall(layout, random));
            }

            text.Append(";\n        var raw = entry.Raw;\n");
            // Four raw-arithmetic operations on the raw value.
            for (var operation = 0; operation < 4; operation++)
            {
                text.Append("        ").Append(RawOperation(random)).Append('\n');
            }

            text.Append(CultureInfo.InvariantCulture, $"        return new {layout}(raw);\n    }}\n");
        }

        text.Append("}\n");
        return text.ToString();
    }

    private static string WithCall(string layout, Random random)
    {
        switch (random.Next(6))
        {
            case 0:
            case 1:
            case 2:
                var flags = layout == "L1e" ? [.. CommonFlags, .. L1Flags] : CommonFlags;
                var flag = flags[random.Next(flags.Length)];
                var value = random.Next(3) switch { 0 => "true", 1 => "false", _ => "on" };
                return $"With{flag}({value})";
            case 3:
                return "WithAvailable((byte)(soft & 0x7))";
            case 4:
                return "WithFrame(frame & 0xFFFFFFFFFF)";
            default:
                return layout == "L1e" ? "WithAvailableHigh((byte)(soft & 0x3F))" : "WithAvailable((byte)(soft >> 5))";
        }
    }

    private static string RawOperation(Random random)
    {
        var bit = random.Next(64) == 0 ? XenBits[random.Next(XenBits.Length)] : FreeBits[random.Next(FreeBits.Length)];
        var mask = "0x" + (1UL << bit).ToString("X", CultureInfo.InvariantCulture) + "UL";
        return random.Next(7) switch
        {
            0 => $"raw |= 1UL << {bit};",
            1 => $"raw &= ~(1UL << {bit});",
            2 => $"raw ^= {mask};",
            3 => $"raw = on ? raw | {mask} : raw & ~{mask};",
            4 => "raw |= Tracked;",
            5 => "raw = (raw & ~Flags) | (on ? Flags : 0);",
            _ => $"if ((raw & {mask}) != 0) {{ raw |= Flags; }}",
        };
    }
}
