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

            writer.Line($"    {ConfigurationArray(configurations)},");
            writer.Line("    new global::PteGen.PteFieldDescriptor[]");
            writer.Line("    {");
            foreach (var field in layout.Fields)
            {
                var active = configurations.Where(field.HoldsIn).ToList();
                writer.Line("        new global::PteGen.PteFieldDescriptor(");
                writer.Line($"            {Literals.String(Identifiers.Unescape(field.Name))}, {Literals.Int(field.Low)}, {Literals.Int(field.High)}, global::PteGen.PteOwner.{field.Owner}, global::PteGen.PteRole.{field.Role}, {Literals.String(field.When?.ToString() ?? field.WhenText)},");
                writer.Line($"            {ConfigurationArray(active)},");
                writer.Line($"            guestRefused: {Literals.Bool(field.IsGuestRefused)}, relocatable: {Literals.Bool(field.Relocatable)}, optional: {Literals.Bool(field.Optional)}),");
            }

            writer.Line("    });");
        }
    }

    private static string ConfigurationArray(System.Collections.Generic.IReadOnlyCollection<ulong> configurations) =>
        configurations.Count == 0 ? "new ulong[0]" : "new ulong[] { " + string.Join(", ", configurations.Select(Literals.Hex)) + " }";
}
