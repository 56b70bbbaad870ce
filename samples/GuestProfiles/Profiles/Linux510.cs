using PteGen;
using XenPv;
using XenPv.Historical;

namespace GuestProfiles;

/// <summary>
/// Linux 5.10: bits 9-11, DEVMAP on 58, and the protection key on 59-62.
/// </summary>
/// <remarks>Source: Rtoax/linux-5.10.13 @ 04ec5e656368fa5d9533bacb3861a54a893c71ab (upstream's values), arch/x86/include/asm/pgtable_types.h (<c>docs/guest-os-pte-bits.md</c> §2.1).</remarks>
[GuestProfile("linux-5.10", "Linux 5.10.13", Port = "64-bit PV",
    Source = "Rtoax/linux-5.10.13 @ 04ec5e656368fa5d9533bacb3861a54a893c71ab (upstream's values), arch/x86/include/asm/pgtable_types.h")]
public static class Linux510
{
    /// <summary><c>_PAGE_BIT_SPECIAL</c> (<c>_PAGE_BIT_SOFTW1</c>), also <c>_PAGE_BIT_CPA_TEST</c>: a special mapping.</summary>
    [GuestSoftwareBits(typeof(L1e))]
    [GuestSoftwareBits(typeof(L1e2005))]
    public const ulong _PAGE_BIT_SPECIAL = 1UL << 9;

    /// <summary><c>_PAGE_BIT_UFFD_WP</c> (<c>_PAGE_BIT_SOFTW2</c>): userfaultfd write-protect.</summary>
    [GuestSoftwareBits(typeof(L1e))]
    [GuestSoftwareBits(typeof(L1e2005))]
    public const ulong _PAGE_BIT_UFFD_WP = 1UL << 10;

    /// <summary><c>_PAGE_BIT_SOFT_DIRTY</c> (<c>_PAGE_BIT_SOFTW3</c>): soft-dirty tracking.</summary>
    [GuestSoftwareBits(typeof(L1e))]
    [GuestSoftwareBits(typeof(L1e2005))]
    public const ulong _PAGE_BIT_SOFT_DIRTY = 1UL << 11;

    /// <summary><c>_PAGE_BIT_SOFTW4</c> (58) = <c>_PAGE_BIT_DEVMAP</c>: a ZONE_DEVICE/DAX mapping. Its use under PV was not verified.</summary>
    [GuestSoftwareBits(typeof(L1e))]
    [GuestSoftwareBits(typeof(L1e2005))]
    [NotVerifiedUnderPv]
    public const ulong _PAGE_BIT_DEVMAP = 1UL << 58;

    /// <summary><c>_PAGE_BIT_PKEY_BIT0</c> (59): protection-key bit 0, only with <c>CONFIG_X86_INTEL_MEMORY_PROTECTION_KEYS</c> and PKU.</summary>
    [GuestSoftwareBits(typeof(L1e), Feature = GuestFeatures.Pku, FeatureNeverOffered = true)]
    [GuestSoftwareBits(typeof(L1e2005), Feature = GuestFeatures.Pku, FeatureNeverOffered = true)]
    public const ulong _PAGE_BIT_PKEY_BIT0 = 1UL << 59;

    /// <summary><c>_PAGE_BIT_PKEY_BIT1</c> (60): protection-key bit 1, only with <c>CONFIG_X86_INTEL_MEMORY_PROTECTION_KEYS</c> and PKU.</summary>
    [GuestSoftwareBits(typeof(L1e), Feature = GuestFeatures.Pku, FeatureNeverOffered = true)]
    [GuestSoftwareBits(typeof(L1e2005), Feature = GuestFeatures.Pku, FeatureNeverOffered = true)]
    public const ulong _PAGE_BIT_PKEY_BIT1 = 1UL << 60;

    /// <summary><c>_PAGE_BIT_PKEY_BIT2</c> (61): protection-key bit 2, only with <c>CONFIG_X86_INTEL_MEMORY_PROTECTION_KEYS</c> and PKU.</summary>
    [GuestSoftwareBits(typeof(L1e), Feature = GuestFeatures.Pku, FeatureNeverOffered = true)]
    [GuestSoftwareBits(typeof(L1e2005), Feature = GuestFeatures.Pku, FeatureNeverOffered = true)]
    public const ulong _PAGE_BIT_PKEY_BIT2 = 1UL << 61;

    /// <summary><c>_PAGE_BIT_PKEY_BIT3</c> (62): protection-key bit 3, only with <c>CONFIG_X86_INTEL_MEMORY_PROTECTION_KEYS</c> and PKU.</summary>
    [GuestSoftwareBits(typeof(L1e), Feature = GuestFeatures.Pku, FeatureNeverOffered = true)]
    [GuestSoftwareBits(typeof(L1e2005), Feature = GuestFeatures.Pku, FeatureNeverOffered = true)]
    public const ulong _PAGE_BIT_PKEY_BIT3 = 1UL << 62;
}
