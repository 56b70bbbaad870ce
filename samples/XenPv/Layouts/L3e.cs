using PteGen;

namespace XenPv;

/// <summary>An x86-64 PV L3 entry (it points at an L2 table).</summary>
/// <remarks>
/// Xen adds User to present entries and, for a 32-bit PV domain, User and RW (<c>adjust_guest_l3e</c>). A 32-bit PV
/// domain may set none of bits 52-63 in its L3 entries (<c>l3_disallow_mask</c>); that rule depends on the domain kind,
/// not on a configuration, and is not part of <see cref="GuestRefusedBits"/>.
/// </remarks>
[PteLayout(typeof(XenConfig), Level = 3)]
public readonly partial struct L3e
{
    /// <summary>P: the entry points at an L2 table.</summary>
    [Hardware(0, Role = PteRole.Present)] public partial bool Present { get; }

    /// <summary>R/W: writes allowed through this entry; Xen sets it for 32-bit PV domains.</summary>
    [Hardware(1, Role = PteRole.Writable)] public partial bool Writable { get; }

    /// <summary>U/S: user access; Xen sets it on every present entry.</summary>
    [Hardware(2, Role = PteRole.User)] public partial bool User { get; }

    /// <summary>PWT: refused (<c>base_disallow_mask</c>).</summary>
    [Hardware(3, Role = PteRole.WriteThrough, GuestWrite = GuestWrite.Refused)] public partial bool WriteThrough { get; }

    /// <summary>PCD: refused (<c>base_disallow_mask</c>).</summary>
    [Hardware(4, Role = PteRole.CacheDisable, GuestWrite = GuestWrite.Refused)] public partial bool CacheDisable { get; }

    /// <summary>A: accessed.</summary>
    [Hardware(5, Role = PteRole.Accessed)] public partial bool Accessed { get; }

    /// <summary>Bit 6: ignored by hardware in a non-leaf entry.</summary>
    [Hardware(6)] public partial bool Ignored6 { get; }

    /// <summary>PS: a 1 GiB page. Refused: Xen has no PV superpages.</summary>
    [Hardware(7, Role = PteRole.PatOrPageSize, GuestWrite = GuestWrite.Refused)] public partial bool PageSize { get; }

    /// <summary>G: ignored in a non-leaf entry; refused.</summary>
    [Hardware(8, GuestWrite = GuestWrite.Refused)] public partial bool Global { get; }

    /// <summary>Bits 9-11: software-available.</summary>
    [GuestAvailable(9, 11)] public partial byte Available { get; }

    /// <summary>The machine frame of the L2 table.</summary>
    [Hardware(12, 51, Role = PteRole.Frame)] public partial ulong Frame { get; }

    /// <summary>Bits 52-62: software-available for 64-bit PV domains.</summary>
    [GuestAvailable(52, 62)] public partial ushort AvailableHigh { get; }

    /// <summary>XD/NX: no execute.</summary>
    [Hardware(63, Role = PteRole.NoExecute)] public partial bool NoExecute { get; }
}
