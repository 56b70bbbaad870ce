using System.Collections.Generic;
using System.Text;

namespace PteGen.Generators.Emit;

/// <summary>
/// Breaks a generated line that is longer than <see cref="MaxLength"/> into lines that are not, the way a person
/// would: at a space after a comma or before an operator where there is one, else at the last space, and inside a
/// string literal by splitting it into two joined with <c>+</c>. Code continues one indent deeper; a comment continues
/// as a comment. Spaces inside string literals are never break points, so a doc comment's <c>cref="..."</c> stays whole.
/// One pass over the line: a condition of 100,000 characters is wrapped in linear time.
/// </summary>
internal static class LineWrapper
{
    /// <summary>The longest line a generated file has, indentation included (a token longer than that aside).</summary>
    public const int MaxLength = 140;

    /// <summary>A preferred break is taken only when it leaves at least this much of the width on the line.</summary>
    private const int MinimumFill = MaxLength / 2;

    /// <summary>The pieces of <paramref name="line"/>, written after <paramref name="indent"/> each.</summary>
    public static IReadOnlyList<string> Wrap(string line, string indent, string indentUnit)
    {
        if (indent.Length + line.Length <= MaxLength)
        {
            return new[] { line };
        }

        var comment = line.StartsWith("///", System.StringComparison.Ordinal) ? "/// "
            : line.StartsWith("//", System.StringComparison.Ordinal) ? "// "
            : null;
        var continuation = comment ?? indentUnit;
        var pieces = new List<string>();
        var current = new StringBuilder();
        var prefix = "";
        var inString = false;
        var interpolated = 0;
        var lastBreak = -1;
        var lastPreferred = -1;
        var trailingComment = -1;
        var index = 0;
        while (index < line.Length)
        {
            var c = line[index];
            var width = indent.Length + prefix.Length + current.Length;
            var inCodeString = inString && comment is null;
            if (inCodeString && width + 3 >= MaxLength && lastBreak < 0 && interpolated == 0 && c != '"')
            {
                // A literal longer than the line: close it here and go on with a second one (never inside an escape).
                pieces.Add(prefix + current + "\" +");
                current.Clear().Append('"');
                prefix = continuation;
                (lastBreak, lastPreferred) = (-1, -1);
                continue;
            }

            if (width + (inCodeString ? 3 : 0) >= MaxLength && lastBreak >= 0)
            {
                var at = lastPreferred >= 0 && indent.Length + prefix.Length + lastPreferred >= MinimumFill ? lastPreferred : lastBreak;
                pieces.Add(prefix + current.ToString(0, at));
                var rest = current.ToString(at + 1, current.Length - at - 1);
                current.Clear().Append(rest);
                if (trailingComment >= 0 && trailingComment < at)
                {
                    prefix = indentUnit + "// ";
                    trailingComment = 0;
                }
                else
                {
                    prefix = continuation;
                    trailingComment = trailingComment < 0 ? -1 : trailingComment - at - 1;
                }

                (lastBreak, lastPreferred) = (-1, -1);
                Rescan(current, ref lastBreak, ref lastPreferred);
                continue;
            }

            if (c == '\\' && inString && interpolated == 0 && comment is null)
            {
                // An escape moves as one piece: \", \\ or \u and its four digits.
                var length = index + 1 < line.Length && line[index + 1] == 'u' ? 6 : 2;
                length = System.Math.Min(length, line.Length - index);
                current.Append(line, index, length);
                index += length;
                continue;
            }

            if (c == '/' && comment is null && !inString && index + 1 < line.Length && line[index + 1] == '/')
            {
                // A comment after the code: what follows a break in it is still comment.
                trailingComment = current.Length;
                comment = "// ";
            }

            if (c == '"')
            {
                if (!inString && comment is null && current.Length > 0 && current[current.Length - 1] == '$')
                {
                    interpolated = 1;
                }
                else if (inString)
                {
                    interpolated = 0;
                }

                inString = !inString;
            }
            else if (c == ' ' && !inString && current.Length > 0)
            {
                lastBreak = current.Length;
                if (IsPreferredBreak(line, index, current))
                {
                    lastPreferred = current.Length;
                }
            }

            current.Append(c);
            index++;
        }

        pieces.Add(prefix + current);
        return pieces;
    }

    /// <summary>Breaks left in the carried-over text (it has no string literal open, so every space counts).</summary>
    private static void Rescan(StringBuilder text, ref int lastBreak, ref int lastPreferred)
    {
        var inString = false;
        for (var index = 0; index < text.Length; index++)
        {
            if (text[index] == '"')
            {
                inString = !inString;
            }
            else if (text[index] == ' ' && !inString && index > 0)
            {
                lastBreak = index;
                if (text[index - 1] == ',')
                {
                    lastPreferred = index;
                }
            }
        }
    }

    /// <summary>After a comma, or before a binary operator (so the next line starts with it).</summary>
    private static bool IsPreferredBreak(string line, int space, StringBuilder before)
    {
        if (before[before.Length - 1] == ',')
        {
            return true;
        }

        foreach (var op in Operators)
        {
            if (string.CompareOrdinal(line, space + 1, op, 0, op.Length) == 0
                && space + 1 + op.Length < line.Length
                && line[space + 1 + op.Length] == ' ')
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] Operators = ["&&", "||", "|", "&", "?", ":", "+", "^", "=>"];
}
