using System;

namespace PteGen
{
    /// <summary>
    /// Marks a guest's own software-bit declarations for a layout: a <c>const</c> mask, or a <c>[Flags]</c> enum whose
    /// members are masks. PteGen checks that every bit they use is guest-available in every configuration the guest
    /// may run under (PTE102), and offers to move a colliding bit to one that is.
    /// </summary>
    /// <example><c>[GuestSoftwareBits(typeof(L1e))] const ulong IoMapping = 1UL &lt;&lt; 9;</c></example>
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Enum, AllowMultiple = false, Inherited = false)]
    public sealed class GuestSoftwareBitsAttribute : Attribute
    {
        /// <summary>Declares software bits of entries of <paramref name="layout"/>.</summary>
        /// <param name="layout">A <c>[PteLayout]</c> struct.</param>
        public GuestSoftwareBitsAttribute(Type layout)
        {
            Layout = layout;
        }

        /// <summary>The layout whose entries carry these bits.</summary>
        public Type Layout { get; }
    }
}
