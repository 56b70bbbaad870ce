using PteGen;

namespace XenPv;

/// <summary>An x86-64 PV L4 entry (it points at an L3 table).</summary>
/// <remarks>
/// Xen sets Accessed on every present L4 entry since 4.11, and User on 64-bit PV ones (docs/xen-pv-abi.md §1).
/// </remarks>
[PteLayout(typeof(XenConfig), Level = 4)]
public readonly partial struct L4e
{
    /// <summary>P: the entry points at an L3 table.</summary>
    [Hardware(0, Role = PteRole.Present)] public partial bool Present { get; }

    /// <summary>R/W: writes allowed through this entry.</summary>
    [Hardware(1, Role = PteRole.Writable)] public partial bool Writable { get; }

    /// <summary>U/S: user access; Xen sets it on present entries of 64-bit PV domains.</summary>
    [Hardware(2, Role = PteRole.User)] public partial bool User { get; }

    /// <summary>PWT: refused (<c>base_disallow_mask</c>).</summary>
    [Hardware(3, Role = PteRole.WriteThrough, GuestWrite = GuestWrite.Refused)] public partial bool WriteThrough { get; }

    /// <summary>PCD: refused (<c>base_disallow_mask</c>).</summary>
    [Hardware(4, Role = PteRole.CacheDisable, GuestWrite = GuestWrite.Refused)] public partial bool CacheDisable { get; }

    /// <summary>A: accessed; Xen sets it on every present entry.</summary>
    [Hardware(5, Role = PteRole.Accessed)] public partial bool Accessed { get; }

    /// <summary>Bit 6: ignored by hardware in a non-leaf entry.</summary>
    [Hardware(6)] public partial bool Ignored6 { get; }

    /// <summary>Bit 7: reserved (must be 0) in an L4 entry; refused.</summary>
    [Hardware(7, GuestWrite = GuestWrite.Refused)] public partial bool Reserved7 { get; }

    /// <summary>G: ignored in a non-leaf entry; refused.</summary>
    [Hardware(8, GuestWrite = GuestWrite.Refused)] public partial bool Global { get; }

    /// <summary>Bits 9-11: software-available.</summary>
    [GuestAvailable(9, 11)] public partial byte Available { get; }

    /// <summary>The machine frame of the L3 table.</summary>
    [Hardware(12, 51, Role = PteRole.Frame)] public partial ulong Frame { get; }

    /// <summary>Bits 52-62: software-available.</summary>
    [GuestAvailable(52, 62)] public partial ushort AvailableHigh { get; }

    /// <summary>XD/NX: no execute.</summary>
    [Hardware(63, Role = PteRole.NoExecute)] public partial bool NoExecute { get; }
}
