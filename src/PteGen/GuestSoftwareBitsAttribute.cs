using System;

namespace PteGen
{
    /// <summary>
    /// Marks a guest's own software-bit declarations for a layout: a <c>const</c> mask, or a <c>[Flags]</c> enum whose
    /// members are masks. PteGen checks that every bit they use is guest-available in every configuration the guest
    /// may run under (PTE102), and offers to move a colliding bit to one that is.
    /// </summary>
    /// <remarks>
    /// Use the attribute once per layout the bits are checked against (a guest may run on several ABIs). A use that
    /// depends on a feature names it in <see cref="Feature"/>; when the hypervisor never offers that feature to the
    /// guest (<see cref="FeatureNeverOffered"/>), the bits never reach an entry of the layout and PTE102 skips them.
    /// </remarks>
    /// <example><c>[GuestSoftwareBits(typeof(L1e))] const ulong IoMapping = 1UL &lt;&lt; 9;</c></example>
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Enum, AllowMultiple = true, Inherited = false)]
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

        /// <summary>
        /// The feature without which the guest never sets these bits in an entry of the layout, for example
        /// <c>"PKU"</c> or <c>"CONFIG_MEM_SOFT_DIRTY"</c>; <see langword="null"/> (the default) for an unconditional use.
        /// </summary>
        public string? Feature { get; set; }

        /// <summary>
        /// Whether the hypervisor never offers <see cref="Feature"/> to this guest (Xen offers PV guests neither
        /// protection keys nor large-page leaves). Then the bits never reach an entry of the layout: PTE102 does not
        /// report them, and they still count as used when PTE102 suggests a free bit for another declaration.
        /// </summary>
        public bool FeatureNeverOffered { get; set; }
    }
}
