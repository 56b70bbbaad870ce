using System;

namespace PteGen
{
    /// <summary>
    /// Declares a page-table-entry layout: a <c>readonly partial struct</c> whose partial properties carry
    /// <see cref="HardwareAttribute"/>, <see cref="XenReservedAttribute"/> and <see cref="GuestAvailableAttribute"/>.
    /// PteGen generates the storage (one <see cref="ulong"/>), the accessors, the ownership masks and the descriptor.
    /// </summary>
    /// <remarks>
    /// Every one of the 64 bits must have exactly one owner in every valid configuration of the switches type.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
    public sealed class PteLayoutAttribute : Attribute
    {
        /// <summary>Declares a layout whose ownership does not depend on any configuration switch.</summary>
        public PteLayoutAttribute()
        {
        }

        /// <summary>Declares a layout whose claims may depend on the switches of <paramref name="switches"/>.</summary>
        /// <param name="switches">A <c>[Flags]</c> enum marked with <see cref="PteSwitchesAttribute"/>.</param>
        public PteLayoutAttribute(Type switches)
        {
            Switches = switches;
        }

        /// <summary>The switches type whose members <c>When</c> conditions name, or <see langword="null"/>.</summary>
        public Type? Switches { get; }

        /// <summary>
        /// The paging level of the entry (1 for a leaf L1 entry up to 4 for an L4 entry); 0 when the layout is not tied
        /// to a level. The level selects which guest-entry fixup is generated.
        /// </summary>
        public int Level { get; set; }

        /// <summary>
        /// Whether to generate Xen's guest-entry fixup for <see cref="Level"/> (<c>AdjustGuestL1e</c> ... <c>AdjustGuestL4e</c>)
        /// when the layout marks its present bit with <see cref="PteRole.Present"/>. True by default; the fixup needs
        /// the roles of its level in every configuration (L1: Present, User, Global, GuestKernel).
        /// </summary>
        public bool AdjustGuest { get; set; } = true;

        /// <summary>
        /// The configurations in which the L1 fixup reports Xen's debug warning ("Global bit is set in kernel page"), as a
        /// condition over the switches. When not set, a switch named <c>Debug</c> is used if the switches enum has one,
        /// and otherwise the fixup never warns; an empty string also turns the warning off.
        /// </summary>
        public string? WarnWhen { get; set; }

        /// <summary>
        /// Switches that must not change what a guest sees: one name, or several separated by <c>,</c> or <c>|</c>
        /// (for example <c>"Debug"</c>). PteGen reports PTE027 for every bit whose owner differs between two valid
        /// configurations that differ only in one of these switches, such as a release and a debug build of Xen.
        /// </summary>
        public string? GuestAbiIndependentOf { get; set; }
    }
}
