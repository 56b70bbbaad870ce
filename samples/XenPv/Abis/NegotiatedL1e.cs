using PteGen;

namespace XenPv.Abis;

/// <summary>
/// The per-domain ABI proposed on xen-devel in January 2016 (Jan Beulich): the guest says which software bits it does not
/// use, and Xen picks, per domain, a bit for each of its two purposes. The kernel marker is required (the fixup needs
/// it); the debug grant marker is optional and is switched off when only one bit is left.
/// </summary>
/// <remarks>
/// The declared bits, 52 and 62, are the home bits: negotiation takes them when the guest leaves them unused, so a guest
/// that leaves both unused sees exactly today's ABI. <see cref="Negotiate"/> picks the bits;
/// <see cref="AdjustGuestL1e(NegotiatedL1e, PvDomainKind, in Negotiation)"/> adjusts entries with them.
/// The ABI still depends on the build (a debug build takes one more bit, if the guest left one), so the layout cannot
/// declare <c>GuestAbiIndependentOf = "Debug"</c>: PTE027 would name bit 62; what it guarantees instead is that the
/// bit taken is one the guest gave up.
/// </remarks>
[PteLayout(typeof(XenConfig), Level = 1)]
public readonly partial struct NegotiatedL1e
{
    /// <summary>P: present.</summary>
    [Hardware(0, Role = PteRole.Present)] public partial bool Present { get; }

    /// <summary>R/W: writable.</summary>
    [Hardware(1, Role = PteRole.Writable)] public partial bool Writable { get; }

    /// <summary>U/S: user.</summary>
    [Hardware(2, Role = PteRole.User)] public partial bool User { get; }

    /// <summary>PWT and PCD: refused for a domain without I/O resources.</summary>
    [Hardware(3, 4, GuestWrite = GuestWrite.Refused)] public partial byte CacheControl { get; }

    /// <summary>A: accessed.</summary>
    [Hardware(5, Role = PteRole.Accessed)] public partial bool Accessed { get; }

    /// <summary>D: dirty.</summary>
    [Hardware(6, Role = PteRole.Dirty)] public partial bool Dirty { get; }

    /// <summary>PAT: refused for a domain without I/O resources.</summary>
    [Hardware(7, Role = PteRole.PatOrPageSize, GuestWrite = GuestWrite.Refused)] public partial bool Pat { get; }

    /// <summary>G: global.</summary>
    [Hardware(8, Role = PteRole.Global)] public partial bool Global { get; }

    /// <summary>Bits 9-11: software-available.</summary>
    [GuestAvailable(9, 11)] public partial byte Available { get; }

    /// <summary>The machine frame number.</summary>
    [Hardware(12, 51, Role = PteRole.Frame)] public partial ulong Frame { get; }

    /// <summary>The kernel marker: required, at bit 52 unless negotiation moves it.</summary>
    [XenReserved(52, Role = PteRole.GuestKernel, Relocatable = true, GuestWrite = GuestWrite.Allowed)]
    public partial bool GuestKernel { get; }

    /// <summary>Bits 53-58: software-available.</summary>
    [GuestAvailable(53, 58)] public partial byte AvailableHigh { get; }

    /// <summary>Bits 59-62: the protection key under PKE.</summary>
    [Hardware(59, 62, When = "Pke", Role = PteRole.ProtectionKey)] public partial byte ProtectionKey { get; }

    /// <summary>Bits 59-61: software-available without PKE.</summary>
    [GuestAvailable(59, 61, When = "!Pke")] public partial byte SoftwareKeyBits { get; }

    /// <summary>Bit 62: software-available in a release build without PKE.</summary>
    [GuestAvailable(62, When = "!Pke && !Debug")] public partial bool Software62 { get; }

    /// <summary>The debug grant marker: optional, at bit 62 unless negotiation moves it or switches it off.</summary>
    [XenReserved(62, When = "Debug", Role = PteRole.GrantMapping, Relocatable = true, Optional = true)]
    public partial bool GrantMapping { get; }

    /// <summary>XD/NX: no execute.</summary>
    [Hardware(63, Role = PteRole.NoExecute)] public partial bool NoExecute { get; }
}
