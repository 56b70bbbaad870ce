namespace PteGen
{
    /// <summary>
    /// The outcome of per-domain negotiation for one relocatable hypervisor claim: the bit chosen for it, or why it
    /// has none.
    /// </summary>
    public sealed class PteNegotiatedClaim
    {
        /// <summary>Creates a claim outcome (generated code calls this).</summary>
        /// <param name="name">The claim's property name.</param>
        /// <param name="role">The claim's role.</param>
        /// <param name="homeBit">The bit the layout declares for the claim.</param>
        /// <param name="bit">The bit chosen for this domain, or -1 when none was.</param>
        /// <param name="optional">Whether the claim can be switched off.</param>
        /// <param name="active">Whether the claim exists in the negotiated configuration at all.</param>
        public PteNegotiatedClaim(string name, PteRole role, int homeBit, int bit, bool optional, bool active = true)
        {
            Active = active;
            Name = name;
            Role = role;
            HomeBit = homeBit;
            Bit = bit;
            Optional = optional;
        }

        /// <summary>The claim's property name.</summary>
        public string Name { get; }

        /// <summary>The claim's role (for example the kernel marker).</summary>
        public PteRole Role { get; }

        /// <summary>The bit the layout declares for the claim; negotiation prefers it when the guest leaves it unused.</summary>
        public int HomeBit { get; }

        /// <summary>The bit chosen for this domain, or -1 when none was (a disabled optional feature, or a failure).</summary>
        public int Bit { get; }

        /// <summary>Whether the claim is optional: without a bit its feature is switched off instead of failing.</summary>
        public bool Optional { get; }

        /// <summary>Whether the claim exists in the negotiated configuration (the debug grant marker does not without Debug).</summary>
        public bool Active { get; }

        /// <summary>Whether a bit was chosen.</summary>
        public bool HasBit => Bit >= 0;

        /// <summary>The chosen bit as a mask, or 0.</summary>
        public ulong Mask => Bit >= 0 ? 1UL << Bit : 0;

        /// <inheritdoc/>
        public override string ToString() =>
            !Active ? $"{Name}: not in this configuration"
            : HasBit ? $"{Name}: bit {Bit}"
            : Optional ? $"{Name}: disabled (no bit left)"
            : $"{Name}: no bit";
    }
}
