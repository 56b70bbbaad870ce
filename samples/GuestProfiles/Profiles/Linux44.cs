using PteGen;
using XenPv;
using XenPv.Historical;

namespace GuestProfiles;

/// <summary>
/// Linux of about v4.4 (before v4.5: <c>_PAGE_BIT_SPLITTING</c> present, no protection keys, no DEVMAP).
/// </summary>
/// <remarks>Source: torvalds/linux @ 009f773836513960d3982e80c86e266d25528563 (before v4.5), arch/x86/include/asm/pgtable_types.h (<c>docs/guest-os-pte-bits.md</c> §2.1).</remarks>
[GuestProfile("linux-4.4", "Linux 4.4", Port = "64-bit PV",
    Source = "torvalds/linux @ 009f773836513960d3982e80c86e266d25528563 (before v4.5), arch/x86/include/asm/pgtable_types.h")]
public static class Linux44
{
    /// <summary><c>_PAGE_BIT_SOFTW1</c> (9) = <c>_PAGE_BIT_SPECIAL</c>, also <c>_PAGE_BIT_CPA_TEST</c>: a special mapping.</summary>
    [GuestSoftwareBits(typeof(L1e))]
    [GuestSoftwareBits(typeof(L1e2005))]
    public const ulong _PAGE_BIT_SPECIAL = 1UL << 9;

    /// <summary><c>_PAGE_BIT_SOFTW2</c> (10) = <c>_PAGE_BIT_SPLITTING</c>: a transparent huge page being split, valid only on a PSE PMD (a 2 MiB leaf).</summary>
    [GuestSoftwareBits(typeof(L1e), Feature = GuestFeatures.LargePages, FeatureNeverOffered = true)]
    [GuestSoftwareBits(typeof(L1e2005), Feature = GuestFeatures.LargePages, FeatureNeverOffered = true)]
    public const ulong _PAGE_BIT_SPLITTING = 1UL << 10;

    /// <summary><c>_PAGE_BIT_SOFTW3</c> (11) = <c>_PAGE_BIT_SOFT_DIRTY</c>, also <c>_PAGE_BIT_HIDDEN</c>: soft-dirty tracking on user pages (kmemcheck on kernel pages).</summary>
    [GuestSoftwareBits(typeof(L1e), Feature = GuestFeatures.SoftDirty)]
    [GuestSoftwareBits(typeof(L1e2005), Feature = GuestFeatures.SoftDirty)]
    public const ulong _PAGE_BIT_SOFT_DIRTY = 1UL << 11;
}
