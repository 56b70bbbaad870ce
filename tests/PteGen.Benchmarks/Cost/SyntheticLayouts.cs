using System.Text;

namespace PteGen.Benchmarks.Cost;

/// <summary>
/// A synthetic hypervisor-side code base for the generator benchmarks: <see cref="LayoutCount"/> files, each with one
/// switches enum and one <c>[PteLayout]</c> struct shaped like the Xen L1 entry (same roles, configurations and
/// ownership changes) but with the software bits 9-11 and 53-58 split into fields differently per layout, plus
/// <see cref="UnrelatedCount"/> ordinary classes, one of which the incremental benchmark edits. Deterministic (fixed seed).
/// </summary>
internal static class SyntheticLayouts
{
    /// <summary>The layouts of the benchmarked code base; the quick mode uses <see cref="QuickLayoutCount"/>.</summary>
    public const int LayoutCount = 100;
    public const int QuickLayoutCount = 10;
    public const int UnrelatedCount = 20;
    public const string UnrelatedPath = "Unrelated/Unrelated00.cs";

    /// <summary>Layouts in this run: <see cref="LayoutCount"/>, or <see cref="QuickLayoutCount"/> in the quick mode.</summary>
    public static int Layouts => QuickRun.IsQuick ? QuickLayoutCount : LayoutCount;

    /// <summary>The unrelated file after edit number <paramref name="edit"/>: only a method body's constant changes.</summary>
    public static string EditedUnrelated(int edit) => Unrelated(0, edit);

    /// <summary>(path, source) of <paramref name="layouts"/> layout files and the unrelated files.</summary>
    public static List<(string Path, string Source)> Create(int layouts)
    {
        var random = new Random(PteGen.Benchmarks.Fixups.PageTables.Seed);
        var files = new List<(string, string)>();
        for (var index = 0; index < layouts; index++)
        {
            files.Add(($"Layouts/Entry{index:000}.cs", Layout(index, random)));
        }

        for (var index = 0; index < UnrelatedCount; index++)
        {
            files.Add(($"Unrelated/Unrelated{index:00}.cs", Unrelated(index, 0)));
        }

        return files;
    }

    private static string Layout(int index, Random random)
    {
        var text = new StringBuilder();
        text.Append($$"""
            using System;
            using PteGen;

            namespace Synthetic.Layouts.N{{index:000}};

            /// <summary>The switches of layout {{index}}.</summary>
            [PteSwitches]
            [MutuallyExclusive(Switches{{index}}.Debug, Switches{{index}}.Pke)]
            [Flags]
            public enum Switches{{index}} { None = 0, Debug = 1, Pke = 2 }

            /// <summary>Synthetic layout {{index}}.</summary>
            [PteLayout(typeof(Switches{{index}}), Level = 1)]
            public readonly partial struct Entry{{index}}
            {
                [Hardware(0, Role = PteRole.Present)] public partial bool Present { get; }
                [Hardware(1, Role = PteRole.Writable)] public partial bool Writable { get; }
                [Hardware(2, Role = PteRole.User)] public partial bool User { get; }
                [Hardware(3, Role = PteRole.WriteThrough, GuestWrite = GuestWrite.Refused)] public partial bool WriteThrough { get; }
                [Hardware(4, Role = PteRole.CacheDisable, GuestWrite = GuestWrite.Refused)] public partial bool CacheDisable { get; }
                [Hardware(5, Role = PteRole.Accessed)] public partial bool Accessed { get; }
                [Hardware(6, Role = PteRole.Dirty)] public partial bool Dirty { get; }
                [Hardware(7, Role = PteRole.PatOrPageSize, GuestWrite = GuestWrite.Refused)] public partial bool Pat { get; }
                [Hardware(8, Role = PteRole.Global)] public partial bool Global { get; }

            """);
        Split(text, 9, 11, random);
        text.Append("""
                [Hardware(12, 51, Role = PteRole.Frame)] public partial ulong Frame { get; }
                [XenReserved(52, Role = PteRole.GuestKernel, GuestWrite = GuestWrite.Allowed)] public partial bool GuestKernel { get; }

            """);
        Split(text, 53, 58, random);
        text.Append("""
                [Hardware(59, 62, When = "Pke", Role = PteRole.ProtectionKey)] public partial byte ProtectionKey { get; }
                [GuestAvailable(59, 61, When = "!Pke")] public partial byte SoftwareKeyBits { get; }
                [GuestAvailable(62, When = "!Pke && !Debug")] public partial bool Software62 { get; }
                [XenReserved(62, When = "Debug", Role = PteRole.GrantMapping)] public partial bool GrantMapping { get; }
                [Hardware(63, Role = PteRole.NoExecute)] public partial bool NoExecute { get; }
            }

            """);
        return text.ToString();
    }

    /// <summary>Splits the guest-available bits low..high into random contiguous fields.</summary>
    private static void Split(StringBuilder text, int low, int high, Random random)
    {
        while (low <= high)
        {
            var end = random.Next(low, high + 1);
            var type = end == low ? "bool" : "byte";
            var range = end == low ? $"{low}" : $"{low}, {end}";
            text.Append($"    [GuestAvailable({range})] public partial {type} Soft{low} {{ get; }}\n");
            low = end + 1;
        }
    }

    private static string Unrelated(int index, int edit) => $$"""
        namespace Synthetic.Unrelated;

        /// <summary>Code that has nothing to do with page tables.</summary>
        public static class Unrelated{{index:00}}
        {
            public static int Answer() => {{42 + edit}};

            public static string Describe(int value) => value switch
            {
                0 => "zero",
                < 0 => "negative",
                _ => "positive " + value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
        }

        """;
}
