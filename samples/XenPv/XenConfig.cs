using System;
using PteGen;

namespace XenPv;

/// <summary>The Xen build and CPU settings that change who owns which PTE bits.</summary>
[PteSwitches]
[MutuallyExclusive(XenConfig.Debug, XenConfig.Pke)] // Xen never enables PKE for PV guests: bit 62 would collide.
[Flags]
public enum XenConfig
{
    /// <summary>A release build of Xen, protection keys off.</summary>
    None = 0,

    /// <summary>A debug build of Xen (NDEBUG undefined): bit 62 is <c>_PAGE_GNTTAB</c>.</summary>
    Debug = 1,

    /// <summary>CR4.PKE set: bits 59-62 of leaf entries are the protection key.</summary>
    Pke = 2,
}
