using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using PteGen;

namespace XenPv.Tool;

/// <summary>
/// <c>xenpte layout [--level 1..4] [--config ...]</c>: who owns each bit. With <c>--config</c>, one configuration;
/// without, every valid configuration side by side, then the bits whose owner changes.
/// </summary>
internal static class LayoutCommand
{
    public static Command Create()
    {
        var level = CommonOptions.Level();
        var config = CommonOptions.Config("Default: every valid configuration, side by side.");
        var command = new Command("layout", "Print the ownership table of a layout: bits, field, owner, role, condition and whether Xen refuses the field in a guest entry.")
        {
            level,
            config,
        };
        command.SetAction(result =>
        {
            var output = result.InvocationConfiguration.Output;
            var layout = XenLayout.ForLevel(result.GetValue(level));
            if (result.GetValue(config) is { } chosen)
            {
                One(output, layout.Descriptor, chosen);
            }
            else
            {
                All(output, layout.Descriptor);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void One(TextWriter output, PteLayoutDescriptor descriptor, XenConfig config)
    {
        var value = (ulong)config;
        output.WriteLine($"{descriptor.Name} (level {descriptor.Level}), configuration {descriptor.FormatConfiguration(value)}");
        output.WriteLine();
        var table = new TextTable("bits", "field", "owner", "role", "condition", "guest write");
        foreach (var field in descriptor.FieldsIn(value))
        {
            table.Add(Text.Bits(field), field.Name, field.Owner.ToString(), Text.Role(field.Role), Text.Condition(field), GuestWrite(field));
        }

        table.WriteTo(output);
        output.WriteLine();

        var masks = new TextTable("owner", "bits");
        masks.Add(nameof(PteOwner.Hardware), Text.Mask(descriptor.BitsOwnedBy(PteOwner.Hardware, value)));
        masks.Add(nameof(PteOwner.XenReserved), Text.Mask(descriptor.BitsOwnedBy(PteOwner.XenReserved, value)));
        masks.Add(nameof(PteOwner.GuestAvailable), Text.Mask(descriptor.BitsOwnedBy(PteOwner.GuestAvailable, value)));
        masks.Add("guest-refused", Text.Mask(descriptor.GuestRefusedBits(value)));
        masks.WriteTo(output);
    }

    private static void All(TextWriter output, PteLayoutDescriptor descriptor)
    {
        var configurations = descriptor.ValidConfigurations;
        var names = configurations.Select(descriptor.FormatConfiguration).ToArray();
        output.WriteLine($"{descriptor.Name} (level {descriptor.Level}), every valid configuration: {string.Join(", ", names)}");
        output.WriteLine("(an owner column per configuration; '-' where the field does not exist)");
        output.WriteLine();

        var table = new TextTable(new[] { "bits", "field", "role", "condition", "guest write" }.Concat(names).ToArray());
        foreach (var field in descriptor.Fields)
        {
            var cells = new List<string> { Text.Bits(field), field.Name, Text.Role(field.Role), Text.Condition(field), GuestWrite(field) };
            cells.AddRange(configurations.Select(configuration => field.IsActiveIn(configuration) ? field.Owner.ToString() : "-"));
            table.Add(cells.ToArray());
        }

        table.WriteTo(output);
        output.WriteLine();

        // Runs of bits whose owning field differs between configurations.
        var changes = new TextTable(new[] { "bits" }.Concat(names).ToArray());
        var any = false;
        for (var bit = 0; bit < 64; bit++)
        {
            var owners = Owners(descriptor, bit);
            if (owners.Distinct().Count() <= 1)
            {
                continue;
            }

            var high = bit;
            while (high < 63 && Owners(descriptor, high + 1).SequenceEqual(owners))
            {
                high++;
            }

            changes.Add(new[] { bit == high ? $"{bit}" : $"{bit}-{high}" }.Concat(owners).ToArray());
            any = true;
            bit = high;
        }

        if (!any)
        {
            output.WriteLine("Every bit has the same owner in every configuration.");
            return;
        }

        output.WriteLine("Bits whose owner depends on the configuration:");
        changes.WriteTo(output, "  ");
    }

    private static string[] Owners(PteLayoutDescriptor descriptor, int bit) =>
        descriptor.ValidConfigurations
            .Select(configuration => descriptor.FieldAt(bit, configuration) is { } field ? $"{field.Owner} ({field.Name})" : "?")
            .ToArray();

    private static string GuestWrite(PteFieldDescriptor field) => field.GuestRefused ? "refused" : "allowed";
}
