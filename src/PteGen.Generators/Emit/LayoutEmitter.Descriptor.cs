using System.Collections.Generic;
using System.Linq;
using PteGen.Generators.Helpers;
using PteGen.Generators.Model;

namespace PteGen.Generators.Emit;

internal static partial class LayoutEmitter
{
    /// <summary>
    /// The static descriptor, built once on first use in a nested class, so the entry struct itself has no static
    /// state (and its accessors no class-initialization checks).
    /// </summary>
    private static void WriteDescriptor(SourceWriter writer, LayoutModel layout)
    {
        var switches = layout.Switches;
        var configurations = switches.ValidConfigurations();
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// The static description of this layout: fields, bit ranges, owners, conditions and valid configurations, for");
        writer.Line("/// tools that print, document or decode entries without reflection.");
        writer.Line("/// </summary>");
        writer.Line(GeneratedCode);
        writer.Line($"public static global::PteGen.PteLayoutDescriptor {GeneratedNames.Descriptor} => {GeneratedNames.DescriptorHolder}.{GeneratedNames.DescriptorInstance};");
        writer.Line();
        writer.Line(GeneratedCode);
        writer.Line($"private static class {GeneratedNames.DescriptorHolder}");
        using (writer.Block())
        {
            var (sets, fieldSets) = ConfigurationSets(layout, configurations);
            writer.Line("// The configurations a claim holds in, one array per distinct set (the descriptor keeps copies).");
            foreach (var set in sets)
            {
                if (switches.HasSwitches)
                {
                    writer.Line($"// {(set.Value.Count == 0 ? "no configuration" : string.Join(", ", set.Value.Select(switches.Format)))}");
                }

                writer.Line($"private static readonly ulong[] {set.Name} = {ConfigurationArray(set.Value)};");
            }

            writer.Line();
            writer.Line($"internal static readonly global::PteGen.PteLayoutDescriptor {GeneratedNames.DescriptorInstance} = new global::PteGen.PteLayoutDescriptor(");
            writer.Line($"    {Literals.String(Identifiers.Unescape(layout.Name))},");
            writer.Line($"    {Literals.Int(layout.Level)},");
            writer.Line($"    {Literals.String(switches.NoSwitchesName)},");
            if (switches.HasSwitches)
            {
                writer.Line("    new global::PteGen.PteSwitchDescriptor[]");
                writer.Line("    {");
                foreach (var member in switches.Members)
                {
                    writer.Line($"        new global::PteGen.PteSwitchDescriptor({Literals.String(member.Name)}, {Literals.Hex(member.Value)}),");
                }

                writer.Line("    },");
            }
            else
            {
                writer.Line("    new global::PteGen.PteSwitchDescriptor[0],");
            }

            writer.Line($"    {sets[0].Name},");
            writer.Line("    new global::PteGen.PteFieldDescriptor[]");
            writer.Line("    {");
            for (var index = 0; index < layout.Fields.Count; index++)
            {
                var (field, active) = (layout.Fields[index], fieldSets[index]);
                writer.Line(
                    $"        new global::PteGen.PteFieldDescriptor({Literals.String(Identifiers.Unescape(field.Name))}, {Literals.Int(field.Low)}, {Literals.Int(field.High)}, " +
                    $"global::PteGen.PteOwner.{field.Owner}, global::PteGen.PteRole.{field.Role}, {Literals.String(field.When?.ToString() ?? field.WhenText)}, {active}, " +
                    $"guestRefused: {Literals.Bool(field.IsGuestRefused)}, relocatable: {Literals.Bool(field.Relocatable)}, optional: {Literals.Bool(field.Optional)}),");
            }

            writer.Line("    });");
        }
    }

    /// <summary>
    /// The distinct sets of configurations the descriptor names: every valid configuration first (what a claim without
    /// a condition holds in), then each other set a claim holds in, in declaration order.
    /// </summary>
    /// <returns>The sets, and the name of each field's set.</returns>
    private static (List<(string Name, List<ulong> Value)> Sets, List<string> FieldSets) ConfigurationSets(LayoutModel layout, IReadOnlyList<ulong> configurations)
    {
        var sets = new List<(string Name, List<ulong> Value)> { (GeneratedNames.AllConfigurations, configurations.ToList()) };
        var names = new Dictionary<string, string> { [Key(configurations)] = sets[0].Name };
        var fieldSets = new List<string>();
        foreach (var field in layout.Fields)
        {
            var active = configurations.Where(field.HoldsIn).ToList();
            var key = Key(active);
            if (!names.TryGetValue(key, out var name))
            {
                name = GeneratedNames.ConfigurationSet(sets.Count);
                names.Add(key, name);
                sets.Add((name, active));
            }

            fieldSets.Add(name);
        }

        return (sets, fieldSets);

        static string Key(IEnumerable<ulong> set) => string.Join(",", set.Select(Literals.Hex));
    }

    private static string ConfigurationArray(System.Collections.Generic.IReadOnlyCollection<ulong> configurations) =>
        configurations.Count == 0 ? "new ulong[0]" : "{ " + string.Join(", ", configurations.Select(Literals.Hex)) + " }";
}
