using PteGen;
using XenPv;
using XenPv.Historical;

namespace GuestProfiles;

/// <summary>
/// FreeBSD 10.4 amd64, which never had a released PV kernel: the profile of a port that did not happen.
/// </summary>
/// <remarks>Source: coder03/freebsd10.4 @ 3d3f8b116d561bc3ce3a6c68681ac74ed73695ab (release/10.4.0), sys/amd64/include/pmap.h (<c>docs/guest-os-pte-bits.md</c> §2.2).</remarks>
[GuestProfile("freebsd-10.4-amd64", "FreeBSD 10.4 amd64", Port = "no PV port (HVM only)",
    Source = "coder03/freebsd10.4 @ 3d3f8b116d561bc3ce3a6c68681ac74ed73695ab (release/10.4.0), sys/amd64/include/pmap.h")]
public static class FreeBsd104Amd64
{
    /// <summary><c>X86_PG_AVAIL1</c> (0x200): unused in x86 PTEs; it is <c>EPT_PG_M</c> in bhyve's EPT tables.</summary>
    [GuestSoftwareBits(typeof(L1e), Feature = GuestFeatures.BhyveEpt, FeatureNeverOffered = true)]
    [GuestSoftwareBits(typeof(L1e2005), Feature = GuestFeatures.BhyveEpt, FeatureNeverOffered = true)]
    public const ulong EPT_PG_M = 1UL << 9;

    /// <summary><c>PG_MANAGED</c> = <c>X86_PG_AVAIL2</c> (0x400): the page is pv-list managed.</summary>
    [GuestSoftwareBits(typeof(L1e))]
    [GuestSoftwareBits(typeof(L1e2005))]
    public const ulong PG_MANAGED = 1UL << 10;

    /// <summary><c>PG_W</c> = <c>X86_PG_AVAIL3</c> (0x800): a wired mapping (moved here from bit 9).</summary>
    [GuestSoftwareBits(typeof(L1e))]
    [GuestSoftwareBits(typeof(L1e2005))]
    public const ulong PG_W = 1UL << 11;

    /// <summary><c>EPT_PG_EMUL_V</c> = <c>X86_PG_AVAIL(52)</c>: the A/D-emulation "valid" bit of bhyve's EPT tables only.</summary>
    [GuestSoftwareBits(typeof(L1e), Feature = GuestFeatures.BhyveEpt, FeatureNeverOffered = true)]
    [GuestSoftwareBits(typeof(L1e2005), Feature = GuestFeatures.BhyveEpt, FeatureNeverOffered = true)]
    public const ulong EPT_PG_EMUL_V = 1UL << 52;

    /// <summary><c>EPT_PG_EMUL_RW</c> = <c>X86_PG_AVAIL(53)</c>: the A/D-emulation "writable" bit of bhyve's EPT tables only.</summary>
    [GuestSoftwareBits(typeof(L1e), Feature = GuestFeatures.BhyveEpt, FeatureNeverOffered = true)]
    [GuestSoftwareBits(typeof(L1e2005), Feature = GuestFeatures.BhyveEpt, FeatureNeverOffered = true)]
    public const ulong EPT_PG_EMUL_RW = 1UL << 53;

    /// <summary><c>PG_PROMOTED</c> = <c>X86_PG_AVAIL(54)</c>: a 2 MiB PDE leaf created by promotion.</summary>
    [GuestSoftwareBits(typeof(L1e), Feature = GuestFeatures.LargePages, FeatureNeverOffered = true)]
    [GuestSoftwareBits(typeof(L1e2005), Feature = GuestFeatures.LargePages, FeatureNeverOffered = true)]
    public const ulong PG_PROMOTED = 1UL << 54;
}
