// Compiled into both PteGen.dll (public) and the generator (internal).
namespace PteGen
{
    /// <summary>What a difference between a layout and its baseline means.</summary>
#if PTEGEN_GENERATOR
    internal
#else
    public
#endif
    enum PteAbiChangeKind
    {
        /// <summary>Bits, or a whole configuration, differ from <c>PteAbi.Shipped.txt</c>.</summary>
        Break = 0,

        /// <summary>A fact under a configuration that has not shipped, and is not in <c>PteAbi.Unshipped.txt</c> yet.</summary>
        Addition = 1,

        /// <summary>A line of <c>PteAbi.Unshipped.txt</c> that matches no current fact.</summary>
        Stale = 2,
    }
}
