using System.CommandLine;
using System.IO;
using PteGen;

namespace XenPv.Tool;

/// <summary><c>xenpte decode &lt;hex&gt; [--level 1..4] [--config ...]</c>: one entry, field by field.</summary>
internal static class DecodeCommand
{
    public static Command Create()
    {
        var entry = CommonOptions.HexArgument("entry", "The entry, in hex: up to 16 digits after any leading zeros, with or without 0x.");
        var level = CommonOptions.Level();
        var config = CommonOptions.Config("Default: None (a release build, protection keys off).");
        var command = new Command("decode", "Decode one entry: each field with its bits, value, owner and role, and the bits the guest may not set.")
        {
            entry,
            level,
            config,
        };
        command.SetAction(result =>
        {
            var output = result.InvocationConfiguration.Output;
            var chosen = result.GetValue(config);
            Run(output, result.GetValue(entry), XenLayout.ForLevel(result.GetValue(level)), chosen ?? XenConfig.None, chosen is null);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Run(TextWriter output, ulong raw, XenLayout layout, XenConfig config, bool defaulted)
    {
        var descriptor = layout.Descriptor;
        var configName = CommonOptions.Name(config);
        output.WriteLine($"entry          {Hex.Entry(raw)}");
        output.WriteLine($"layout         {layout.Name} (level {layout.Level})");
        output.WriteLine(defaulted
            ? $"configuration  {configName} (the default without --config; valid: {CommonOptions.ValidConfigurationNames})"
            : $"configuration  {configName}");
        output.WriteLine($"summary        {layout.Format(raw, config)}");
        foreach (var field in descriptor.FieldsIn((ulong)config))
        {
            if (field.Role == PteRole.Frame)
            {
                output.WriteLine($"address        {Hex.Entry(raw & field.Mask)} ({field.Name} {Text.Value(field, raw)}, bits {Text.Bits(field)})");
            }
        }

        output.WriteLine();

        var table = new TextTable("bits", "field", "value", "owner", "role");
        foreach (var field in descriptor.FieldsIn((ulong)config))
        {
            table.Add(Text.Bits(field), field.Name, Text.Value(field, raw), field.Owner.ToString(), Text.Role(field.Role));
        }

        table.WriteTo(output);
        output.WriteLine();

        var violations = layout.GuestWriteViolations(raw, config);
        if (violations == 0)
        {
            output.WriteLine((raw & 1) == 0
                ? "guest may not set: none (the entry is not present, and Xen checks present entries only)"
                : $"guest may not set: none (Xen accepts these bits under {configName})");
            return;
        }

        output.WriteLine($"guest may not set: {Text.Mask(violations)}; Xen refuses this entry under {configName}:");
        var refused = new TextTable("bits", "field", "owner");
        foreach (var field in descriptor.FieldsIn((ulong)config))
        {
            var bits = violations & field.Mask;
            if (bits != 0)
            {
                refused.Add(Text.BitList(bits), field.Name, field.Owner.ToString());
            }
        }

        refused.WriteTo(output, "  ");
    }
}
