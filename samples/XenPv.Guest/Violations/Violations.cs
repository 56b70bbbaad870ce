// Deliberate mistakes, compiled only with -p:ShowPteViolations=true, to show PteGen's guest diagnostics.
using PteGen;

namespace XenPv.Guest.Violations;

/// <summary>Software bits chosen without looking at the ABI.</summary>
public static class CollidingBits
{
    /// <summary>Bit 62: Xen's grant marker in a debug build, part of the protection key with PKE (PTE102).</summary>
    [GuestSoftwareBits(typeof(L1e))]
    public const ulong Pinned = 1UL << 62;

    /// <summary>Bit 52: Xen's kernel marker in every configuration (PTE102).</summary>
    [GuestSoftwareBits(typeof(L1e))]
    public const ulong Special = 1UL << 52;
}

/// <summary>Guest code that writes Xen's bits.</summary>
public static class Violations
{
    /// <summary>Marks a kernel mapping itself, through the generated accessor (PTE101).</summary>
    /// <param name="entry">The entry.</param>
    public static L1e MarkKernel(L1e entry) => entry.WithGuestKernel(true);

    /// <summary>Uses bit 62 for its own purpose, through raw arithmetic (PTE101 under Debug).</summary>
    /// <param name="entry">The entry.</param>
    public static L1e Pin(L1e entry)
    {
        var raw = entry.Raw;
        raw |= CollidingBits.Pinned;
        return new L1e(raw);
    }

    /// <summary>Strips Xen's kernel marker before resubmitting an entry (PTE101: clearing is writing).</summary>
    /// <param name="entry">The entry as Xen installed it.</param>
    public static L1e Resubmit(L1e entry) => new(entry.Raw & ~L1e.GuestKernelMask);

    /// <summary>Sets the present bit with raw arithmetic, where an accessor exists (PTE104, a suggestion).</summary>
    /// <param name="entry">The entry.</param>
    public static L1e Present(L1e entry) => new(entry.Raw | L1e.PresentMask);
}

/// <summary>Xen's bits written on the way through helpers, lambdas and hypercalls (PTE101 at the forcing operation).</summary>
public static class HelperViolations
{
    private const ulong GrantFlag = 1UL << 62;

    /// <summary>Builds an entry from a frame and protections, like Linux's <c>pfn_pte</c>.</summary>
    /// <param name="pfn">The machine frame.</param>
    /// <param name="prot">The protections: they reach the entry unchanged.</param>
    public static L1e MakeEntry(ulong pfn, ulong prot) => new((pfn << 12) | prot);

    /// <summary>Passes Xen's debug grant bit to a helper whose parameter becomes the entry (PTE101 under Debug).</summary>
    /// <param name="pfn">The machine frame.</param>
    public static L1e GrantLike(ulong pfn) => MakeEntry(pfn, Hypercalls.PageKernel | GrantFlag);

    /// <summary>A mapper handed out as a lambda that marks entries as kernel mappings itself (PTE101).</summary>
    public static System.Func<ulong, L1e> KernelMapper() => raw => new L1e(raw | L1e.GuestKernelMask);

    /// <summary>Strips the kernel marker before handing the entry to Xen through <c>mmu_update</c> (PTE101).</summary>
    /// <param name="entryAddress">The machine address of the entry.</param>
    /// <param name="installed">The entry as Xen installed it.</param>
    public static int Remap(ulong entryAddress, L1e installed) => Hypercalls.MmuUpdate(entryAddress, installed.Raw & ~L1e.GuestKernelMask);
}
