using PteGen;

namespace XenPv.Guest;

/// <summary>
/// The guest's own software bits in leaf entries. PteGen checks (PTE102) that each is guest-available in every
/// configuration this guest may run under: bits 9-11 and 53-58 are; bit 52 never is, and bit 62 is not under a debug
/// Xen or with protection keys.
/// </summary>
public static class SoftwareBits
{
    /// <summary>The page maps device memory (Linux's old <c>_PAGE_IO</c> sat on bit 11).</summary>
    [GuestSoftwareBits(typeof(L1e))]
    public const ulong IoMapping = 1UL << 11;

    /// <summary>The guest tracks writes to this page itself (like Linux's soft-dirty bit).</summary>
    [GuestSoftwareBits(typeof(L1e))]
    public const ulong SoftDirty = 1UL << 57;

    /// <summary>The page is a guard page the guest's allocator placed.</summary>
    [GuestSoftwareBits(typeof(L1e))]
    public const ulong Guard = 1UL << 58;
}
