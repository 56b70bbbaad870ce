using System;
using PteGen;

namespace XenPv.Historical;

/// <summary>The one build setting of 2005 Xen that changes who owns a bit of a PV leaf entry.</summary>
/// <remarks>There is no protection-key switch: Xen's protection-key support came in 2016 (<c>docs/guest-os-pte-bits.md</c> §1).</remarks>
[PteSwitches]
[Flags]
public enum Xen2005Config
{
    /// <summary>A release build (<c>NDEBUG</c> defined): <c>_PAGE_GNTTAB</c> is 0.</summary>
    None = 0,

    /// <summary>A debug build: <c>_PAGE_GNTTAB</c> is <c>_PAGE_AVAIL2</c>, bit 11.</summary>
    Debug = 1,
}
