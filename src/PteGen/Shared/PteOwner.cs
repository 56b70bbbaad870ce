// Compiled into both PteGen.dll (public) and the generator (internal).
namespace PteGen
{
    /// <summary>Who owns a bit of an entry in a configuration.</summary>
#if PTEGEN_GENERATOR
    internal
#else
    public
#endif
    enum PteOwner
    {
        /// <summary>The processor interprets the bit.</summary>
        Hardware = 0,

        /// <summary>The hypervisor keeps the bit for itself.</summary>
        XenReserved = 1,

        /// <summary>The guest may use the bit for its own purposes.</summary>
        GuestAvailable = 2,
    }
}
