// Purpose-built layouts the tests compile for real: PteGen runs on this project, so these are generated types. The Xen
// layouts the tests compile for real are the sample's own (the project references samples/XenPv).
namespace PteGen.Tests.Layouts;

public enum CacheKind : byte
{
    WriteBack = 0,
    WriteThrough = 1,
    Uncached = 2,
    WriteCombining = 5,
}

public enum SignedKind
{
    Zero = 0,
    One = 1,
    Seven = 7,
    Negative = -1,
}

/// <summary>Fields of every shape, at both ends of the entry, without switches.</summary>
[PteLayout]
public readonly partial struct MixedEntry
{
    [Hardware(0)] public partial bool Low { get; }
    [Hardware(1, 3)] public partial CacheKind Cache { get; }
    [Hardware(4, 43)] public partial ulong Address { get; }
    [GuestAvailable(44, 46)] public partial SignedKind Kind { get; }
    [GuestAvailable(47, 54)] public partial byte Byte { get; }
    [XenReserved(55, 62)] public partial ushort Reserved { get; }
    [Hardware(63)] public partial bool High { get; }
}

/// <summary>One field as wide as the entry.</summary>
[PteLayout]
public readonly partial struct WholeEntry
{
    [GuestAvailable(0, 63)] public partial ulong Value { get; }
}

public static partial class Container
{
    /// <summary>A layout nested in a type, with internal properties.</summary>
    [PteLayout]
    internal readonly partial struct NestedEntry
    {
        [Hardware(0, 31)] internal partial uint Low { get; }
        [GuestAvailable(32, 63)] internal partial uint High { get; }
    }
}
