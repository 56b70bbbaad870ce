using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;
using PteGen;
using XenPv.Abis;

namespace XenPv.Tool;

/// <summary>
/// <c>xenpte compat [--format text|md] [--guest NAME]</c>: the compatibility matrix of real guest kernels'
/// software bits (<c>samples/GuestProfiles</c>) against Xen's configurations (see <see cref="CompatMatrix"/>).
/// </summary>
internal static class CompatCommand
{
    private const string TextFormat = "text", MarkdownFormat = "md";

    public static Command Create()
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = "text (a plain table, the default) or md (a Markdown table, as in the README).",
            DefaultValueFactory = _ => TextFormat,
            HelpName = $"{TextFormat}|{MarkdownFormat}",
            CustomParser = ParseFormat,
        };
        format.CompletionSources.Add(TextFormat, MarkdownFormat);
        var guest = new Option<GuestProfile?>("--guest", "-g")
        {
            Description = $"Show one guest in detail: its bits, every configuration, the negotiation. Guests: {GuestNames}.",
            HelpName = "NAME",
            CustomParser = ParseGuest,
        };
        guest.CompletionSources.Add(GuestProfile.All.Select(profile => profile.Id).ToArray());
        var command = new Command(
            "compat",
            "Print which guest kernels' software bits collide with Xen in each configuration (release, debug, protection " +
            "keys, and the 2005-2008 debug layout with the grant bit on 11), and what per-domain negotiation picks for each.")
        {
            format,
            guest,
        };
        command.SetAction(result =>
        {
            var output = result.InvocationConfiguration.Output;
            var markdown = result.GetValue(format) == MarkdownFormat;
            if (result.GetValue(guest) is { } one)
            {
                Detail(output, one, markdown);
            }
            else
            {
                Matrix(output, markdown);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string GuestNames => string.Join(", ", GuestProfile.All.Select(profile => profile.Id));

    private static void Matrix(TextWriter output, bool markdown)
    {
        string[] headers = ["guest", .. CompatMatrix.Columns.Select(column => column.Title), CompatMatrix.NegotiationTitle];
        var rows = GuestProfile.All.Select(profile => (string[])
            [markdown ? $"{profile.Name} (`{profile.Id}`)" : profile.Id, .. CompatMatrix.Columns.Select(column => CompatMatrix.Cell(profile, column)), CompatMatrix.NegotiationCell(profile)]);
        Write(output, markdown, headers, rows);
    }

    private static void Detail(TextWriter output, GuestProfile guest, bool markdown)
    {
        output.WriteLine($"guest   {guest.Name} ({guest.Id})");
        output.WriteLine($"port    {guest.Port}");
        output.WriteLine($"source  {guest.Source}");
        output.WriteLine();

        if (guest.Bits.Count == 0)
        {
            output.WriteLine("software bits  none");
        }
        else
        {
            var bits = guest.Bits.Select(bit =>
            {
                // Today's leaf entry: the profiles declare the same use for the 2005 one.
                var use = bit.UseWith(typeof(L1e));
                var underPv = use is { FeatureNeverOffered: true } ? $"never: {use.Feature} is never offered to PV"
                    : bit.NotVerified ? "not verified"
                    : use?.Feature is { } feature ? $"with {feature}"
                    : "yes";
                return new[] { Text.BitList(bit.Mask), bit.Macro, underPv };
            });
            Write(output, markdown, ["bits", "macro", "set under PV"], bits);
        }

        output.WriteLine();
        Write(output, markdown, ["configuration", "result"], CompatMatrix.Columns.Select(column => new[] { column.Title, CompatMatrix.Cell(guest, column) }));
        output.WriteLine();

        var negotiation = CompatMatrix.Negotiate(guest);
        output.WriteLine($"negotiation ({CommonOptions.Name(CompatMatrix.NegotiationConfiguration)}, {NegotiatedL1e.Descriptor.Name})");
        output.WriteLine($"guest-unused bits  {Text.Mask(CompatMatrix.UnusedBits(guest))}, {CompatMatrix.Count(CompatMatrix.UnusedBits(guest))} bits");
        output.WriteLine($"result             {CompatMatrix.NegotiationCell(guest)}");
        if (negotiation.Succeeded)
        {
            output.WriteLine($"Xen takes          {Text.Mask(negotiation.XenBits)}");
            var dropped = negotiation.Claims.Where(claim => !claim.HasBit).Select(claim => claim.Name).ToList();
            output.WriteLine($"dropped            {(dropped.Count == 0 ? "none" : string.Join(", ", dropped))}");
        }
    }

    private static void Write(TextWriter output, bool markdown, string[] headers, System.Collections.Generic.IEnumerable<string[]> rows)
    {
        if (markdown)
        {
            output.WriteLine($"| {string.Join(" | ", headers.Select(Markdown))} |");
            output.WriteLine($"|{string.Join("|", headers.Select(_ => "---"))}|");
            foreach (var row in rows)
            {
                output.WriteLine($"| {string.Join(" | ", row.Select(Markdown))} |");
            }

            return;
        }

        var table = new TextTable(headers);
        foreach (var row in rows)
        {
            table.Add(row);
        }

        table.WriteTo(output);
    }

    /// <summary>A cell as Markdown: a '|' would end it.</summary>
    private static string Markdown(string cell) => cell.Replace("|", "\\|", System.StringComparison.Ordinal);

    private static string ParseFormat(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? TextFormat : result.Tokens[0].Value;
        foreach (var name in new[] { TextFormat, MarkdownFormat })
        {
            if (string.Equals(text.Trim(), name, System.StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }

        result.AddError($"--format {Echo.Quoted(text)} is not an output format: use {TextFormat} or {MarkdownFormat}.");
        return TextFormat;
    }

    private static GuestProfile? ParseGuest(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
        if (GuestProfile.Find(text) is { } profile)
        {
            return profile;
        }

        result.AddError($"--guest {Echo.Quoted(text)} is not a known guest. Known guests: {GuestNames}.");
        return null;
    }
}
