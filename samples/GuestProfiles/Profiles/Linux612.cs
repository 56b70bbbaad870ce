using PteGen;
using XenPv;
using XenPv.Historical;

namespace GuestProfiles;

/// <summary>
/// Linux 6.12: bits 9-11, DEVMAP on 57, saved-dirty on 58 (set on ordinary present PTEs), the protection key on 59-62.
/// </summary>
/// <remarks>Source: Debian linux-headers-6.12.117+deb12-common 6.12.117-1~deb12u1 (upstream 6.12.117), arch/x86/include/asm/pgtable_types.h (<c>docs/guest-os-pte-bits.md</c> §2.1).</remarks>
[GuestProfile("linux-6.12", "Linux 6.12.117", Port = "64-bit PV",
    Source = "Debian linux-headers-6.12.117+deb12-common 6.12.117-1~deb12u1 (upstream 6.12.117), arch/x86/include/asm/pgtable_types.h")]
public static class Linux612
{
    /// <summary><c>_PAGE_BIT_SOFTW1</c> (9) = <c>_PAGE_BIT_SPECIAL</c>, also <c>_PAGE_BIT_CPA_TEST</c>: a special mapping.</summary>
    [GuestSoftwareBits(typeof(L1e))]
    [GuestSoftwareBits(typeof(L1e2005))]
    public const ulong _PAGE_BIT_SPECIAL = 1UL << 9;

    /// <summary><c>_PAGE_BIT_SOFTW2</c> (10) = <c>_PAGE_BIT_UFFD_WP</c>: userfaultfd write-protect.</summary>
    [GuestSoftwareBits(typeof(L1e))]
    [GuestSoftwareBits(typeof(L1e2005))]
    public const ulong _PAGE_BIT_UFFD_WP = 1UL << 10;

    /// <summary><c>_PAGE_BIT_SOFTW3</c> (11) = <c>_PAGE_BIT_SOFT_DIRTY</c>: soft-dirty tracking.</summary>
    [GuestSoftwareBits(typeof(L1e))]
    [GuestSoftwareBits(typeof(L1e2005))]
    public const ulong _PAGE_BIT_SOFT_DIRTY = 1UL << 11;

    /// <summary><c>_PAGE_BIT_SOFTW4</c> (57) = <c>_PAGE_BIT_DEVMAP</c>: a ZONE_DEVICE/DAX mapping. Its use under PV was not verified.</summary>
    [GuestSoftwareBits(typeof(L1e))]
    [GuestSoftwareBits(typeof(L1e2005))]
    [NotVerifiedUnderPv]
    public const ulong _PAGE_BIT_DEVMAP = 1UL << 57;

    /// <summary><c>_PAGE_BIT_SOFTW5</c> (58) = <c>_PAGE_BIT_SAVED_DIRTY</c>: <c>pte_wrprotect</c> moves a set Dirty bit here whenever it clears RW, unconditionally, so it appears in present L1 entries of a 64-bit PV guest (<c>_PAGE_BIT_NOPTISHADOW</c> on top-level entries).</summary>
    [GuestSoftwareBits(typeof(L1e))]
    [GuestSoftwareBits(typeof(L1e2005))]
    public const ulong _PAGE_BIT_SAVED_DIRTY = 1UL << 58;

    /// <summary><c>_PAGE_BIT_PKEY_BIT0</c> (59): protection-key bit 0, only with the build option and PKU.</summary>
    [GuestSoftwareBits(typeof(L1e), Feature = GuestFeatures.Pku, FeatureNeverOffered = true)]
    [GuestSoftwareBits(typeof(L1e2005), Feature = GuestFeatures.Pku, FeatureNeverOffered = true)]
    public const ulong _PAGE_BIT_PKEY_BIT0 = 1UL << 59;

    /// <summary><c>_PAGE_BIT_PKEY_BIT1</c> (60): protection-key bit 1, only with the build option and PKU.</summary>
    [GuestSoftwareBits(typeof(L1e), Feature = GuestFeatures.Pku, FeatureNeverOffered = true)]
    [GuestSoftwareBits(typeof(L1e2005), Feature = GuestFeatures.Pku, FeatureNeverOffered = true)]
    public const ulong _PAGE_BIT_PKEY_BIT1 = 1UL << 60;

    /// <summary><c>_PAGE_BIT_PKEY_BIT2</c> (61): protection-key bit 2, only with the build option and PKU.</summary>
    [GuestSoftwareBits(typeof(L1e), Feature = GuestFeatures.Pku, FeatureNeverOffered = true)]
    [GuestSoftwareBits(typeof(L1e2005), Feature = GuestFeatures.Pku, FeatureNeverOffered = true)]
    public const ulong _PAGE_BIT_PKEY_BIT2 = 1UL << 61;

    /// <summary><c>_PAGE_BIT_PKEY_BIT3</c> (62): protection-key bit 3, only with the build option and PKU.</summary>
    [GuestSoftwareBits(typeof(L1e), Feature = GuestFeatures.Pku, FeatureNeverOffered = true)]
    [GuestSoftwareBits(typeof(L1e2005), Feature = GuestFeatures.Pku, FeatureNeverOffered = true)]
    public const ulong _PAGE_BIT_PKEY_BIT3 = 1UL << 62;
}
