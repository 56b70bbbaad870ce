using System.Collections.Generic;
using System.Linq;
using PteGen.Generators.Helpers;
using PteGen.Generators.Model;

namespace PteGen.Generators.Emit;

internal static partial class LayoutEmitter
{
    private static void WriteOwnership(SourceWriter writer, LayoutModel layout)
    {
        var switches = layout.Switches;
        var fixedHardware = Ownership.FixedBits(layout, PteOwner.Hardware);
        var fixedXen = Ownership.FixedBits(layout, PteOwner.XenReserved);
        var fixedGuest = Ownership.FixedBits(layout, PteOwner.GuestAvailable);

        writer.Line();
        writer.Line("// Ownership: who owns which bits, per configuration.");
        writer.Line();
        WriteConstant(writer, GeneratedNames.FixedHardwareBits, fixedHardware, "The bits the hardware owns in every valid configuration.");
        WriteConstant(writer, GeneratedNames.FixedXenReservedBits, fixedXen, "The bits the hypervisor reserves in every valid configuration.");
        WriteConstant(writer, GeneratedNames.FixedGuestAvailableBits, fixedGuest, "The bits the guest may use in every valid configuration.");
        WriteConstant(
            writer,
            GeneratedNames.ConfigurationDependentBits,
            ~(fixedHardware | fixedXen | fixedGuest),
            switches.HasSwitches
                ? $"The bits whose owner depends on the configuration (see <see cref=\"{GeneratedNames.HardwareBits}\"/>, <see cref=\"{GeneratedNames.XenReservedBits}\"/> and <see cref=\"{GeneratedNames.GuestAvailableBits}\"/>)."
                : "The bits whose owner depends on the configuration: none, as the layout has no switches.");
        WriteConstant(
            writer,
            GeneratedNames.FixedGuestRefusedBits,
            Ownership.FixedGuestRefusedBits(layout),
            "The bits a guest entry may not have set in any valid configuration (the hypervisor refuses such an entry).");

        if (switches.HasSwitches)
        {
            WriteIsValid(writer, layout);
            WriteOwnerMethod(writer, layout, GeneratedNames.HardwareBits, GeneratedNames.FixedHardwareBits, "The bits the hardware owns", f => f.Owner == PteOwner.Hardware);
            WriteOwnerMethod(writer, layout, GeneratedNames.XenReservedBits, GeneratedNames.FixedXenReservedBits, "The bits the hypervisor reserves", f => f.Owner == PteOwner.XenReserved);
            WriteOwnerMethod(writer, layout, GeneratedNames.GuestAvailableBits, GeneratedNames.FixedGuestAvailableBits, "The bits the guest may use", f => f.Owner == PteOwner.GuestAvailable);
            WriteOwnerMethod(writer, layout, GeneratedNames.GuestRefusedBits, GeneratedNames.FixedGuestRefusedBits, "The bits a guest entry may not have set (the hypervisor refuses such an entry)", f => f.IsGuestRefused);
        }

        WriteGuestWriteViolations(writer, layout);
    }

    private static void WriteConstant(SourceWriter writer, string name, ulong value, string summary)
    {
        writer.Line($"/// <summary>{summary}</summary>");
        writer.Line($"public const ulong {name} = {Literals.Mask(value)};");
    }

    private static void WriteIsValid(SourceWriter writer, LayoutModel layout)
    {
        var switches = layout.Switches;
        var type = switches.TypeName;
        var configuration = GeneratedNames.Parameters.Configuration;
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line($"/// Whether <paramref name=\"{configuration}\"/> is a valid configuration of this layout: it has only switches of");
        writer.Line($"/// <see cref=\"{type}\"/> and at most one switch of each <c>[MutuallyExclusive]</c> group.");
        writer.Line("/// </summary>");
        writer.Line($"/// <param name=\"{configuration}\">The switches that are on.</param>");
        writer.Line(GeneratedCode);
        writer.Line($"public static bool {GeneratedNames.IsValid}({type} {configuration})");
        using (writer.Block())
        {
            writer.Line($"if (({configuration} & ~({SwitchList(switches, switches.AllSwitches)})) != 0)");
            using (writer.Block())
            {
                writer.Line("return false;");
            }

            for (var index = 0; index < switches.ExclusiveGroups.Count; index++)
            {
                var group = switches.ExclusiveGroups[index];
                var names = switches.Members.Where(m => (m.Value & group) != 0).Select(m => m.Name);
                writer.Line();
                writer.Line($"// [MutuallyExclusive({string.Join(", ", names)})]: at most one of them.");
                writer.Line($"var group{index} = {configuration} & ({SwitchList(switches, group)});");
                // unchecked: no switch of the group on is 0 - 1, which a project built with overflow checks would throw on.
                writer.Line($"if ((group{index} & unchecked(group{index} - 1)) != 0)");
                using (writer.Block())
                {
                    writer.Line("return false;");
                }
            }

            writer.Line();
            writer.Line("return true;");
        }
    }

    /// <summary>
    /// Writes a per-configuration mask method: the fixed bits, plus each conditional claim's mask under its condition,
    /// written as the declaration wrote it.
    /// </summary>
    private static void WriteOwnerMethod(
        SourceWriter writer,
        LayoutModel layout,
        string name,
        string fixedConstant,
        string summary,
        System.Func<FieldModel, bool> belongs)
    {
        var type = layout.Switches.TypeName;
        var configuration = GeneratedNames.Parameters.Configuration;
        writer.Line();
        writer.Line($"/// <summary>{summary} in <paramref name=\"{configuration}\"/>.</summary>");
        writer.Line($"/// <param name=\"{configuration}\">A valid configuration (the switches that are on).</param>");
        writer.Line($"/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"{configuration}\"/> is not valid (see <see cref=\"{GeneratedNames.IsValid}\"/>).</exception>");
        writer.Line(GeneratedCode);
        writer.Line($"public static ulong {name}({type} {configuration})");
        using (writer.Block())
        {
            WriteConfigurationGuard(writer, configuration);
            writer.Line($"var bits = {fixedConstant};");
            foreach (var group in ConditionalGroups(layout, belongs))
            {
                writer.Line();
                writer.Line($"if ({ConditionExpression(group.Key, type, configuration)})");
                using (writer.Block())
                {
                    writer.Line($"bits |= {string.Join(" | ", group.Select(f => GeneratedNames.Mask(f.Name)))};");
                }
            }

            writer.Line();
            writer.Line("return bits;");
        }
    }

    private static IEnumerable<IGrouping<Condition, FieldModel>> ConditionalGroups(LayoutModel layout, System.Func<FieldModel, bool> belongs) =>
        layout.Fields.Where(f => belongs(f) && f.When is not null).GroupBy(f => f.When!);

    private static void WriteGuestWriteViolations(SourceWriter writer, LayoutModel layout)
    {
        var switches = layout.Switches;
        var present = Ownership.FixedRole(layout, PteRole.Present);

        // Without a claim that is always Present, each conditional one is tested where its condition holds (one
        // holder per configuration at most, PTE012); elsewhere the entry has no present bit and is always checked.
        var conditionalPresent = present is null && switches.HasSwitches
            ? layout.Fields.Where(f => f.Role == PteRole.Present && f.When is not null).ToList()
            : new List<FieldModel>();
        var configuration = GeneratedNames.Parameters.Configuration;
        var parameter = switches.HasSwitches ? $"{switches.TypeName} {configuration}" : "";
        var mask = switches.HasSwitches ? $"{GeneratedNames.GuestRefusedBits}({configuration})" : GeneratedNames.FixedGuestRefusedBits;
        var raw = GeneratedNames.RawField;
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line($"/// The bits of this entry that a guest may not set{(switches.HasSwitches ? $" in <paramref name=\"{configuration}\"/>" : "")}; 0 when the hypervisor would accept it.");
        if (present is not null)
        {
            writer.Line($"/// A non-present entry is never checked (only <see cref=\"{present.Name}\"/> entries are), as in Xen.");
        }
        else if (conditionalPresent.Count > 0)
        {
            var holders = string.Join(", ", conditionalPresent.Select(f => $"<see cref=\"{f.Name}\"/> when <c>{Literals.Xml(f.WhenText)}</c>"));
            writer.Line($"/// Where a claim holds role Present ({holders}), a non-present entry is never checked, as in Xen.");
        }

        writer.Line("/// </summary>");
        if (switches.HasSwitches)
        {
            writer.Line($"/// <param name=\"{configuration}\">A valid configuration (the switches that are on).</param>");
        }

        writer.Line(GeneratedCode);
        if (conditionalPresent.Count == 0)
        {
            writer.Line(present is null
                ? $"public ulong {GeneratedNames.GuestWriteViolations}({parameter}) => {raw} & {mask};"
                : $"public ulong {GeneratedNames.GuestWriteViolations}({parameter}) => ({raw} & {GeneratedNames.Mask(present.Name)}) != 0 ? {raw} & {mask} : 0;");
            return;
        }

        writer.Line($"public ulong {GeneratedNames.GuestWriteViolations}({parameter})");
        using (writer.Block())
        {
            foreach (var holder in conditionalPresent)
            {
                writer.Line($"if (({raw} & {GeneratedNames.Mask(holder.Name)}) == 0 && ({ConditionExpression(holder.When!, switches.TypeName, "configuration")}))");
                using (writer.Block())
                {
                    writer.Line($"return 0; // not present where {Identifiers.Unescape(holder.Name)} holds role Present");
                }

                writer.Line();
            }

            writer.Line($"return {raw} & {mask};");
        }
    }

    /// <summary><c>A | B</c> for the switches in <paramref name="mask"/>, as enum members.</summary>
    private static string SwitchList(SwitchSet switches, ulong mask) =>
        string.Join(" | ", switches.Members.Where(m => (m.Value & mask) != 0).Select(m => $"{switches.TypeName}.{Identifiers.Escape(m.Name)}"));

    /// <summary>
    /// A condition as a C# expression over an enum variable; <c>(x &amp; E.A) != 0</c> tests a switch. As long as the
    /// condition (the parser bounds it) and written without recursion.
    /// </summary>
    internal static string ConditionExpression(Condition condition, string type, string variable)
    {
        var text = new System.Text.StringBuilder();
        condition.WriteTo(text, (builder, item, negated) => builder
            .Append('(').Append(variable).Append(" & ").Append(type).Append('.').Append(Identifiers.Escape(item.Name))
            .Append(negated ? ") == 0" : ") != 0"));
        return text.ToString();
    }
}
