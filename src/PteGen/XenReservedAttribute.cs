using System;

namespace PteGen
{
    /// <summary>
    /// Bits the hypervisor keeps for itself. Guests must not use them as their own software bits; by default a guest
    /// entry with such a bit set is refused (see <see cref="PteBitsAttribute.GuestWrite"/>).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
    public sealed class XenReservedAttribute : PteBitsAttribute
    {
        /// <summary>Claims one bit for the hypervisor.</summary>
        /// <param name="bit">The bit number, 0 to 63.</param>
        public XenReservedAttribute(int bit)
            : base(bit)
        {
        }

        /// <summary>Claims bits <paramref name="low"/> to <paramref name="high"/>, both included, for the hypervisor.</summary>
        /// <param name="low">The lowest bit, 0 to 63.</param>
        /// <param name="high">The highest bit, <paramref name="low"/> to 63.</param>
        public XenReservedAttribute(int low, int high)
            : base(low, high)
        {
        }

        /// <summary>
        /// The declared bit is only the default: the hypervisor picks the bit per domain from the bits the guest says it
        /// does not use (per-domain negotiation).
        /// </summary>
        public bool Relocatable { get; set; }

        /// <summary>
        /// The feature behind this claim can be switched off when negotiation leaves no bit for it (a debugging aid);
        /// a claim that is not optional (the kernel marker) makes negotiation fail instead.
        /// </summary>
        public bool Optional { get; set; }
    }
}
