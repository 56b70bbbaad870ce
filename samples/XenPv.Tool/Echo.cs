using System;
using System.Globalization;
using System.Text;

namespace XenPv.Tool;

/// <summary>
/// How messages quote what the user typed or piped in: with control and invisible characters escaped, so that hostile
/// input cannot drive the terminal or forge lines, and cut to <see cref="MaxChars"/> characters, so that a huge input
/// gives a short message.
/// </summary>
internal static class Echo
{
    /// <summary>The most characters of the user's text a message shows.</summary>
    public const int MaxChars = 64;

    /// <summary>
    /// <paramref name="text"/> in single quotes, escaped; when it is longer than <see cref="MaxChars"/>, its first
    /// characters, <c>...</c> and its length: <c>'0x0000...'... (104857600 characters)</c>.
    /// </summary>
    public static string Quoted(ReadOnlySpan<char> text) => Quoted(text, text.Length);

    /// <summary>
    /// The same for a text of which only the start is at hand: <paramref name="start"/> holds its first characters
    /// (at least <see cref="MaxChars"/> of them when there are more), <paramref name="length"/> is its full length.
    /// </summary>
    public static string Quoted(ReadOnlySpan<char> start, long length)
    {
        var shown = start.Slice(0, (int)Math.Min(Math.Min(start.Length, MaxChars), length));
        if (shown.Length < length && shown.Length > 0 && char.IsHighSurrogate(shown[shown.Length - 1]))
        {
            // Cut before a pair rather than through it.
            shown = shown.Slice(0, shown.Length - 1);
        }

        var builder = new StringBuilder(shown.Length + 32).Append('\'');
        AppendEscaped(builder, shown, escapeBackslash: true);
        builder.Append('\'');
        if (length > shown.Length)
        {
            builder.Append("... (").Append(length.ToString(CultureInfo.InvariantCulture)).Append(" characters)");
        }

        return builder.ToString();
    }

    /// <summary>
    /// A message written by someone else (System.CommandLine) with any control or invisible character escaped; the
    /// backslashes are kept, as the message may already hold escapes made by <see cref="Quoted(ReadOnlySpan{char})"/>.
    /// </summary>
    public static string Message(string message)
    {
        var builder = new StringBuilder(message.Length);
        AppendEscaped(builder, message, escapeBackslash: false);
        return builder.ToString();
    }

    private static void AppendEscaped(StringBuilder builder, ReadOnlySpan<char> text, bool escapeBackslash)
    {
        while (!text.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(text, out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                // A lone surrogate: not a character a terminal can show.
                Append(builder, text[0]);
                text = text.Slice(1);
                continue;
            }

            if (rune.Value == '\\' && escapeBackslash)
            {
                builder.Append(@"\\");
            }
            else if (NeedsEscape(rune))
            {
                Append(builder, rune.Value);
            }
            else
            {
                builder.Append(text.Slice(0, consumed));
            }

            text = text.Slice(consumed);
        }
    }

    private static bool NeedsEscape(Rune rune) =>
        Rune.GetUnicodeCategory(rune) switch
        {
            // C0, DEL and C1 (ESC starts terminal sequences), bidi overrides, zero-width and other format characters,
            // line and paragraph separators, unassigned code points, and every space but the ASCII one.
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.OtherNotAssigned => true,
            UnicodeCategory.SpaceSeparator => rune.Value != ' ',
            _ => false,
        };

    private static void Append(StringBuilder builder, int codePoint)
    {
        switch (codePoint)
        {
            case '\t':
                builder.Append(@"\t");
                break;
            case '\n':
                builder.Append(@"\n");
                break;
            case '\r':
                builder.Append(@"\r");
                break;
            case <= 0xFF:
                builder.Append(@"\x").Append(codePoint.ToString("x2", CultureInfo.InvariantCulture));
                break;
            case <= 0xFFFF:
                builder.Append(@"\u").Append(codePoint.ToString("x4", CultureInfo.InvariantCulture));
                break;
            default:
                builder.Append(@"\U").Append(codePoint.ToString("x8", CultureInfo.InvariantCulture));
                break;
        }
    }
}
