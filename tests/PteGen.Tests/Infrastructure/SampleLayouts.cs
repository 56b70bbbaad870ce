namespace PteGen.Tests.Infrastructure;

/// <summary>
/// Small purpose-built layout sources shared by generator-level tests (snapshots, caching, determinism); not copies of
/// Xen's, whose layouts come from the sample (<see cref="SampleSource"/>).
/// </summary>
internal static class SampleLayouts
{
    /// <summary>No switches; enum, signed-enum, 40-bit and top-bit fields; in the global namespace.</summary>
    public const string Mixed = """
        using PteGen;

        public enum CacheKind : byte { WriteBack = 0, WriteThrough = 1, Uncached = 2 }
        public enum Mode { Off = 0, On = 1 }

        [PteLayout]
        public readonly partial struct MixedEntry
        {
            [Hardware(0)] public partial bool Low { get; }
            [Hardware(1, 3)] public partial CacheKind Cache { get; }
            [Hardware(4, 43)] public partial ulong Address { get; }
            [GuestAvailable(44, 46)] public partial Mode Mode { get; }
            [GuestAvailable(47, 54)] public partial byte Byte { get; }
            [XenReserved(55, 62)] public partial ushort Reserved { get; }
            [Hardware(63)] public partial bool High { get; }
        }
        """;

    /// <summary>Nested in partial types, internal members, a keyword-named field, one full-width field.</summary>
    public const string Nested = """
        using PteGen;

        namespace Deep.Name.Space
        {
            public static partial class Outer
            {
                internal partial record Middle
                {
                    [PteLayout(Level = 4)]
                    internal readonly partial struct Whole
                    {
                        [GuestAvailable(0, 63)] internal partial ulong @fixed { get; }
                    }
                }
            }
        }
        """;

    /// <summary>A layout with an overlap: the generator writes only throwing bodies for its properties.</summary>
    public const string Invalid = """
        using PteGen;

        namespace Broken;

        [PteLayout]
        public readonly partial struct Overlapping
        {
            [Hardware(0, 40)] public partial ulong Low { get; }
            [GuestAvailable(40, 63)] public partial uint High { get; }
        }
        """;
}
