using System.Collections.Generic;
using System.Linq;
using PteGen.Tool.Model;

namespace PteGen.Tool.Formats;

/// <summary>One bit-field picture: its file name and the layouts drawn in it, a group of rows each.</summary>
/// <param name="FileName">The SVG file name (<c>XenPv.L1e.svg</c>).</param>
/// <param name="Title">The picture's title.</param>
/// <param name="Layouts">The layouts, one group of rows (one per valid configuration) each.</param>
internal sealed record Picture(string FileName, string Title, IReadOnlyList<ExportedLayout> Layouts)
{
    /// <summary>Whether the picture compares several layouts (each row is then labelled with its layout too).</summary>
    public bool IsComparison => Layouts.Count > 1;
}

/// <summary>The pictures of an assembly: one per layout, and one per paging level that has several layouts, side by side.</summary>
internal static class Pictures
{
    public static Picture Of(ExportedLayout layout) =>
        new(layout.FullName + ".svg", $"{layout.FullName}{Level(layout.Descriptor.Level)}: who owns each bit in each valid configuration", [layout]);

    /// <summary>The levels with more than one layout, and the comparison picture of each.</summary>
    public static IReadOnlyList<(int Level, Picture Picture)> Comparisons(ExportedAssembly assembly) =>
        assembly.Layouts
            .GroupBy(layout => layout.Descriptor.Level)
            .Where(group => group.Count() > 1)
            .OrderBy(group => group.Key)
            .Select(group => (group.Key, new Picture(
                $"{assembly.Name}.level-{group.Key}.svg",
                group.Key == 0 ? $"{assembly.Name}: the layouts without a level, side by side" : $"{assembly.Name}: the level-{group.Key} layouts side by side",
                group.ToList())))
            .ToList();

    public static IEnumerable<Picture> All(ExportedAssembly assembly) =>
        assembly.Layouts.Select(Of).Concat(Comparisons(assembly).Select(item => item.Picture));

    private static string Level(int level) => level == 0 ? "" : $" (level {level})";
}
