using System;
using System.CommandLine;
using System.IO;
using System.Text;
using PteGen;

namespace XenPv.Tool;

/// <summary>
/// <c>xenpte adjust [--level 1..4] [--domain pv64|pv32] [--config ...]</c>: Xen's guest-entry fixup over standard input,
/// one hex entry per line; prints <c>0x</c> + 16 lowercase hex digits per entry, then <c> warn</c> when Xen's debug
/// warning fires. Blank lines are skipped; a bad line gets an error on standard error, no output, and exit code 1.
/// </summary>
internal static class AdjustCommand
{
    public static Command Create()
    {
        var level = CommonOptions.Level();
        var domain = CommonOptions.Domain();
        var config = CommonOptions.Config("Default: None (a release build: the debug warning never fires).");
        var command = new Command(
            "adjust",
            "Apply Xen's adjust_guest_l{1..4}e to hex entries read from standard input, one per line. Prints each " +
            "adjusted entry as 0x + 16 hex digits, followed by ' warn' when Xen's debug warning " +
            "\"Global bit is set in kernel page\" fires (level 1 under Debug). Blank lines are skipped; a bad line is " +
            "reported on standard error and makes the exit code 1.")
        {
            level,
            domain,
            config,
        };
        command.SetAction(result => Run(
            Console.In,
            result.InvocationConfiguration.Output,
            result.InvocationConfiguration.Error,
            XenLayout.ForLevel(result.GetValue(level)),
            CommonOptions.ParseDomain(result.GetValue(domain)),
            result.GetValue(config) ?? XenConfig.None));
        return command;
    }

    private static int Run(TextReader input, TextWriter output, TextWriter error, XenLayout layout, PvDomainKind kind, XenConfig config)
    {
        // Piped from a file into a file, a whole page table is written in one go; at a terminal, line by line.
        var buffered = ReferenceEquals(output, Console.Out) && Console.IsInputRedirected && Console.IsOutputRedirected;
        var writer = buffered ? new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) : output;
        var bad = 0;
        try
        {
            var line = new StringBuilder(19);
            var number = 0;
            string? text;
            while ((text = input.ReadLine()) is not null)
            {
                number++;
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                if (!Hex.TryParse(text, out var raw, out var why))
                {
                    bad++;
                    writer.Flush();
                    error.WriteLine($"xenpte adjust: line {number}: bad entry '{text.Trim()}': {why} ({Hex.Expected}).");
                    continue;
                }

                var adjusted = layout.Adjust(raw, kind, config);
                line.Clear().Append(Hex.Entry(adjusted.Raw));
                if (adjusted.Warned)
                {
                    line.Append(" warn");
                }

                writer.WriteLine(line);
            }
        }
        finally
        {
            writer.Flush();
        }

        if (bad > 0)
        {
            error.WriteLine($"xenpte adjust: {bad} bad line{(bad == 1 ? "" : "s")} skipped.");
            return 1;
        }

        return 0;
    }
}
