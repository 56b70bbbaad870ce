using PteGen;
using XenPv;
using XenPv.Historical;

namespace GuestProfiles;

/// <summary>
/// OpenBSD amd64, which has no PV port: a control row.
/// </summary>
/// <remarks>Source: openbsd/src, sys/arch/amd64/include/pmap.h rev 1.94 (2025-07-07), pte.h rev 1.18 (2024-07-09) (<c>docs/guest-os-pte-bits.md</c> §2.4).</remarks>
[GuestProfile("openbsd-amd64", "OpenBSD amd64 (2024-2025)", Port = "no PV port (PVHVM drivers only): a control",
    Source = "openbsd/src, sys/arch/amd64/include/pmap.h rev 1.94 (2025-07-07), pte.h rev 1.18 (2024-07-09)")]
public static class OpenBsdAmd64
{
    /// <summary><c>PG_W</c> = <c>PG_AVAIL1</c>: a wired mapping.</summary>
    [GuestSoftwareBits(typeof(L1e))]
    [GuestSoftwareBits(typeof(L1e2005))]
    public const ulong PG_W = 1UL << 9;

    /// <summary><c>PG_PVLIST</c> = <c>PG_AVAIL2</c>: the mapping has a pv-list entry.</summary>
    [GuestSoftwareBits(typeof(L1e))]
    [GuestSoftwareBits(typeof(L1e2005))]
    public const ulong PG_PVLIST = 1UL << 10;

    /// <summary><c>PG_XO</c> (0x0800000000000000): protection key 1, for execute-only user mappings; part of <c>PG_PKMASK</c>.</summary>
    [GuestSoftwareBits(typeof(L1e), Feature = GuestFeatures.Pku, FeatureNeverOffered = true)]
    [GuestSoftwareBits(typeof(L1e2005), Feature = GuestFeatures.Pku, FeatureNeverOffered = true)]
    public const ulong PG_XO = 1UL << 59;

    /// <summary><c>PG_PKMASK</c> (0x7800000000000000): the protection-key field, bits 59-62.</summary>
    [GuestSoftwareBits(typeof(L1e), Feature = GuestFeatures.Pku, FeatureNeverOffered = true)]
    [GuestSoftwareBits(typeof(L1e2005), Feature = GuestFeatures.Pku, FeatureNeverOffered = true)]
    public const ulong PG_PKMASK = 0x7800000000000000;
}
