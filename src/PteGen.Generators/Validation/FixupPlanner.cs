using System.Collections.Generic;
using System.Linq;
using PteGen.Generators.Diagnostics;
using PteGen.Generators.Helpers;
using PteGen.Generators.Model;

namespace PteGen.Generators.Validation;

/// <summary>
/// Decides whether a layout gets Xen's guest-entry fixup for its level, and whether that fixup can be expressed in
/// every valid configuration. A fixup is requested by a layout with a <c>Level</c> that marks its present bit
/// (<see cref="PteRole.Present"/>) and does not opt out with <c>AdjustGuest = false</c>.
/// </summary>
internal static class FixupPlanner
{
    public static (FixupPlan? Plan, List<LayoutIssue> Issues) Plan(LayoutModel layout)
    {
        var issues = new List<LayoutIssue>();
        if (layout.Level is < 1 or > 4 || !layout.AdjustGuest || !layout.Fields.Any(f => f.Role == PteRole.Present && !f.HasErrors))
        {
            return (null, issues);
        }

        var configurations = layout.Switches.ValidConfigurations();
        var method = GeneratedNames.AdjustGuest(layout.Level);
        var roles = new List<FixupRole>();
        foreach (var role in RolesFor(layout.Level))
        {
            var held = layout.Fields.Select((field, index) => (Field: field, Index: index)).Where(pair => pair.Field.Role == role && !pair.Field.HasErrors).ToList();
            var claims = held.Select(pair => pair.Field).ToList();
            roles.Add(new FixupRole(role, claims.ToEquatableArray()));
            ReportOptionalHolders(layout, method, role, held, issues);
            var missing = configurations.Where(c => !claims.Any(f => f.HoldsIn(c))).ToList();
            if (missing.Count == 0)
            {
                continue;
            }

            var declared = layout.Fields.Select((field, index) => (field, index)).FirstOrDefault(pair => pair.field.Role == role);
            issues.Add(new LayoutIssue(
                DiagnosticDescriptors.FixupCannotBeExpressed,
                declared.field is null ? LayoutIssue.Layout : declared.index,
                [
                    method,
                    Identifiers.Unescape(layout.Name),
                    LayoutValidator.DescribeConfigurations(layout.Switches, missing, configurations.Count, all: "in any configuration"),
                    role.ToString(),
                    Consequence(layout.Level, role),
                ]));
        }

        var warns = layout.Level == 1 && layout.WarnWhen is not null;
        return (issues.Count == 0 ? new FixupPlan(layout.Level, roles.ToEquatableArray(), warns) : null, issues);
    }

    /// <summary>
    /// Whether negotiation chooses <paramref name="claim"/>'s bit per domain: a relocatable claim of the hypervisor's.
    /// The negotiation and every fixup overload ask this one question, so they agree on which bits move.
    /// </summary>
    public static bool IsNegotiated(FieldModel claim) => claim.Relocatable && claim.Owner == PteOwner.XenReserved && !claim.HasErrors;

    /// <summary>
    /// PTE025: the fixup reads and writes its roles' bits in every domain, so a negotiated holder that negotiation may
    /// leave without a bit (<c>Optional</c>) would leave the fixup without one.
    /// </summary>
    private static void ReportOptionalHolders(LayoutModel layout, string method, PteRole role, List<(FieldModel Field, int Index)> holders, List<LayoutIssue> issues)
    {
        foreach (var (holder, index) in holders.Where(pair => pair.Field.Optional && IsNegotiated(pair.Field)))
        {
            issues.Add(new LayoutIssue(
                DiagnosticDescriptors.FixupRoleIsOptional,
                index,
                [
                    method,
                    Identifiers.Unescape(layout.Name),
                    role.ToString(),
                    Identifiers.Unescape(holder.Name),
                    LayoutValidator.DescribeClaim(holder),
                ]));
        }
    }

    /// <summary>The roles each level's fixup reads or writes (Xen's adjust_guest_l1e ... adjust_guest_l4e).</summary>
    public static IReadOnlyList<PteRole> RolesFor(int level) => level switch
    {
        1 => [PteRole.Present, PteRole.User, PteRole.Global, PteRole.GuestKernel],
        2 => [PteRole.Present, PteRole.User],
        3 => [PteRole.Present, PteRole.User, PteRole.Writable],
        _ => [PteRole.Present, PteRole.User, PteRole.Accessed],
    };

    private static string Consequence(int level, PteRole role) => (level, role) switch
    {
        (1, PteRole.GuestKernel) => " (the kernel marker): without it the last step of adjust_guest_l1e, which adds Global to user mappings only, cannot tell a kernel mapping from a user one",
        (1, PteRole.Global) => ": adjust_guest_l1e adds Global to user mappings",
        (_, PteRole.User) => ": the fixup adds User, because a 64-bit PV kernel runs in ring 3",
        (3, PteRole.Writable) => ": adjust_guest_l3e adds User|RW to the entries of 32-bit PV domains",
        (4, PteRole.Accessed) => ": adjust_guest_l4e sets Accessed on every present entry (Xen 4.11 and later)",
        _ => "",
    };
}
