using PteGen;
using XenPv;
using XenPv.Historical;

namespace GuestProfiles;

/// <summary>
/// NetBSD i386, XEN kernel, 2015: <c>PG_X</c> sits on bit 11, where Xen's debug <c>_PAGE_GNTTAB</c> was from 2005 to 2008.
/// </summary>
/// <remarks>Source: krytarowski/netbsd-current-src-sys @ a5dbcfbb85f1aa80a53a7d49b444ed301b76126e, arch/i386/include/pmap.h rev 1.117, pte.h rev 1.27 (<c>docs/guest-os-pte-bits.md</c> §2.3).</remarks>
[GuestProfile("netbsd-i386", "NetBSD i386 XEN (2015)", Port = "32-bit PV",
    Source = "krytarowski/netbsd-current-src-sys @ a5dbcfbb85f1aa80a53a7d49b444ed301b76126e, arch/i386/include/pmap.h rev 1.117, pte.h rev 1.27")]
public static class NetBsdI386
{
    /// <summary><c>PG_W</c> = <c>PG_AVAIL1</c>: a wired mapping.</summary>
    [GuestSoftwareBits(typeof(L1e))]
    [GuestSoftwareBits(typeof(L1e2005))]
    public const ulong PG_W = 1UL << 9;

    /// <summary><c>PG_PVLIST</c> = <c>PG_AVAIL2</c>: the mapping has a pv-list entry.</summary>
    [GuestSoftwareBits(typeof(L1e))]
    [GuestSoftwareBits(typeof(L1e2005))]
    public const ulong PG_PVLIST = 1UL << 10;

    /// <summary><c>PG_X</c> = <c>PG_AVAIL3</c> (0x800): executable-mapping tracking.</summary>
    [GuestSoftwareBits(typeof(L1e))]
    [GuestSoftwareBits(typeof(L1e2005))]
    public const ulong PG_X = 1UL << 11;
}
