using System.Collections.Generic;
using System.Linq;
using PteGen.Generators.Helpers;
using PteGen.Generators.Model;

namespace PteGen.Generators.Abi;

/// <summary>
/// A valid layout's ABI facts, from its model: the same lines <c>PteAbiBaseline.Facts</c> gives for its generated
/// descriptor (names unescaped, configurations named as the descriptor names them, the canonical condition).
/// </summary>
internal static class LayoutAbiFacts
{
    /// <summary>The layout's namespace-qualified name as reflection spells it, nested types joined by <c>.</c>.</summary>
    public static string FullName(LayoutModel layout)
    {
        var parts = new List<string>();
        if (layout.Namespace.Length > 0)
        {
            parts.AddRange(layout.Namespace.Split('.').Select(Identifiers.Unescape));
        }

        parts.AddRange(layout.ContainingTypes.Select(type => Identifiers.Unescape(type.Name)));
        parts.Add(Identifiers.Unescape(layout.Name));
        return string.Join(".", parts);
    }

    public static List<PteAbiFact> Of(LayoutModel layout, string fullName)
    {
        var configurations = layout.Switches.ValidConfigurations();
        var configurationNames = configurations.Select(layout.Switches.Format).ToList();
        var facts = new List<PteAbiFact>();
        foreach (var field in layout.Fields)
        {
            // Formatted once per claim: a condition may be very long, and it holds in many configurations.
            var name = Identifiers.Unescape(field.Name);
            var when = field.When?.ToString() ?? field.WhenText;
            for (var index = 0; index < configurations.Count; index++)
            {
                if (field.HoldsIn(configurations[index]))
                {
                    facts.Add(new PteAbiFact(
                        fullName, configurationNames[index], field.Low, field.High, name, field.Owner, field.Role, field.IsGuestRefused, when));
                }
            }
        }

        return facts;
    }
}
