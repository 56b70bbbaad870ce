using System.Collections.Generic;
using System.Linq;
using PteGen.Generators.Diagnostics;
using PteGen.Generators.Model;

namespace PteGen.Generators.Validation;

/// <summary>
/// Checks what no single attribute can: that in every valid configuration each of the 64 bits has exactly one owner,
/// and each role at most one holder, and that every claim holds in some valid configuration. A pure function of the model, shared by the generator (which generates only
/// valid layouts) and the analyzer (which reports the findings).
/// </summary>
internal static class LayoutValidator
{
    /// <summary>Messages list at most this many configurations by name.</summary>
    private const int MaxNamedConfigurations = 6;

    public static List<LayoutIssue> Validate(LayoutModel layout)
    {
        var issues = new List<LayoutIssue>();
        var fields = layout.Fields;
        var switches = layout.Switches;
        var configurations = switches.ValidConfigurations();

        // A field that failed to parse has no trustworthy bits: leave it out, and skip the "no owner" check, which
        // would only repeat the parse error in other words.
        var anyFieldErrors = fields.Any(f => f.HasErrors);

        var overlaps = new Dictionary<(int First, int Second), Finding>();
        var overlapOrder = new List<(int First, int Second)>();
        var roles = new Dictionary<(int First, int Second), Finding>();
        var roleOrder = new List<(int First, int Second)>();
        var uncovered = new List<ulong>[64];
        var owners = new int[64];
        var roleHolders = new Dictionary<PteRole, int>();
        var holdsSomewhere = new bool[fields.Count];

        foreach (var configuration in configurations)
        {
            for (var bit = 0; bit < 64; bit++)
            {
                owners[bit] = -1;
            }

            roleHolders.Clear();
            for (var index = 0; index < fields.Count; index++)
            {
                var field = fields[index];
                if (field.HasErrors || !field.HoldsIn(configuration))
                {
                    continue;
                }

                holdsSomewhere[index] = true;

                for (var bit = field.Low; bit <= field.High; bit++)
                {
                    if (owners[bit] < 0)
                    {
                        owners[bit] = index;
                    }
                    else
                    {
                        Record(overlaps, overlapOrder, (owners[bit], index), configuration, 1UL << bit);
                    }
                }

                if (field.Role != PteRole.None)
                {
                    if (roleHolders.TryGetValue(field.Role, out var holder))
                    {
                        Record(roles, roleOrder, (holder, index), configuration, 0);
                    }
                    else
                    {
                        roleHolders[field.Role] = index;
                    }
                }
            }

            if (!anyFieldErrors)
            {
                for (var bit = 0; bit < 64; bit++)
                {
                    if (owners[bit] < 0)
                    {
                        (uncovered[bit] ??= new List<ulong>()).Add(configuration);
                    }
                }
            }
        }

        for (var index = 0; index < fields.Count; index++)
        {
            if (!holdsSomewhere[index] && !fields[index].HasErrors && switches.HasSwitches)
            {
                issues.Add(new LayoutIssue(
                    DiagnosticDescriptors.ClaimNeverHolds,
                    index,
                    [fields[index].Name, DescribeClaim(fields[index]), Unescaped(layout.Name), WhyNeverHolds(switches, fields[index])]));
            }
        }

        foreach (var key in overlapOrder)
        {
            var finding = overlaps[key];
            var (first, second) = (fields[key.First], fields[key.Second]);
            issues.Add(new LayoutIssue(
                DiagnosticDescriptors.OverlappingClaims,
                key.Second,
                [
                    BitRanges.Describe(finding.Bits, capitalized: true),
                    Unescaped(layout.Name),
                    first.Name,
                    DescribeClaim(first),
                    second.Name,
                    DescribeClaim(second),
                    DescribeConfigurations(switches, finding.Configurations, configurations.Count),
                ]));
        }

        ReportUncovered(layout, uncovered, configurations.Count, issues);

        foreach (var key in roleOrder)
        {
            var finding = roles[key];
            var (first, second) = (fields[key.First], fields[key.Second]);
            issues.Add(new LayoutIssue(
                DiagnosticDescriptors.DuplicatedRole,
                key.Second,
                [
                    second.Role.ToString(),
                    Unescaped(layout.Name),
                    first.Name,
                    second.Name,
                    DescribeConfigurations(switches, finding.Configurations, configurations.Count),
                ]));
        }

        return issues;
    }

    /// <summary>Whether the layout can be generated: no finding of the validator.</summary>
    public static bool IsValid(LayoutModel layout) => Validate(layout).Count == 0;

    /// <summary>Names the configurations a finding applies to, as the tail of a sentence.</summary>
    /// <param name="switches">The layout's switches.</param>
    /// <param name="configurations">The configurations the finding applies to.</param>
    /// <param name="validCount">How many valid configurations the layout has.</param>
    /// <param name="all">How to introduce the list when the finding applies to every configuration ("has no owner in any
    /// configuration" reads right where "has no owner in every configuration" would be ambiguous).</param>
    public static string DescribeConfigurations(SwitchSet switches, IReadOnlyList<ulong> configurations, int validCount, string all = "in every configuration")
    {
        if (!switches.HasSwitches)
        {
            return "";
        }

        var names = configurations.Take(MaxNamedConfigurations).Select(switches.Format).ToList();
        var more = configurations.Count - names.Count;
        var list = string.Join(", ", names) + (more > 0 ? $" and {more} more" : "");
        if (configurations.Count == validCount && validCount > 1)
        {
            return $" {all} ({list})";
        }

        return configurations.Count == 1 ? $" under configuration {list}" : $" under configurations {list}";
    }

    public static string DescribeClaim(FieldModel field)
    {
        var bits = field.Low == field.High ? $"bit {field.Low}" : $"bits {field.Low}-{field.High}";
        var owner = field.Owner switch
        {
            PteOwner.Hardware => "Hardware",
            PteOwner.XenReserved => "XenReserved",
            _ => "GuestAvailable",
        };
        return field.WhenText.Length == 0 ? $"{owner} {bits}" : $"{owner} {bits}, when {field.WhenText}";
    }

    /// <summary>
    /// Why a claim holds in no valid configuration: its condition is false under every combination of switches, or
    /// holds only under combinations that <c>[MutuallyExclusive]</c> rules out (named, with the groups).
    /// </summary>
    private static string WhyNeverHolds(SwitchSet switches, FieldModel field)
    {
        var holding = new List<ulong>();
        var broken = new bool[switches.ExclusiveGroups.Count];
        for (var combination = 0; combination < 1 << switches.Members.Count; combination++)
        {
            ulong configuration = 0;
            for (var index = 0; index < switches.Members.Count; index++)
            {
                if ((combination & (1 << index)) != 0)
                {
                    configuration |= switches.Members[index].Value;
                }
            }

            if (!field.HoldsIn(configuration))
            {
                continue;
            }

            holding.Add(configuration);
            for (var index = 0; index < broken.Length; index++)
            {
                var on = configuration & switches.ExclusiveGroups[index];
                broken[index] |= on != 0 && !BitRanges.IsSingleBit(on);
            }
        }

        if (holding.Count == 0)
        {
            return "its condition is false whatever switches are on";
        }

        holding.Sort();
        var names = holding.Take(MaxNamedConfigurations).Select(switches.Format).ToList();
        var more = holding.Count - names.Count;
        var groups = switches.ExclusiveGroups
            .Where((_, index) => broken[index])
            .Select(group => $"[MutuallyExclusive({string.Join(", ", switches.Members.Where(m => (m.Value & group) != 0).Select(m => m.Name))})]")
            .Distinct()
            .ToList();
        return $"its condition holds only under {(holding.Count == 1 ? "configuration" : "configurations")} {string.Join(", ", names)}{(more > 0 ? $" and {more} more" : "")}, which {string.Join(" and ", groups)} {(groups.Count == 1 ? "rules" : "rule")} out";
    }

    private static void ReportUncovered(LayoutModel layout, List<ulong>[] uncovered, int validCount, List<LayoutIssue> issues)
    {
        // One finding per run of adjacent bits that lack an owner in exactly the same configurations.
        for (var bit = 0; bit < 64; bit++)
        {
            if (uncovered[bit] is not { } configurations)
            {
                continue;
            }

            var high = bit;
            while (high + 1 < 64 && uncovered[high + 1] is { } next && next.SequenceEqual(configurations))
            {
                high++;
            }

            ulong bits = 0;
            for (var index = bit; index <= high; index++)
            {
                bits |= 1UL << index;
            }

            var single = bit == high;
            issues.Add(new LayoutIssue(
                DiagnosticDescriptors.UncoveredBits,
                LayoutIssue.Layout,
                [
                    BitRanges.Describe(bits, capitalized: true),
                    Unescaped(layout.Name),
                    single ? "has" : "have",
                    DescribeConfigurations(layout.Switches, configurations, validCount, all: "in any configuration"),
                    single ? "it" : "them",
                ]));
            bit = high;
        }
    }

    private static void Record(
        Dictionary<(int First, int Second), Finding> findings,
        List<(int First, int Second)> order,
        (int First, int Second) key,
        ulong configuration,
        ulong bit)
    {
        if (!findings.TryGetValue(key, out var finding))
        {
            finding = new Finding(configuration);
            findings.Add(key, finding);
            order.Add(key);
        }

        finding.Add(configuration, bit);
    }

    private static string Unescaped(string name) => Helpers.Identifiers.Unescape(name);

    /// <summary>The bits of a finding (in the first configuration where it occurs) and every configuration it occurs in.</summary>
    private sealed class Finding
    {
        private readonly ulong _firstConfiguration;

        public Finding(ulong firstConfiguration) => _firstConfiguration = firstConfiguration;

        public ulong Bits { get; private set; }

        public List<ulong> Configurations { get; } = new();

        public void Add(ulong configuration, ulong bit)
        {
            if (configuration == _firstConfiguration)
            {
                Bits |= bit;
            }

            if (Configurations.Count == 0 || Configurations[Configurations.Count - 1] != configuration)
            {
                Configurations.Add(configuration);
            }
        }
    }
}
