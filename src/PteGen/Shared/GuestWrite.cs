// Compiled into both PteGen.dll (public) and the generator (internal).
namespace PteGen
{
    /// <summary>Whether the hypervisor accepts a guest entry in which a field is non-zero.</summary>
#if PTEGEN_GENERATOR
    internal
#else
    public
#endif
    enum GuestWrite
    {
        /// <summary>Refused for Xen-reserved claims, allowed for hardware and guest-available claims.</summary>
        Default = 0,

        /// <summary>The guest may set the field (for example the kernel marker, which Xen's L1 mask lets through).</summary>
        Allowed = 1,

        /// <summary>
        /// An entry with the field set is refused (Xen's disallow masks: PWT/PCD/PAT for domains without I/O resources,
        /// the debug grant marker).
        /// </summary>
        Refused = 2,
    }
}
