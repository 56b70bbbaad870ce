using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text;
using PteGen;

namespace XenPv.Tool;

/// <summary>
/// <c>xenpte adjust [--level 1..4] [--domain pv64|pv32] [--config ...]</c>: Xen's guest-entry fixup over standard input,
/// one hex entry per line; prints <c>0x</c> + 16 lowercase hex digits per entry, then <c> warn</c> when Xen's debug
/// warning fires. Blank lines are skipped; a bad line (not hex, too large, or longer than
/// <see cref="LineReader.DefaultMaxLength"/> characters) gets an error on standard error, no output, and exit code 1.
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
        command.SetAction(result =>
        {
            // Decoded as UTF-8 whatever the locale; a byte-order mark at the start is skipped, bytes that are not UTF-8
            // become U+FFFD (and so a bad line).
            using var input = new StreamReader(StandardStream.Input(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), detectEncodingFromByteOrderMarks: false);
            return Run(
                new LineReader(input),
                result.InvocationConfiguration.Output,
                result.InvocationConfiguration.Error,
                XenLayout.ForLevel(result.GetValue(level)),
                CommonOptions.ParseDomain(result.GetValue(domain)),
                result.GetValue(config) ?? XenConfig.None);
        });
        return command;
    }

    private static int Run(LineReader input, TextWriter output, TextWriter error, XenLayout layout, PvDomainKind kind, XenConfig config)
    {
        // Piped from a file into a file, a whole page table is written in one go; at a terminal, line by line.
        var flushEachLine = !(Console.IsInputRedirected && Console.IsOutputRedirected);
        var bad = 0L;
        var line = new StringBuilder(23);
        while (input.ReadLine())
        {
            var text = input.Text;
            string? why = null;
            ulong raw = 0;
            if (input.IsTooLong)
            {
                why = $"longer than the {input.MaxLength.ToString(CultureInfo.InvariantCulture)} characters a line may have";
            }
            else if (text.IsWhiteSpace())
            {
                continue;
            }
            else if (!Hex.TryParse(text, out raw, out why))
            {
                why = $"{why} ({Hex.Expected})";
            }

            if (why is not null)
            {
                bad++;
                output.Flush();
                var shown = input.IsTooLong ? Echo.Quoted(text, input.Length) : Echo.Quoted(text.Trim());
                error.WriteLine($"xenpte adjust: line {input.LineNumber.ToString(CultureInfo.InvariantCulture)}: bad entry {shown}: {why}.");
                continue;
            }

            var adjusted = layout.Adjust(raw, kind, config);
            line.Clear().Append(Hex.Entry(adjusted.Raw));
            if (adjusted.Warned)
            {
                line.Append(" warn");
            }

            output.WriteLine(line);
            if (flushEachLine)
            {
                output.Flush();
            }
        }

        output.Flush();
        if (bad > 0)
        {
            error.WriteLine($"xenpte adjust: {bad.ToString(CultureInfo.InvariantCulture)} bad line{(bad == 1 ? "" : "s")} skipped.");
            return ExitCodes.Failure;
        }

        return ExitCodes.Success;
    }
}
