using PteGen;
using XenPv;
using XenPv.Historical;

namespace GuestProfiles;

/// <summary>
/// NetBSD amd64, XEN kernel, 2015. It sets User on kernel mappings itself, so Xen never adds bit 52 to them.
/// </summary>
/// <remarks>Source: krytarowski/netbsd-current-src-sys @ a5dbcfbb85f1aa80a53a7d49b444ed301b76126e (NetBSD-current 2015-02-10), arch/amd64/include/pmap.h rev 1.35, pte.h rev 1.8 (<c>docs/guest-os-pte-bits.md</c> §2.3).</remarks>
[GuestProfile("netbsd-amd64", "NetBSD amd64 XEN (2015)", Port = "64-bit PV",
    Source = "krytarowski/netbsd-current-src-sys @ a5dbcfbb85f1aa80a53a7d49b444ed301b76126e (NetBSD-current 2015-02-10), arch/amd64/include/pmap.h rev 1.35, pte.h rev 1.8")]
public static class NetBsdAmd64
{
    /// <summary><c>PG_W</c> = <c>PG_AVAIL1</c> (0x200): a wired mapping.</summary>
    [GuestSoftwareBits(typeof(L1e))]
    [GuestSoftwareBits(typeof(L1e2005))]
    public const ulong PG_W = 1UL << 9;

    /// <summary><c>PG_PVLIST</c> = <c>PG_AVAIL2</c> (0x400): the mapping has a pv-list entry.</summary>
    [GuestSoftwareBits(typeof(L1e))]
    [GuestSoftwareBits(typeof(L1e2005))]
    public const ulong PG_PVLIST = 1UL << 10;
}
