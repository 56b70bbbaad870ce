// This file is compiled into both PteGen.dll (public) and the generator (internal), so that the two agree on the
// numeric values that attributes carry in metadata.
namespace PteGen
{
    /// <summary>What a field means to the generated fixup code and to tools.</summary>
#if PTEGEN_GENERATOR
    internal
#else
    public
#endif
    enum PteRole
    {
        /// <summary>No special meaning.</summary>
        None = 0,

        /// <summary>The present bit (x86 P, bit 0): only present entries are checked and adjusted.</summary>
        Present = 1,

        /// <summary>The writable bit (x86 R/W, bit 1).</summary>
        Writable = 2,

        /// <summary>The user bit (x86 U/S, bit 2).</summary>
        User = 3,

        /// <summary>Page-level write-through (x86 PWT, bit 3).</summary>
        WriteThrough = 4,

        /// <summary>Page-level cache disable (x86 PCD, bit 4).</summary>
        CacheDisable = 5,

        /// <summary>The accessed bit (x86 A, bit 5).</summary>
        Accessed = 6,

        /// <summary>The dirty bit (x86 D, bit 6).</summary>
        Dirty = 7,

        /// <summary>PAT in a leaf entry, PS (page size) in an L2/L3 entry (x86 bit 7).</summary>
        PatOrPageSize = 8,

        /// <summary>The global bit (x86 G, bit 8).</summary>
        Global = 9,

        /// <summary>The physical frame number.</summary>
        Frame = 10,

        /// <summary>The hypervisor's kernel-mapping marker (Xen <c>_PAGE_GUEST_KERNEL</c>, bit 52).</summary>
        GuestKernel = 11,

        /// <summary>The hypervisor's grant-mapping marker (Xen debug builds' <c>_PAGE_GNTTAB</c>, bit 62).</summary>
        GrantMapping = 12,

        /// <summary>The protection key (x86 bits 59-62 when CR4.PKE is set).</summary>
        ProtectionKey = 13,

        /// <summary>The no-execute bit (x86 XD/NX, bit 63).</summary>
        NoExecute = 14,
    }
}
