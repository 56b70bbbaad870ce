using System.Collections.Generic;
using PteGen.Generators.Helpers;

namespace PteGen.Generators.Model;

/// <summary>One configuration switch: a single-bit member of a <c>[PteSwitches]</c> enum.</summary>
internal sealed record SwitchMember(string Name, ulong Value);

/// <summary>
/// The configuration space of a layout: its switches and the groups of which at most one switch may be on.
/// A layout without a switches type has the empty set, whose only configuration is 0.
/// </summary>
/// <param name="TypeName">The fully qualified enum type (<c>global::Ns.XenConfig</c>), or empty.</param>
/// <param name="NoSwitchesName">How to name configuration 0: the enum's zero member, or <c>None</c>.</param>
/// <param name="Members">The switches, in ascending value order.</param>
/// <param name="ExclusiveGroups">Each group as the mask of its switches.</param>
internal sealed record SwitchSet(
    string TypeName,
    string NoSwitchesName,
    EquatableArray<SwitchMember> Members,
    EquatableArray<ulong> ExclusiveGroups)
{
    /// <summary>The most switches a layout may have: every configuration is checked, and there are 2^n of them.</summary>
    public const int MaxSwitches = 12;

    public static SwitchSet None { get; } = new("", "None", EquatableArray<SwitchMember>.Empty, EquatableArray<ulong>.Empty);

    public bool HasSwitches => Members.Count > 0;

    public ulong AllSwitches
    {
        get
        {
            ulong all = 0;
            foreach (var member in Members)
            {
                all |= member.Value;
            }

            return all;
        }
    }

    /// <summary>Whether a configuration uses only known switches and at most one switch of each exclusive group.</summary>
    public bool IsValid(ulong configuration)
    {
        if ((configuration & ~AllSwitches) != 0)
        {
            return false;
        }

        foreach (var group in ExclusiveGroups)
        {
            var on = configuration & group;
            if ((on & (on - 1)) != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Every valid configuration, in ascending numeric order (deterministic).</summary>
    public List<ulong> ValidConfigurations()
    {
        var result = new List<ulong>();
        var count = Members.Count;
        for (var index = 0; index < (1 << count); index++)
        {
            ulong configuration = 0;
            for (var bit = 0; bit < count; bit++)
            {
                if ((index & (1 << bit)) != 0)
                {
                    configuration |= Members[bit].Value;
                }
            }

            if (IsValid(configuration))
            {
                result.Add(configuration);
            }
        }

        result.Sort();
        return result;
    }

    /// <summary>Names a configuration as its switches joined by <c>|</c>, or the no-switches name.</summary>
    public string Format(ulong configuration)
    {
        if (configuration == 0)
        {
            return NoSwitchesName;
        }

        var names = new List<string>();
        foreach (var member in Members)
        {
            if ((configuration & member.Value) != 0)
            {
                names.Add(member.Name);
            }
        }

        return string.Join("|", names);
    }

    /// <summary>
    /// Reads switch names separated by <c>;</c>, <c>,</c>, <c>|</c> or spaces (the <c>PteGenConfiguration</c> property).
    /// The no-switches name stands for no switch; names this set does not know are returned in <paramref name="unknown"/>.
    /// </summary>
    public ulong ParseNames(string? text, List<string> unknown)
    {
        ulong configuration = 0;
        foreach (var part in (text ?? "").Split(new[] { ';', ',', '|', ' ' }, System.StringSplitOptions.RemoveEmptyEntries))
        {
            var name = part.Trim();
            if (name.Length == 0 || string.Equals(name, NoSwitchesName, System.StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var found = false;
            foreach (var member in Members)
            {
                if (string.Equals(member.Name, name, System.StringComparison.OrdinalIgnoreCase))
                {
                    configuration |= member.Value;
                    found = true;
                }
            }

            if (!found)
            {
                unknown.Add(name);
            }
        }

        return configuration;
    }

    public bool TryGetSwitch(string name, out SwitchMember member)
    {
        foreach (var candidate in Members)
        {
            if (candidate.Name == name)
            {
                member = candidate;
                return true;
            }
        }

        member = null!;
        return false;
    }
}
