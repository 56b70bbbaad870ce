using System;
using System.Collections.Generic;

namespace PteGen
{
    /// <summary>One declared field of a layout: its bits, owner, role and the configurations in which it holds.</summary>
    public sealed class PteFieldDescriptor
    {
        private readonly ulong[] _activeConfigurations;

        /// <summary>Creates a field descriptor (generated code calls this).</summary>
        /// <param name="name">The property name.</param>
        /// <param name="low">The lowest bit.</param>
        /// <param name="high">The highest bit (inclusive).</param>
        /// <param name="owner">Who owns the bits while the field is active.</param>
        /// <param name="role">What the field means to the fixup code.</param>
        /// <param name="when">The condition in its canonical form (repeats dropped); empty when the field is always active.</param>
        /// <param name="activeConfigurations">The valid configurations in which the condition holds.</param>
        /// <param name="guestRefused">Whether a guest entry with this field non-zero is refused.</param>
        /// <param name="relocatable">Whether the hypervisor picks the bit per domain.</param>
        /// <param name="optional">Whether the feature can be switched off when no bit is left for it.</param>
        public PteFieldDescriptor(
            string name,
            int low,
            int high,
            PteOwner owner,
            PteRole role,
            string when,
            ulong[] activeConfigurations,
            bool guestRefused,
            bool relocatable,
            bool optional)
        {
            if (low < 0 || high > 63 || low > high)
            {
                throw new ArgumentOutOfRangeException(nameof(low), $"The bit range {low}-{high} is not within 0-63.");
            }

            Name = name ?? throw new ArgumentNullException(nameof(name));
            Low = low;
            High = high;
            Owner = owner;
            Role = role;
            When = when ?? "";
            _activeConfigurations = (ulong[])(activeConfigurations ?? throw new ArgumentNullException(nameof(activeConfigurations))).Clone();
            GuestRefused = guestRefused;
            Relocatable = relocatable;
            Optional = optional;
        }

        /// <summary>The property name.</summary>
        public string Name { get; }

        /// <summary>The lowest bit (also the shift of the field).</summary>
        public int Low { get; }

        /// <summary>The highest bit (inclusive).</summary>
        public int High { get; }

        /// <summary>The number of bits.</summary>
        public int Width => High - Low + 1;

        /// <summary>The mask of the field's bits, in place.</summary>
        public ulong Mask => Width == 64 ? ulong.MaxValue : ((1UL << Width) - 1) << Low;

        /// <summary>Who owns the bits while the field is active.</summary>
        public PteOwner Owner { get; }

        /// <summary>What the field means to the fixup code.</summary>
        public PteRole Role { get; }

        /// <summary>The condition in its canonical form (repeats dropped); empty when the field is active in every configuration.</summary>
        public string When { get; }

        /// <summary>The valid configurations in which the field is active.</summary>
        public IReadOnlyList<ulong> ActiveConfigurations => _activeConfigurations;

        /// <summary>Whether a guest entry with this field non-zero is refused.</summary>
        public bool GuestRefused { get; }

        /// <summary>Whether the hypervisor picks this bit per domain (per-domain negotiation).</summary>
        public bool Relocatable { get; }

        /// <summary>Whether the feature can be switched off when negotiation leaves no bit for it.</summary>
        public bool Optional { get; }

        /// <summary>Whether the field is active in <paramref name="configuration"/>.</summary>
        /// <param name="configuration">A configuration (the switches enum value, as a number).</param>
        public bool IsActiveIn(ulong configuration) => Array.IndexOf(_activeConfigurations, configuration) >= 0;

        /// <summary>The field's value in an entry, shifted down to bit 0.</summary>
        /// <param name="raw">The raw entry.</param>
        public ulong Extract(ulong raw) => (raw & Mask) >> Low;

        /// <inheritdoc/>
        public override string ToString() =>
            (Low == High ? $"{Name} [{Low}] {Owner}" : $"{Name} [{Low}-{High}] {Owner}") + (When.Length == 0 ? "" : $" when {When}");
    }
}
