using System;
using PteGen;

namespace XenPv;

/// <summary>
/// The Xen build and CPU settings that change who owns which bits of an x86-64 PV page-table entry.
/// </summary>
/// <remarks>
/// Xen never enables CR4.PKE for PV guests (<c>pv_make_cr4()</c> in <c>xen/arch/x86/pv/domain.c</c>): its debug
/// grant marker, bit 62, lies inside the protection-key field 59-62. The two switches are therefore exclusive
/// (docs/xen-pv-abi.md §1).
/// </remarks>
[PteSwitches]
[MutuallyExclusive(XenConfig.Debug, XenConfig.Pke)]
[Flags]
public enum XenConfig
{
    /// <summary>A release build of Xen (<c>NDEBUG</c> defined), protection keys off.</summary>
    None = 0,

    /// <summary>
    /// A debug build of Xen: <c>_PAGE_GNTTAB</c> is bit 62 (it is 0 under <c>NDEBUG</c>, <c>asm/page.h</c>), and
    /// <c>gdprintk</c> warnings are compiled in.
    /// </summary>
    Debug = 1,

    /// <summary>CR4.PKE set: bits 59-62 of leaf entries are the protection key (Intel SDM vol. 3, "Paging").</summary>
    Pke = 2,
}
