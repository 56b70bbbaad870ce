using System;

namespace PteGen
{
    /// <summary>
    /// Base of the ownership attributes: claims an inclusive, LSB0 range of bits of the entry for one owner, under an
    /// optional configuration condition.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
    public abstract class PteBitsAttribute : Attribute
    {
        /// <summary>Claims one bit.</summary>
        /// <param name="bit">The bit number, 0 (least significant) to 63.</param>
        protected PteBitsAttribute(int bit)
            : this(bit, bit)
        {
        }

        /// <summary>Claims the bits <paramref name="low"/> to <paramref name="high"/>, both included.</summary>
        /// <param name="low">The lowest bit of the field, 0 to 63.</param>
        /// <param name="high">The highest bit of the field, <paramref name="low"/> to 63.</param>
        protected PteBitsAttribute(int low, int high)
        {
            Low = low;
            High = high;
        }

        /// <summary>The lowest bit of the field.</summary>
        public int Low { get; }

        /// <summary>The highest bit of the field (inclusive).</summary>
        public int High { get; }

        /// <summary>
        /// The configurations in which this claim holds: a boolean expression over the members of the layout's
        /// switches enum with <c>!</c>, <c>&amp;&amp;</c>, <c>||</c> and parentheses, for example
        /// <c>"!Pke &amp;&amp; !Debug"</c>. Empty (the default) means every configuration.
        /// </summary>
        public string When { get; set; } = "";

        /// <summary>What the bit means to the fixup code (present, user, global, kernel marker, ...).</summary>
        public PteRole Role { get; set; }

        /// <summary>
        /// Whether a guest may submit an entry with this field non-zero. <see cref="GuestWrite.Default"/> means: refused
        /// for <see cref="XenReservedAttribute"/> claims, allowed for the others.
        /// </summary>
        public GuestWrite GuestWrite { get; set; }
    }
}
