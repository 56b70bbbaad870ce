namespace PteGen
{
    /// <summary>The kind of paravirtualised domain whose entries a fixup adjusts.</summary>
    public enum PvDomainKind
    {
        /// <summary>A 64-bit PV domain: its kernel runs in ring 3, so Xen marks kernel mappings and adds User.</summary>
        Pv64 = 0,

        /// <summary>A 32-bit PV (compat) domain: its kernel runs in ring 1; L1 entries are never adjusted.</summary>
        Pv32 = 1,
    }
}
