using System;
using PteGen;

namespace XenPv.Abis;

/// <summary>
/// Switches of the "all software bits are the guest's" ABI proposed on xen-devel in January 2016 (Andrew Cooper):
/// Xen's own bits exist only under an expert debug option, off by default even in debug builds.
/// </summary>
[PteSwitches]
[MutuallyExclusive(ExpertConfig.PvPteDebug, ExpertConfig.Pke)]
[Flags]
public enum ExpertConfig
{
    /// <summary>The default: no PTE debugging in Xen.</summary>
    None = 0,

    /// <summary>The expert <c>CONFIG_PV_PTE_DEBUG</c> option that was proposed (and never merged).</summary>
    PvPteDebug = 1,

    /// <summary>CR4.PKE: bits 59-62 are the protection key.</summary>
    Pke = 2,

    /// <summary>
    /// An ordinary debug build of Xen (<c>gdprintk</c> warnings compiled in). Under this proposal it changes no bit:
    /// the layout below declares so with <c>GuestAbiIndependentOf = "Debug"</c>, which PteGen checks (PTE027).
    /// </summary>
    Debug = 4,
}

/// <summary>
/// The closest variant of the "all software bits are the guest's" ABI that PteGen can generate a fixup for.
/// </summary>
/// <remarks>
/// <para>
/// The proposal as written declares the kernel marker only under <c>PvPteDebug</c>. PteGen rejects that layout with
/// PTE021: <c>AdjustGuestL1e</c> cannot be expressed under configuration <c>None</c>, because without the kernel marker
/// the last step of <c>adjust_guest_l1e</c> (which adds Global to user mappings only) cannot tell a kernel mapping
/// from a user one. That is Jan Beulich's objection in the thread, found by the compiler.
/// </para>
/// <para>
/// This variant gives up one bit: bit 52 stays Xen's kernel marker in every configuration. Everything else the
/// proposal wanted holds: bit 62 is the guest's unless <c>PvPteDebug</c> is on, so an ordinary debug build of Xen
/// no longer changes the ABI (<c>GuestAbiIndependentOf = "Debug"</c> states it, and PteGen verifies it); and with
/// bit 62 free, protection keys no longer collide with Xen in the default configuration.
/// </para>
/// </remarks>
[PteLayout(typeof(ExpertConfig), Level = 1, WarnWhen = "PvPteDebug", GuestAbiIndependentOf = "Debug")]
public readonly partial struct ExpertDebugL1e
{
    /// <summary>P: present.</summary>
    [Hardware(0, Role = PteRole.Present)] public partial bool Present { get; }

    /// <summary>R/W: writable.</summary>
    [Hardware(1, Role = PteRole.Writable)] public partial bool Writable { get; }

    /// <summary>U/S: user.</summary>
    [Hardware(2, Role = PteRole.User)] public partial bool User { get; }

    /// <summary>PWT, PCD, PAT: refused for a domain without I/O resources.</summary>
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

    /// <summary>Bit 52: the kernel marker, kept in every configuration (the price of a working fixup).</summary>
    [XenReserved(52, Role = PteRole.GuestKernel, GuestWrite = GuestWrite.Allowed)] public partial bool GuestKernel { get; }

    /// <summary>Bits 53-58: software-available.</summary>
    [GuestAvailable(53, 58)] public partial byte AvailableHigh { get; }

    /// <summary>Bits 59-62: the protection key under PKE.</summary>
    [Hardware(59, 62, When = "Pke", Role = PteRole.ProtectionKey)] public partial byte ProtectionKey { get; }

    /// <summary>Bits 59-61: software-available without PKE.</summary>
    [GuestAvailable(59, 61, When = "!Pke")] public partial byte SoftwareKeyBits { get; }

    /// <summary>Bit 62: the guest's in the default configuration, unlike today's debug builds.</summary>
    [GuestAvailable(62, When = "!Pke && !PvPteDebug")] public partial bool Software62 { get; }

    /// <summary>Bit 62: the grant marker, only under the expert debug option.</summary>
    [XenReserved(62, When = "PvPteDebug", Role = PteRole.GrantMapping)] public partial bool GrantMapping { get; }

    /// <summary>XD/NX: no execute.</summary>
    [Hardware(63, Role = PteRole.NoExecute)] public partial bool NoExecute { get; }
}
