using PteGen;

namespace XenPv.Guest;

/// <summary>
/// The hypercalls through which a PV guest hands entries to Xen. They take plain <c>ulong</c>s, as the real ABI does;
/// <c>[PteValue(typeof(L1e))]</c> tells PteGen that the value is a raw L1 entry, so every caller is checked as if it
/// built an <see cref="L1e"/>.
/// </summary>
public static class Hypercalls
{
    /// <summary>One request of <c>HYPERVISOR_mmu_update</c>: the machine address of an entry and its new value.</summary>
    /// <param name="ptr">The machine address of the entry to write (its low bits select the command).</param>
    /// <param name="val">The new raw entry.</param>
    /// <returns>0 on success (this sample only counts the requests).</returns>
    public static int MmuUpdate(ulong ptr, [PteValue(typeof(L1e))] ulong val)
    {
        Requests++;
        return ptr == 0 && val == 0 ? -1 : 0;
    }

    /// <summary><c>HYPERVISOR_update_va_mapping</c>: replaces the entry that maps one virtual address.</summary>
    /// <param name="va">The virtual address.</param>
    /// <param name="newVal">The new raw entry.</param>
    /// <param name="flags">TLB flush flags.</param>
    /// <returns>0 on success.</returns>
    public static int UpdateVaMapping(ulong va, [PteValue(typeof(L1e))] ulong newVal, ulong flags)
    {
        Requests++;
        return va == 0 && newVal == 0 && flags == 0 ? -1 : 0;
    }

    /// <summary>How many requests were made.</summary>
    public static int Requests { get; private set; }

    /// <summary>Maps a kernel page through <c>mmu_update</c>, building the value as Linux's <c>pfn_pte</c> does.</summary>
    /// <param name="entryAddress">The machine address of the entry.</param>
    /// <param name="pfn">The machine frame.</param>
    /// <returns>The hypercall's result.</returns>
    public static int MapKernel(ulong entryAddress, ulong pfn) => MmuUpdate(entryAddress, PfnPte(pfn, PageKernel));

    /// <summary>Kernel mapping protections: present, writable, accessed, dirty, no-execute.</summary>
    public const ulong PageKernel = L1e.PresentMask | L1e.WritableMask | L1e.AccessedMask | L1e.DirtyMask | L1e.NoExecuteMask;

    /// <summary>A raw entry from a frame and protections (the frame's bits above 51 are dropped).</summary>
    /// <param name="pfn">The machine frame.</param>
    /// <param name="prot">The protection and software bits.</param>
    /// <returns>The raw entry.</returns>
    public static ulong PfnPte(ulong pfn, ulong prot) => ((pfn << 12) & L1e.FrameMask) | prot;
}
