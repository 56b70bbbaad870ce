using System.Collections.Generic;
using System.Linq;
using PteGen.Generators.Helpers;
using PteGen.Generators.Model;

namespace PteGen.Generators.Validation;

/// <summary>
/// What the generated guest-entry fixup of one level needs: its roles, who holds them, and whether it reports Xen's
/// debug warning. Decided once per layout by <see cref="FixupPlanner"/>; plain values only, so that it can live in the
/// incremental pipeline's model.
/// </summary>
/// <param name="Level">The paging level, 1 to 4.</param>
/// <param name="Roles">The roles the fixup reads or writes, in the order of <see cref="FixupPlanner.RolesFor"/>.</param>
/// <param name="Warns">Whether the fixup calls the debug-warning hook (level 1 with a <c>WarnWhen</c>).</param>
internal sealed record FixupPlan(int Level, EquatableArray<FixupRole> Roles, bool Warns)
{
    /// <summary><c>AdjustGuestL1e</c> ... <c>AdjustGuestL4e</c>, after Xen's <c>adjust_guest_l?e</c>.</summary>
    public string MethodName => GeneratedNames.AdjustGuest(Level);

    /// <summary>The private core every public overload inlines.</summary>
    public string Core => GeneratedNames.AdjustGuestCore(Level);

    /// <summary>The whole-table form of <see cref="Core"/>.</summary>
    public string Batch => GeneratedNames.AdjustGuestBatch(Level);

    /// <summary>The roles whose bit the core takes as a parameter (see <see cref="FixupRole.IsParameter"/>), in role order.</summary>
    public IEnumerable<FixupRole> Parameters => Roles.Where(role => role.IsParameter);

    /// <summary>The holders of <paramref name="role"/>, one of <see cref="Roles"/> (at most four, so a scan).</summary>
    public FixupRole this[PteRole role] => Roles.First(r => r.Role == role);

    /// <summary>The claim holding <paramref name="role"/> in every configuration, or <see langword="null"/> when it depends on it.</summary>
    public FieldModel? FixedHolder(PteRole role) => this[role].FixedHolder;

    /// <summary>The claim holding <paramref name="role"/> in <paramref name="configuration"/>.</summary>
    public FieldModel HolderIn(PteRole role, ulong configuration) => this[role].HolderIn(configuration);
}
