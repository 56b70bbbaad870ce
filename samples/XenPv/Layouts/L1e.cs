using System;
using PteGen;

namespace XenPv;

/// <summary>
/// An x86-64 PV leaf (L1) entry, as Xen 4.6 to today treats it: the hardware layout of the Intel SDM, bit 52 kept by
/// Xen as the kernel marker, bit 62 kept by debug builds as the grant marker, bits 59-62 the protection key under PKE.
/// </summary>
/// <remarks>
/// Guest-write rules follow <c>L1_DISALLOW_MASK</c> (<c>xen/arch/x86/mm.c</c>) for a domain without I/O resources:
/// PWT, PCD and PAT are refused, Global is allowed (L1 only), bits 52-62 and NX are allowed except bit 62 in a debug
/// build. <see cref="AdjustGuestL1e(L1e, PvDomainKind, XenConfig)"/> is generated from the roles below.
/// A debug build changes the guest ABI at bit 62, so this layout cannot declare <c>GuestAbiIndependentOf = "Debug"</c>
/// (PTE027 would name that bit); <c>ExpertDebugL1e</c> can.
/// </remarks>
[PteLayout(typeof(XenConfig), Level = 1)]
public readonly partial struct L1e
{
    /// <summary>P: the entry maps a page. Xen checks and adjusts present entries only.</summary>
    [Hardware(0, Role = PteRole.Present)]
    public partial bool Present { get; }

    /// <summary>R/W: writes allowed.</summary>
    [Hardware(1, Role = PteRole.Writable)]
    public partial bool Writable { get; }

    /// <summary>U/S: user access. A 64-bit PV kernel runs in ring 3, so Xen sets it on every present entry.</summary>
    [Hardware(2, Role = PteRole.User)]
    public partial bool User { get; }

    /// <summary>PWT: write-through. Refused for a domain without I/O resources (<c>l1_disallow_mask</c>).</summary>
    [Hardware(3, Role = PteRole.WriteThrough, GuestWrite = GuestWrite.Refused)]
    public partial bool WriteThrough { get; }

    /// <summary>PCD: cache disable. Refused for a domain without I/O resources (<c>l1_disallow_mask</c>).</summary>
    [Hardware(4, Role = PteRole.CacheDisable, GuestWrite = GuestWrite.Refused)]
    public partial bool CacheDisable { get; }

    /// <summary>A: accessed.</summary>
    [Hardware(5, Role = PteRole.Accessed)]
    public partial bool Accessed { get; }

    /// <summary>D: dirty.</summary>
    [Hardware(6, Role = PteRole.Dirty)]
    public partial bool Dirty { get; }

    /// <summary>PAT: page-attribute-table index. Refused for a domain without I/O resources (<c>l1_disallow_mask</c>).</summary>
    [Hardware(7, Role = PteRole.PatOrPageSize, GuestWrite = GuestWrite.Refused)]
    public partial bool Pat { get; }

    /// <summary>G: global. Allowed in L1 entries only; Xen adds it to user mappings and never clears it.</summary>
    [Hardware(8, Role = PteRole.Global)]
    public partial bool Global { get; }

    /// <summary>Bits 9-11, <c>_PAGE_AVAIL</c>: the software bits every PV guest OS uses (Linux, the BSDs, illumos).</summary>
    [GuestAvailable(9, 11)]
    public partial byte Available { get; }

    /// <summary>The machine frame number (bits above MAXPHYADDR must be 0).</summary>
    [Hardware(12, 51, Role = PteRole.Frame)]
    public partial ulong Frame { get; }

    /// <summary>
    /// Bit 52, <c>_PAGE_GUEST_KERNEL</c>: Xen marks kernel mappings here because it sets User on all of them. The L1
    /// mask lets a guest set it (it lies in the software range 62:52), which makes the mapping a kernel one.
    /// </summary>
    [XenReserved(52, Role = PteRole.GuestKernel, GuestWrite = GuestWrite.Allowed)]
    public partial bool GuestKernel { get; }

    /// <summary>Bits 53-58: software-available in every configuration (recent Linux uses 57 and 58).</summary>
    [GuestAvailable(53, 58)]
    public partial byte AvailableHigh { get; }

    /// <summary>Bits 59-62: the protection key, when CR4.PKE is set.</summary>
    [Hardware(59, 62, When = "Pke", Role = PteRole.ProtectionKey)]
    public partial byte ProtectionKey { get; }

    /// <summary>Bits 59-61: software-available while protection keys are off.</summary>
    [GuestAvailable(59, 61, When = "!Pke")]
    public partial byte SoftwareKeyBits { get; }

    /// <summary>Bit 62: software-available only in a release build without protection keys.</summary>
    [GuestAvailable(62, When = "!Pke && !Debug")]
    public partial bool Software62 { get; }

    /// <summary>
    /// Bit 62, <c>_PAGE_GNTTAB</c>, in debug builds: Xen marks grant mappings with it and refuses a guest L1 entry that
    /// sets it ("Bad L1 flags"). It was bit 11 until 2008, when it collided with Linux's <c>_PAGE_IO</c>
    /// (docs/xen-pv-abi.md §1).
    /// </summary>
    [XenReserved(62, When = "Debug", Role = PteRole.GrantMapping)]
    public partial bool GrantMapping { get; }

    /// <summary>XD/NX: no execute (the guest may set it when the CPU has NX).</summary>
    [Hardware(63, Role = PteRole.NoExecute)]
    public partial bool NoExecute { get; }

    /// <summary>
    /// Receives Xen's debug warning "Global bit is set in kernel page" from the generated fixups; <see langword="null"/>
    /// (the default) ignores it. The hook below is the generated partial method; without it, the call would vanish.
    /// </summary>
    public static Action<L1e>? GlobalKernelPageWarning { get; set; }

    static partial void OnGlobalKernelPage(L1e entry) => GlobalKernelPageWarning?.Invoke(entry);
}
