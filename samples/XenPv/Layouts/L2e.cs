using PteGen;

namespace XenPv;

/// <summary>
/// An x86-64 PV L2 entry (it points at an L1 table: Xen has no PV superpages since 4.10, so PS must be clear).
/// </summary>
/// <remarks>
/// No bit depends on <see cref="XenConfig"/> here: <c>_PAGE_GNTTAB</c> is checked in L1 entries only, and protection keys
/// apply to leaf entries only; the switches are declared so every level takes the same configurations. Guest-write
/// rules follow <c>base_disallow_mask</c>: PWT, PCD, PS and Global are refused.
/// </remarks>
[PteLayout(typeof(XenConfig), Level = 2)]
public readonly partial struct L2e
{
    /// <summary>P: the entry points at an L1 table.</summary>
    [Hardware(0, Role = PteRole.Present)] public partial bool Present { get; }

    /// <summary>R/W: writes allowed through this entry.</summary>
    [Hardware(1, Role = PteRole.Writable)] public partial bool Writable { get; }

    /// <summary>U/S: user access; Xen sets it on present entries of 64-bit PV domains.</summary>
    [Hardware(2, Role = PteRole.User)] public partial bool User { get; }

    /// <summary>PWT: refused (<c>base_disallow_mask</c>).</summary>
    [Hardware(3, Role = PteRole.WriteThrough, GuestWrite = GuestWrite.Refused)] public partial bool WriteThrough { get; }

    /// <summary>PCD: refused (<c>base_disallow_mask</c>).</summary>
    [Hardware(4, Role = PteRole.CacheDisable, GuestWrite = GuestWrite.Refused)] public partial bool CacheDisable { get; }

    /// <summary>A: accessed.</summary>
    [Hardware(5, Role = PteRole.Accessed)] public partial bool Accessed { get; }

    /// <summary>Bit 6: ignored by hardware in a non-leaf entry (D in a leaf).</summary>
    [Hardware(6)] public partial bool Ignored6 { get; }

    /// <summary>PS: a 2 MiB page. Refused: PV superpages were removed in Xen 4.10 (docs/xen-pv-abi.md §1).</summary>
    [Hardware(7, Role = PteRole.PatOrPageSize, GuestWrite = GuestWrite.Refused)] public partial bool PageSize { get; }

    /// <summary>G: ignored in a non-leaf entry; refused (only the L1 mask allows it).</summary>
    [Hardware(8, GuestWrite = GuestWrite.Refused)] public partial bool Global { get; }

    /// <summary>Bits 9-11: software-available.</summary>
    [GuestAvailable(9, 11)] public partial byte Available { get; }

    /// <summary>The machine frame of the L1 table.</summary>
    [Hardware(12, 51, Role = PteRole.Frame)] public partial ulong Frame { get; }

    /// <summary>Bits 52-62: software-available (<c>_PAGE_AVAIL_HIGH</c>).</summary>
    [GuestAvailable(52, 62)] public partial ushort AvailableHigh { get; }

    /// <summary>XD/NX: no execute for everything below this entry.</summary>
    [Hardware(63, Role = PteRole.NoExecute)] public partial bool NoExecute { get; }
}
