using PteGen;
using XenPv;
using XenPv.Historical;

namespace GuestProfiles;

/// <summary>
/// Linux 2.6.32, the pvops era: bits 9-11 only, nothing in 52-62.
/// </summary>
/// <remarks>Source: avsm/linux-2.6.32-xen-oprofile @ d541daf6b95641953a1eb1938c640a0178bed726, arch/x86/include/asm/pgtable_types.h (<c>docs/guest-os-pte-bits.md</c> §2.1).</remarks>
[GuestProfile("linux-2.6.32", "Linux 2.6.32", Port = "64-bit PV (pvops)",
    Source = "avsm/linux-2.6.32-xen-oprofile @ d541daf6b95641953a1eb1938c640a0178bed726, arch/x86/include/asm/pgtable_types.h")]
public static class Linux2632
{
    /// <summary><c>_PAGE_BIT_UNUSED1</c> (9), used as <c>_PAGE_BIT_SPECIAL</c> and <c>_PAGE_BIT_CPA_TEST</c>: a special mapping (no struct-page refcounting), or the change-page-attr self-test marker.</summary>
    [GuestSoftwareBits(typeof(L1e))]
    [GuestSoftwareBits(typeof(L1e2005))]
    public const ulong _PAGE_BIT_SPECIAL = 1UL << 9;

    /// <summary><c>_PAGE_BIT_IOMAP</c> (10): an I/O mapping of a real machine frame, added for Xen PV (commit <c>be43d72835</c>).</summary>
    [GuestSoftwareBits(typeof(L1e))]
    [GuestSoftwareBits(typeof(L1e2005))]
    public const ulong _PAGE_BIT_IOMAP = 1UL << 10;

    /// <summary><c>_PAGE_BIT_HIDDEN</c> (11): kmemcheck, a debugging build option.</summary>
    [GuestSoftwareBits(typeof(L1e), Feature = GuestFeatures.KmemCheck)]
    [GuestSoftwareBits(typeof(L1e2005), Feature = GuestFeatures.KmemCheck)]
    public const ulong _PAGE_BIT_HIDDEN = 1UL << 11;
}
