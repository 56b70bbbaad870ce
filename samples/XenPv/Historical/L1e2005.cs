using PteGen;

namespace XenPv.Historical;

/// <summary>
/// An x86-64 PV leaf (L1) entry as Xen treated it from 2005 to 2008: the debug grant marker <c>_PAGE_GNTTAB</c> was
/// <c>_PAGE_AVAIL2</c> (0x800), bit 11, inside the software bits 9-11 that guest kernels use. The "*BSD" warning next
/// to that flag was written for this layout (<c>docs/guest-os-pte-bits.md</c> §1).
/// </summary>
/// <remarks>
/// Modelled for its debug bit only: the kernel marker (bit 52) came in September 2006 and protection keys in 2016, so
/// bits 52-62 are left to the guest (what 2005 Xen did with them is outside the survey), and the fixups of that time
/// are not modelled (<c>AdjustGuest = false</c>). In 2008 the flag moved to bit 62 (<see cref="L1e.GrantMapping"/>)
/// after it collided with Linux's <c>_PAGE_IO</c>.
/// </remarks>
[PteLayout(typeof(Xen2005Config), Level = 1, AdjustGuest = false)]
public readonly partial struct L1e2005
{
    /// <summary>P: the entry maps a page.</summary>
    [Hardware(0, Role = PteRole.Present)]
    public partial bool Present { get; }

    /// <summary>R/W: writes allowed.</summary>
    [Hardware(1, Role = PteRole.Writable)]
    public partial bool Writable { get; }

    /// <summary>U/S: user access.</summary>
    [Hardware(2, Role = PteRole.User)]
    public partial bool User { get; }

    /// <summary>PWT, PCD: caching.</summary>
    [Hardware(3, 4)]
    public partial byte CacheControl { get; }

    /// <summary>A: accessed.</summary>
    [Hardware(5, Role = PteRole.Accessed)]
    public partial bool Accessed { get; }

    /// <summary>D: dirty.</summary>
    [Hardware(6, Role = PteRole.Dirty)]
    public partial bool Dirty { get; }

    /// <summary>PAT.</summary>
    [Hardware(7, Role = PteRole.PatOrPageSize)]
    public partial bool Pat { get; }

    /// <summary>G: global.</summary>
    [Hardware(8, Role = PteRole.Global)]
    public partial bool Global { get; }

    /// <summary>Bits 9-10, <c>_PAGE_AVAIL0</c> and <c>_PAGE_AVAIL1</c>: the guest's in every build.</summary>
    [GuestAvailable(9, 10)]
    public partial byte Available { get; }

    /// <summary>Bit 11, <c>_PAGE_AVAIL2</c>: the guest's in a release build.</summary>
    [GuestAvailable(11, When = "!Debug")]
    public partial bool Software11 { get; }

    /// <summary>
    /// Bit 11, <c>_PAGE_GNTTAB</c> in a debug build: Xen marks grant mappings with it and refuses a guest entry that
    /// sets it. NetBSD i386's <c>PG_X</c> sits on this bit (<c>docs/guest-os-pte-bits.md</c>).
    /// </summary>
    [XenReserved(11, When = "Debug", Role = PteRole.GrantMapping)]
    public partial bool GrantMapping { get; }

    /// <summary>The machine frame number.</summary>
    [Hardware(12, 51, Role = PteRole.Frame)]
    public partial ulong Frame { get; }

    /// <summary>Bits 52-62: no kernel marker and no protection key yet; left to the guest.</summary>
    [GuestAvailable(52, 62)]
    public partial ushort AvailableHigh { get; }

    /// <summary>XD/NX: no execute.</summary>
    [Hardware(63, Role = PteRole.NoExecute)]
    public partial bool NoExecute { get; }
}
