using System;

namespace PteGen
{
    /// <summary>Bits the guest may use for its own purposes (software-available bits).</summary>
    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
    public sealed class GuestAvailableAttribute : PteBitsAttribute
    {
        /// <summary>Claims one bit for the guest.</summary>
        /// <param name="bit">The bit number, 0 to 63.</param>
        public GuestAvailableAttribute(int bit)
            : base(bit)
        {
        }

        /// <summary>Claims bits <paramref name="low"/> to <paramref name="high"/>, both included, for the guest.</summary>
        /// <param name="low">The lowest bit, 0 to 63.</param>
        /// <param name="high">The highest bit, <paramref name="low"/> to 63.</param>
        public GuestAvailableAttribute(int low, int high)
            : base(low, high)
        {
        }
    }
}
