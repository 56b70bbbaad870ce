using System;

namespace PteGen
{
    /// <summary>
    /// Marks a parameter, field or property whose plain integer value is a raw entry of a layout: the new value of a
    /// hypercall wrapper (<c>mmu_update</c>'s <c>val</c>, <c>update_va_mapping</c>'s new entry), a shadow slot of a
    /// page table. A value that reaches it becomes an entry, so the guest rules check the bits written into it
    /// (PTE101) as they do for the layout's constructor. The attribute stays in the compiled assembly: a wrapper
    /// marked in one assembly is checked in every guest that calls it.
    /// </summary>
    /// <example><c>public static int MmuUpdate(ulong ptr, [PteValue(typeof(L1e))] ulong val);</c></example>
    [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
    public sealed class PteValueAttribute : Attribute
    {
        /// <summary>Declares that the value is a raw entry of <paramref name="layout"/>.</summary>
        /// <param name="layout">A <c>[PteLayout]</c> struct.</param>
        public PteValueAttribute(Type layout)
        {
            Layout = layout;
        }

        /// <summary>The layout whose raw entry the value is.</summary>
        public Type Layout { get; }
    }
}
