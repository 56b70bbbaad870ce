using PteGen;
using XenPv;
using XenPv.Historical;

namespace GuestProfiles;

/// <summary>
/// FreeBSD 10.4 i386, whose PAE kernel ran as a 32-bit PV guest.
/// </summary>
/// <remarks>Source: coder03/freebsd10.4 @ 3d3f8b116d561bc3ce3a6c68681ac74ed73695ab, sys/i386/include/pmap.h (with its #if defined(XEN) path) (<c>docs/guest-os-pte-bits.md</c> §2.2).</remarks>
[GuestProfile("freebsd-10.4-i386", "FreeBSD 10.4 i386 PV", Port = "32-bit PV (PAE)",
    Source = "coder03/freebsd10.4 @ 3d3f8b116d561bc3ce3a6c68681ac74ed73695ab, sys/i386/include/pmap.h (with its #if defined(XEN) path)")]
public static class FreeBsd104I386
{
    /// <summary><c>PG_W</c> = <c>PG_AVAIL1</c>: a wired mapping.</summary>
    [GuestSoftwareBits(typeof(L1e))]
    [GuestSoftwareBits(typeof(L1e2005))]
    public const ulong PG_W = 1UL << 9;

    /// <summary><c>PG_MANAGED</c> = <c>PG_AVAIL2</c>: the page is pv-list managed.</summary>
    [GuestSoftwareBits(typeof(L1e))]
    [GuestSoftwareBits(typeof(L1e2005))]
    public const ulong PG_MANAGED = 1UL << 10;

    /// <summary><c>PG_PROMOTED</c> = <c>PG_AVAIL3</c>: a PDE created by promotion (PDE only).</summary>
    [GuestSoftwareBits(typeof(L1e), Feature = GuestFeatures.LargePages, FeatureNeverOffered = true)]
    [GuestSoftwareBits(typeof(L1e2005), Feature = GuestFeatures.LargePages, FeatureNeverOffered = true)]
    public const ulong PG_PROMOTED = 1UL << 11;
}
