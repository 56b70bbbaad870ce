using System;

namespace PteGen
{
    /// <summary>Bits the processor interprets (present, writable, frame number, protection key, ...).</summary>
    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
    public sealed class HardwareAttribute : PteBitsAttribute
    {
        /// <summary>Claims one hardware bit.</summary>
        /// <param name="bit">The bit number, 0 to 63.</param>
        public HardwareAttribute(int bit)
            : base(bit)
        {
        }

        /// <summary>Claims hardware bits <paramref name="low"/> to <paramref name="high"/>, both included.</summary>
        /// <param name="low">The lowest bit, 0 to 63.</param>
        /// <param name="high">The highest bit, <paramref name="low"/> to 63.</param>
        public HardwareAttribute(int low, int high)
            : base(low, high)
        {
        }
    }
}
