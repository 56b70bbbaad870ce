using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace PteGen.Tool.Formats;

/// <summary>Markdown text: escaping, code spans and tables (GitHub-flavored).</summary>
internal static class Markdown
{
    private const string Special = "\\`*_<>[]|#";

    /// <summary>Prose with every character Markdown or HTML would interpret escaped.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            if (Special.IndexOf(character) >= 0)
            {
                builder.Append('\\');
            }

            builder.Append(character);
        }

        return builder.ToString();
    }

    /// <summary>
    /// A code span: fenced with one more backtick than the longest run inside it; in a table cell, <c>|</c> is
    /// escaped as well (GitHub splits cells before it parses code spans).
    /// </summary>
    public static string Code(string text, bool inTable)
    {
        if (text.Length == 0)
        {
            return "";
        }

        var longest = 0;
        var run = 0;
        foreach (var character in text)
        {
            run = character == '`' ? run + 1 : 0;
            longest = System.Math.Max(longest, run);
        }

        var fence = new string('`', longest + 1);
        var padded = text[0] == '`' || text[^1] == '`' ? " " + text + " " : text;
        if (inTable)
        {
            padded = padded.Replace("|", "\\|");
        }

        return fence + padded + fence;
    }

    /// <summary>A table: the header, the alignment row, one row per item (cells already Markdown, on one line).</summary>
    public static void Table(StringBuilder output, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        output.Append("| ").Append(string.Join(" | ", header)).Append(" |\n");
        output.Append('|').Append(string.Concat(header.Select(_ => "---|"))).Append('\n');
        foreach (var row in rows)
        {
            output.Append("| ").Append(string.Join(" | ", row.Select(cell => cell.Length == 0 ? " " : cell))).Append(" |\n");
        }
    }
}
