using System;

namespace PteGen.Tool.Output;

/// <summary>
/// The generated region of a hand-written page: the lines between <c>&lt;!-- ptegen:begin --&gt;</c> and
/// <c>&lt;!-- ptegen:end --&gt;</c>, each marker on a line of its own. Everything outside the markers is kept as it is.
/// </summary>
internal static class MarkedRegion
{
    public const string Begin = "<!-- ptegen:begin -->";
    public const string End = "<!-- ptegen:end -->";

    /// <summary>The page with its region replaced by <paramref name="region"/> (which ends with a line break).</summary>
    /// <param name="page">The page's text.</param>
    /// <param name="region">The new region.</param>
    /// <param name="path">The page's path, for messages.</param>
    public static string Replace(string page, string region, string path)
    {
        var begin = MarkerLine(page, Begin, path);
        var end = MarkerLine(page, End, path);
        if (end.Start < begin.Start)
        {
            throw ToolException.Input($"{Quote.Text(path)}: '{End}' comes before '{Begin}'.");
        }

        return page.Substring(0, begin.AfterLine) + region + page.Substring(end.Start);
    }

    /// <summary>The current region of <paramref name="page"/> (between the marker lines).</summary>
    public static string Current(string page, string path)
    {
        var begin = MarkerLine(page, Begin, path);
        var end = MarkerLine(page, End, path);
        return end.Start < begin.AfterLine ? "" : page.Substring(begin.AfterLine, end.Start - begin.AfterLine);
    }

    private static (int Start, int AfterLine) MarkerLine(string page, string marker, string path)
    {
        var found = -1;
        for (var index = page.IndexOf(marker, StringComparison.Ordinal); index >= 0; index = page.IndexOf(marker, index + marker.Length, StringComparison.Ordinal))
        {
            var lineStart = index == 0 || page[index - 1] == '\n';
            var afterMarker = index + marker.Length;
            var lineEnd = afterMarker == page.Length || page[afterMarker] == '\n' || (page[afterMarker] == '\r' && afterMarker + 1 < page.Length && page[afterMarker + 1] == '\n');
            if (!lineStart || !lineEnd)
            {
                continue;
            }

            if (found >= 0)
            {
                throw ToolException.Input($"{Quote.Text(path)} has the line '{marker}' more than once.");
            }

            found = index;
        }

        if (found < 0)
        {
            throw ToolException.Input(
                $"{Quote.Text(path)} has no line '{marker}': --into replaces the lines between '{Begin}' and '{End}', each on a line of its own.");
        }

        var next = page.IndexOf('\n', found);
        return (found, next < 0 ? page.Length : next + 1);
    }
}
