using PteGen;

namespace XenPv;

/// <summary>An x86-64 PV leaf (L1) page-table entry as Xen sees it.</summary>
[PteLayout(typeof(XenConfig), Level = 1)]
public readonly partial struct L1e
{
    /// <summary>P: the entry maps a page.</summary>
    [Hardware(0, Role = PteRole.Present)] public partial bool Present { get; }

    /// <summary>R/W: writes allowed.</summary>
    [Hardware(1, Role = PteRole.Writable)] public partial bool Writable { get; }

    /// <summary>U/S: user-mode access allowed.</summary>
    [Hardware(2, Role = PteRole.User)] public partial bool User { get; }

    /// <summary>PWT: write-through.</summary>
    [Hardware(3, Role = PteRole.WriteThrough, GuestWrite = GuestWrite.Refused)] public partial bool WriteThrough { get; }

    /// <summary>PCD: cache disabled.</summary>
    [Hardware(4, Role = PteRole.CacheDisable, GuestWrite = GuestWrite.Refused)] public partial bool CacheDisable { get; }

    /// <summary>A: accessed.</summary>
    [Hardware(5, Role = PteRole.Accessed)] public partial bool Accessed { get; }

    /// <summary>D: dirty.</summary>
    [Hardware(6, Role = PteRole.Dirty)] public partial bool Dirty { get; }

    /// <summary>PAT: page attribute table index bit.</summary>
    [Hardware(7, Role = PteRole.PatOrPageSize, GuestWrite = GuestWrite.Refused)] public partial bool Pat { get; }

    /// <summary>G: global mapping.</summary>
    [Hardware(8, Role = PteRole.Global)] public partial bool Global { get; }

    /// <summary>Bits 9-11: software-available.</summary>
    [GuestAvailable(9, 11)] public partial byte Available { get; }

    /// <summary>The machine frame number.</summary>
    [Hardware(12, 51, Role = PteRole.Frame)] public partial ulong Frame { get; }

    /// <summary>Bit 52: <c>_PAGE_GUEST_KERNEL</c>, set by Xen on kernel mappings.</summary>
    [XenReserved(52, Role = PteRole.GuestKernel, GuestWrite = GuestWrite.Allowed)] public partial bool GuestKernel { get; }

    /// <summary>Bits 53-58: software-available.</summary>
    [GuestAvailable(53, 58)] public partial byte AvailableHigh { get; }

    /// <summary>Bits 59-62: the protection key when CR4.PKE is set.</summary>
    [Hardware(59, 62, When = "Pke", Role = PteRole.ProtectionKey)] public partial byte ProtectionKey { get; }

    /// <summary>Bits 59-61: software-available without protection keys.</summary>
    [GuestAvailable(59, 61, When = "!Pke")] public partial byte SoftwareKeyBits { get; }

    /// <summary>Bit 62: software-available in a release build without protection keys.</summary>
    [GuestAvailable(62, When = "!Pke && !Debug")] public partial bool Software62 { get; }

    /// <summary>Bit 62: <c>_PAGE_GNTTAB</c> in debug builds.</summary>
    [XenReserved(62, When = "Debug", Role = PteRole.GrantMapping)] public partial bool GrantMapping { get; }

    /// <summary>XD/NX: no execute.</summary>
    [Hardware(63, Role = PteRole.NoExecute)] public partial bool NoExecute { get; }
}
