using System;
using System.Collections.Generic;
using System.Linq;
using PteGen.Generators.Diagnostics;
using PteGen.Generators.Model;
using PteGen.Generators.Parsing.Problems;
using PteGen.Generators.Parsing.Reading;

namespace PteGen.Generators.Parsing.Rules;

/// <summary>
/// <c>[PteLayout(GuestAbiIndependentOf = "Debug")]</c>: switches that must not change who owns a bit, so that a guest
/// sees one ABI whether the switch is on or off (PTE028 for a name that is not a switch, PTE027 for each bit that does
/// change owner).
/// </summary>
internal static class InvarianceRules
{
    private const string Argument = "GuestAbiIndependentOf";

    private static readonly char[] Separators = { ',', '|', ' ', '\t', '\r', '\n' };

    /// <summary>The switches named by the claim, or the problem with its names; nothing for a layout without the claim.</summary>
    public static (IReadOnlyList<SwitchMember> Switches, Problem? Problem) CheckNames(LayoutDeclaration layout, SwitchSet switches)
    {
        var names = (layout.GuestAbiIndependentOf ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0)
        {
            return (Array.Empty<SwitchMember>(), null);
        }

        // With a switches type that cannot be used, the names cannot be checked; PTE014 says why.
        if (layout.Switches.IsBroken)
        {
            return (Array.Empty<SwitchMember>(), null);
        }

        var found = new List<SwitchMember>();
        var unknown = new List<string>();
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            if (switches.TryGetSwitch(name, out var member))
            {
                found.Add(member);
            }
            else
            {
                unknown.Add(name);
            }
        }

        if (unknown.Count == 0)
        {
            return (found, null);
        }

        var known = switches.HasSwitches
            ? $"the switches of '{Names.Short(switches.TypeName)}' are {string.Join(", ", switches.Members.Select(m => m.Name))}"
            : "the layout declares no switches type";
        var problem = Problem.Create(
            DiagnosticDescriptors.UnknownInvariantSwitch,
            Site.LayoutArgument(Argument),
            layout.GuestAbiIndependentOf!.Trim(),
            layout.RawName,
            string.Join(", ", unknown.Select(n => $"'{n}'")),
            unknown.Count == 1 ? "is not a switch" : "are not switches",
            known);
        return (Array.Empty<SwitchMember>(), problem);
    }

    /// <summary>
    /// Each run of bits whose owner changes with one of <paramref name="invariant"/>: for every bit, the first pair of
    /// valid configurations (lowest first) that differ only in that switch and give the bit different owners. A run
    /// is reported once, however many pairs share it. Linear in configurations × 64 bits × fields.
    /// </summary>
    public static IEnumerable<Problem> CheckOwnership(LayoutModel layout, IReadOnlyList<SwitchMember> invariant)
    {
        if (invariant.Count == 0)
        {
            yield break;
        }

        var switches = layout.Switches;
        var configurations = switches.ValidConfigurations();
        var valid = new HashSet<ulong>(configurations);
        var holders = new Dictionary<ulong, int[]>();
        foreach (var configuration in configurations)
        {
            holders[configuration] = Holders(layout, configuration);
        }

        foreach (var member in invariant)
        {
            var changes = new Change?[64];
            foreach (var without in configurations)
            {
                var with = without | member.Value;
                if ((without & member.Value) != 0 || !valid.Contains(with))
                {
                    continue;
                }

                var before = holders[without];
                var after = holders[with];
                for (var bit = 0; bit < 64; bit++)
                {
                    if (changes[bit] is null && before[bit] >= 0 && after[bit] >= 0
                        && layout.Fields[before[bit]].Owner != layout.Fields[after[bit]].Owner)
                    {
                        changes[bit] = new Change(without, with, before[bit], after[bit]);
                    }
                }
            }

            for (var low = 0; low < 64; low++)
            {
                if (changes[low] is not { } change)
                {
                    continue;
                }

                var high = low;
                while (high + 1 < 64 && changes[high + 1] == change)
                {
                    high++;
                }

                var before = layout.Fields[change.Before];
                var after = layout.Fields[change.After];
                yield return Problem.Create(
                    DiagnosticDescriptors.GuestAbiDependsOnSwitch,
                    Site.LayoutArgument(Argument),
                    LayoutName(layout),
                    member.Name,
                    low == high ? $"bit {low}" : $"bits {low}-{high}",
                    $"{before.Owner} ('{Helpers.Identifiers.Unescape(before.Name)}') under {switches.Format(change.Without)}",
                    $"{after.Owner} ('{Helpers.Identifiers.Unescape(after.Name)}') under {switches.Format(change.With)}");
                low = high;
            }
        }
    }

    private static string LayoutName(LayoutModel layout) => Helpers.Identifiers.Unescape(layout.Name);

    /// <summary>The index of the field that holds each bit in <paramref name="configuration"/>, or -1.</summary>
    private static int[] Holders(LayoutModel layout, ulong configuration)
    {
        var holders = new int[64];
        for (var bit = 0; bit < 64; bit++)
        {
            holders[bit] = -1;
        }

        for (var index = 0; index < layout.Fields.Count; index++)
        {
            var field = layout.Fields[index];
            if (field.HasErrors || !field.HoldsIn(configuration))
            {
                continue;
            }

            for (var bit = field.Low; bit <= field.High; bit++)
            {
                if (holders[bit] < 0)
                {
                    holders[bit] = index;
                }
            }
        }

        return holders;
    }

    /// <summary>A bit's owner change: the two configurations and the fields holding it in each.</summary>
    private sealed record Change(ulong Without, ulong With, int Before, int After);
}
