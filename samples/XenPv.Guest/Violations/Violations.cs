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
