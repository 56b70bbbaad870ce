using System.CommandLine;
using System.IO;
using System.Linq;
using PteGen;
using XenPv.Abis;

namespace XenPv.Tool;

/// <summary>
/// <c>xenpte negotiate &lt;guest-unused-bits-hex&gt; [--config ...]</c>: the per-domain ABI of the xen-devel discussion of January 2016
/// (<see cref="NegotiatedL1e"/>): the bit Xen takes for each of its claims, and which optional features are off.
/// </summary>
internal static class NegotiateCommand
{
    public static Command Create()
    {
        var unused = CommonOptions.HexArgument(
            "guest-unused-bits",
            "The software bits the guest declares it does not use, as a hex mask (for example 0x4010000000000000 for bits 52 and 62).");
        var config = CommonOptions.Config("Default: None (a release build, protection keys off).");
        var command = new Command(
            "negotiate",
            "Negotiate the per-domain bits of the NegotiatedL1e ABI: Xen picks a bit for each of its claims from the bits " +
            "the guest leaves unused (required claims first, each preferring its home bit); an optional claim without a " +
            "bit is disabled, a required one fails the negotiation (exit code 1).")
        {
            unused,
            config,
        };
        command.SetAction(result =>
        {
            var chosen = result.GetValue(config);
            return Run(result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, result.GetValue(unused), chosen ?? XenConfig.None, chosen is null);
        });
        return command;
    }

    private static int Run(TextWriter output, TextWriter error, ulong unused, XenConfig config, bool defaulted)
    {
        var descriptor = NegotiatedL1e.Descriptor;
        var value = (ulong)config;
        var configName = CommonOptions.Name(config);
        var homeBits = descriptor.FieldsIn(value).Where(field => field.Relocatable).Aggregate(0UL, (bits, field) => bits | field.Mask);
        var candidates = unused & (NegotiatedL1e.GuestAvailableBits(config) | homeBits);

        output.WriteLine($"layout             {descriptor.Name} (per-domain kernel and grant markers)");
        output.WriteLine(defaulted
            ? $"configuration      {configName} (the default without --config; valid: {CommonOptions.ValidConfigurationNames})"
            : $"configuration      {configName}");
        output.WriteLine($"guest-unused bits  {Text.Mask(unused)}");
        output.WriteLine($"candidates         {Text.Mask(candidates)}");
        if ((unused & ~candidates) != 0)
        {
            output.WriteLine($"ignored            {Text.Mask(unused & ~candidates)} (not guest-available under {configName})");
        }

        output.WriteLine();

        var negotiation = NegotiatedL1e.Negotiate(unused, config);
        var table = new TextTable("claim", "role", "kind", "home bit", "chosen");
        var disabled = new System.Collections.Generic.List<string>();
        foreach (var claim in negotiation.Claims)
        {
            var field = descriptor.Fields.FirstOrDefault(item => item.Name == claim.Name);
            var claimed = field is null || field.IsActiveIn(value);
            string outcome;
            if (!claimed)
            {
                outcome = $"not claimed under {configName}";
            }
            else if (claim.HasBit)
            {
                outcome = claim.Bit == claim.HomeBit ? $"bit {claim.Bit} (home)" : $"bit {claim.Bit} (moved)";
            }
            else if (claim.Optional && negotiation.Succeeded)
            {
                outcome = "disabled (no bit left)";
                disabled.Add(claim.Name);
            }
            else
            {
                outcome = "no bit";
            }

            table.Add(claim.Name, Text.Role(claim.Role), claim.Optional ? "optional" : "required", $"{claim.HomeBit}", outcome);
        }

        table.WriteTo(output);
        output.WriteLine();

        if (!negotiation.Succeeded)
        {
            output.WriteLine("result             failed");
            output.Flush(); // the table before the error, when both go to one terminal or file
            error.WriteLine($"xenpte negotiate: negotiation failed: {negotiation.Failure}");
            return ExitCodes.Failure;
        }

        output.WriteLine($"Xen takes          {Text.Mask(negotiation.XenBits)}");
        output.WriteLine($"disabled features  {(disabled.Count == 0 ? "none" : string.Join(", ", disabled))}");
        return ExitCodes.Success;
    }
}
