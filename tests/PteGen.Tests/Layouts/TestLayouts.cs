// Layouts the tests compile for real: PteGen runs on this project, so these are generated types.
namespace PteGen.Tests.Layouts;

[PteSwitches]
[MutuallyExclusive(TestConfig.Debug, TestConfig.Pke)]
[Flags]
public enum TestConfig
{
    None = 0,
    Debug = 1,
    Pke = 2,
}

/// <summary>The x86-64 PV L1 entry of the design, whose bit 62 changes owner with the configuration.</summary>
[PteLayout(typeof(TestConfig), Level = 1)]
public readonly partial struct PvL1e
{
    [Hardware(0, Role = PteRole.Present)] public partial bool Present { get; }
    [Hardware(1, Role = PteRole.Writable)] public partial bool Writable { get; }
    [Hardware(2, Role = PteRole.User)] public partial bool User { get; }
    [Hardware(3, GuestWrite = GuestWrite.Refused)] public partial bool WriteThrough { get; }
    [Hardware(4, GuestWrite = GuestWrite.Refused)] public partial bool CacheDisable { get; }
    [Hardware(5, Role = PteRole.Accessed)] public partial bool Accessed { get; }
    [Hardware(6, Role = PteRole.Dirty)] public partial bool Dirty { get; }
    [Hardware(7, GuestWrite = GuestWrite.Refused)] public partial bool Pat { get; }
    [Hardware(8, Role = PteRole.Global)] public partial bool Global { get; }
    [GuestAvailable(9, 11)] public partial byte Available { get; }
    [Hardware(12, 51, Role = PteRole.Frame)] public partial ulong Frame { get; }
    [XenReserved(52, Role = PteRole.GuestKernel, GuestWrite = GuestWrite.Allowed)] public partial bool GuestKernel { get; }
    [GuestAvailable(53, 58)] public partial byte AvailableHigh { get; }
    [Hardware(59, 62, When = "Pke", Role = PteRole.ProtectionKey)] public partial byte ProtectionKey { get; }
    [GuestAvailable(59, 61, When = "!Pke")] public partial byte SoftwareKeyBits { get; }
    [GuestAvailable(62, When = "!Pke && !Debug")] public partial bool Software62 { get; }
    [XenReserved(62, When = "Debug", Role = PteRole.GrantMapping)] public partial bool GrantMapping { get; }
    [Hardware(63, Role = PteRole.NoExecute)] public partial bool NoExecute { get; }
}

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
