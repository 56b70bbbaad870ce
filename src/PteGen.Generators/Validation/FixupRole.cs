using System.Linq;
using PteGen.Generators.Helpers;
using PteGen.Generators.Model;

namespace PteGen.Generators.Validation;

/// <summary>One role of a fixup and the claims that hold it.</summary>
/// <param name="Role">The role.</param>
/// <param name="Holders">The claims holding it, in declaration order: one per valid configuration (PTE012 otherwise),
/// and at least one in each (PTE021 otherwise).</param>
internal sealed record FixupRole(PteRole Role, EquatableArray<FieldModel> Holders)
{
    /// <summary>The claim holding the role in every configuration, or <see langword="null"/> when it depends on it.</summary>
    public FieldModel? FixedHolder => Holders.Count == 1 && Holders[0].IsAlways ? Holders[0] : null;

    /// <summary>Whether negotiation chooses the role's bit per domain in some configuration: a holder is negotiated.</summary>
    public bool IsNegotiated => Holders.Any(FixupPlanner.IsNegotiated);

    /// <summary>
    /// Whether the core takes the role's bit as a parameter: it depends on the configuration, or on the domain. A role
    /// held by one claim in every configuration that negotiation never moves is a constant in the core.
    /// </summary>
    public bool IsParameter => FixedHolder is null || IsNegotiated;

    /// <summary>The claim holding the role in <paramref name="configuration"/>.</summary>
    public FieldModel HolderIn(ulong configuration) => Holders.First(holder => holder.HoldsIn(configuration));
}
