using System.Collections.Generic;
using System.Linq;
using PteGen.Generators.Diagnostics;
using PteGen.Generators.Model;

namespace PteGen.Generators.Validation;

/// <summary>What the generated guest-entry fixup of one level needs: its roles and who holds them.</summary>
internal sealed class FixupPlan
{
    public FixupPlan(int level, IReadOnlyList<PteRole> roles, IReadOnlyDictionary<PteRole, IReadOnlyList<FieldModel>> holders)
    {
        Level = level;
        Roles = roles;
        Holders = holders;
    }

    public int Level { get; }

    /// <summary><c>AdjustGuestL1e</c> ... <c>AdjustGuestL4e</c>, after Xen's <c>adjust_guest_l?e</c>.</summary>
    public string MethodName => $"AdjustGuestL{Level}e";

    public IReadOnlyList<PteRole> Roles { get; }

    /// <summary>The claims holding each role, in declaration order (one per configuration).</summary>
    public IReadOnlyDictionary<PteRole, IReadOnlyList<FieldModel>> Holders { get; }

    /// <summary>The claim holding <paramref name="role"/> in every configuration, or <see langword="null"/> when it depends on it.</summary>
    public FieldModel? FixedHolder(PteRole role) =>
        Holders[role] is { Count: 1 } holders && holders[0].IsAlways ? holders[0] : null;

    /// <summary>The claim holding <paramref name="role"/> in <paramref name="configuration"/>.</summary>
    public FieldModel HolderIn(PteRole role, ulong configuration) => Holders[role].First(f => f.HoldsIn(configuration));
}

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

        var roles = RolesFor(layout.Level);
        var configurations = layout.Switches.ValidConfigurations();
        var holders = new Dictionary<PteRole, IReadOnlyList<FieldModel>>();
        var method = $"AdjustGuestL{layout.Level}e";
        foreach (var role in roles)
        {
            var claims = layout.Fields.Where(f => f.Role == role && !f.HasErrors).ToList();
            holders[role] = claims;
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
                    Helpers.Identifiers.Unescape(layout.Name),
                    LayoutValidator.DescribeConfigurations(layout.Switches, missing, configurations.Count, all: "in any configuration"),
                    role.ToString(),
                    Consequence(layout.Level, role),
                ]));
        }

        return (issues.Count == 0 ? new FixupPlan(layout.Level, roles, holders) : null, issues);
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
