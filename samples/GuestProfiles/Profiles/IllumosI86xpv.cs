using PteGen;
using XenPv;
using XenPv.Historical;

namespace GuestProfiles;

/// <summary>
/// illumos (OpenSolaris) i86xpv. <c>PT_FOREIGN</c> (0x600) is bits 9 and 10 together; the code tests it with a greater-or-equal comparison because the hypervisor may set 0x800 (bit 11) on grant mappings, the 2005 debug bit, which illumos anticipates rather than uses.
/// </summary>
/// <remarks>Source: illumos/illumos-gate @ 5f5704245a8a5f5481611362a8db22105fb1de56, usr/src/uts/i86pc/sys/mach_mmu.h (<c>docs/guest-os-pte-bits.md</c> §2.5).</remarks>
[GuestProfile("illumos-i86xpv", "illumos i86xpv", Port = "32- and 64-bit PV (removed in later illumos)",
    Source = "illumos/illumos-gate @ 5f5704245a8a5f5481611362a8db22105fb1de56, usr/src/uts/i86pc/sys/mach_mmu.h")]
public static class IllumosI86xpv
{
    /// <summary><c>PT_NOSYNC</c> (0x200): ref/mod bits are not synced to the <c>page_t</c>.</summary>
    [GuestSoftwareBits(typeof(L1e))]
    [GuestSoftwareBits(typeof(L1e2005))]
    public const ulong PT_NOSYNC = 1UL << 9;

    /// <summary><c>PT_NOCONSIST</c> (0x400): no hment (reverse-map) entry.</summary>
    [GuestSoftwareBits(typeof(L1e))]
    [GuestSoftwareBits(typeof(L1e2005))]
    public const ulong PT_NOCONSIST = 1UL << 10;
}
