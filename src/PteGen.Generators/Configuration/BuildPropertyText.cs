using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Diagnostics;
using PteGen.Generators.Helpers;

namespace PteGen.Generators.Configuration;

/// <summary>
/// PteGen's MSBuild properties (<c>PteGenConfiguration</c>, <c>PteGenRole</c>) as the compiler hands them over, decoded
/// and split. The generator and the analyzers read them here only, so that both see the same switches and role.
/// </summary>
/// <remarks>
/// The compiler sees MSBuild properties through a generated .editorconfig, one <c>key = value</c> line each, where
/// <c>;</c> and <c>#</c> start a comment and a line break ends the value: <c>Debug;Pke</c> would arrive as
/// <c>Debug</c>. PteGen.props therefore hands over percent-encoded copies (<c>%</c>, <c>;</c>, <c>#</c>, CR and LF as
/// <c>%25</c>, <c>%3B</c>, <c>%23</c>, <c>%0D</c>, <c>%0A</c>), which <see cref="Decode"/> reverses. A host that
/// passes the plain properties instead (a hand-written .globalconfig, an in-memory compilation) is read the same way.
/// </remarks>
internal static class BuildPropertyText
{
    /// <summary>
    /// The switch names <c>PteGenConfiguration</c> lists, as written (they are matched case-insensitively where they are
    /// used); empty when the property is absent or names nothing.
    /// </summary>
    public static EquatableArray<string> ReadSwitchNames(AnalyzerConfigOptions global) =>
        Entries(Read(global, BuildProperties.EncodedConfiguration, BuildProperties.Configuration));

    /// <summary>The text of <c>PteGenRole</c>, decoded; empty when the property is absent.</summary>
    public static string ReadRole(AnalyzerConfigOptions global) =>
        Read(global, BuildProperties.EncodedRole, BuildProperties.Role);

    /// <summary>
    /// Splits a property's text into its entries: separated by <c>;</c>, <c>,</c>, <c>|</c> or white space (line breaks
    /// included), empty entries dropped. Any other character, <c>#</c> included, belongs to an entry.
    /// </summary>
    public static EquatableArray<string> Entries(string text)
    {
        var entries = new List<string>();
        var start = -1;
        for (var index = 0; index <= text.Length; index++)
        {
            if (index < text.Length && !IsSeparator(text[index]))
            {
                if (start < 0)
                {
                    start = index;
                }
            }
            else if (start >= 0)
            {
                entries.Add(text.Substring(start, index - start));
                start = -1;
            }
        }

        return new EquatableArray<string>(entries);
    }

    /// <summary>
    /// Reverses PteGen.props' encoding: every <c>%</c> followed by two hexadecimal digits becomes that character; any
    /// other <c>%</c> stays as it is.
    /// </summary>
    public static string Decode(string text)
    {
        var first = text.IndexOf('%');
        if (first < 0)
        {
            return text;
        }

        var decoded = new StringBuilder(text.Length);
        decoded.Append(text, 0, first);
        for (var index = first; index < text.Length; index++)
        {
            int high, low;
            if (text[index] == '%'
                && index + 2 < text.Length
                && (high = HexDigit(text[index + 1])) >= 0
                && (low = HexDigit(text[index + 2])) >= 0)
            {
                decoded.Append((char)((high << 4) | low));
                index += 2;
            }
            else
            {
                decoded.Append(text[index]);
            }
        }

        return decoded.ToString();
    }

    /// <summary>
    /// A property's text for a diagnostic message: trimmed, each run of white space (a line break of a multi-line
    /// project-file value too) one space, so that the message stays on one line of the build output.
    /// </summary>
    public static string OnOneLine(string text)
    {
        var line = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var character in text)
        {
            if (char.IsWhiteSpace(character))
            {
                pendingSpace = line.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                line.Append(' ');
                pendingSpace = false;
            }

            line.Append(character);
        }

        return line.ToString();
    }

    private static string Read(AnalyzerConfigOptions global, string encodedKey, string plainKey) =>
        global.TryGetValue(encodedKey, out var value) || global.TryGetValue(plainKey, out value) ? Decode(value) : "";

    private static bool IsSeparator(char character) => character is ';' or ',' or '|' || char.IsWhiteSpace(character);

    private static int HexDigit(char character) => character switch
    {
        >= '0' and <= '9' => character - '0',
        >= 'a' and <= 'f' => character - 'a' + 10,
        >= 'A' and <= 'F' => character - 'A' + 10,
        _ => -1,
    };
}
