using System.Collections.Generic;
using System.Linq;
using PteGen.Generators.Helpers;
using PteGen.Generators.Model;

namespace PteGen.Generators.Emit;

internal static partial class LayoutEmitter
{
    /// <summary>A condition longer than this is cut in the bit map, which is for reading at a glance.</summary>
    private const int BitMapConditionWidth = 40;

    /// <summary>
    /// The bit map at the top of the file, the first thing a reader of a C header's bit definitions looks for: one
    /// line per claim, lowest bit first, with its bits, field, owner, condition and role.
    /// </summary>
    private static void WriteBitMap(SourceWriter writer, LayoutModel layout)
    {
        var rows = layout.Fields
            .Select((field, index) => (Field: field, Index: index))
            .OrderBy(row => row.Field.Low)
            .ThenBy(row => row.Index)
            .Select(row => new[]
            {
                row.Field.Low == row.Field.High ? $"{row.Field.Low}" : $"{row.Field.Low}-{row.Field.High}",
                Identifiers.Unescape(row.Field.Name),
                Parsing.KnownNames.AttributeName(row.Field.Owner),
                BitMapCondition(row.Field.When?.ToString() ?? row.Field.WhenText),
                row.Field.Role == PteRole.None ? "" : row.Field.Role.ToString(),
            })
            .ToList();
        var header = new[] { "bits", "field", "owner", "when", "role" };
        var widths = Enumerable.Range(0, header.Length)
            .Select(column => rows.Select(row => row[column].Length).Concat(new[] { header[column].Length }).Max())
            .ToArray();

        writer.Line($"// The bit map of {layout.DisplayName} (bit 0 is the least significant; \"when\" is the condition under which a claim holds):");
        writer.Line("//");
        writer.Line("//   " + Row(header, widths));
        foreach (var row in rows)
        {
            writer.Line("//   " + Row(row, widths));
        }

        writer.Line();
    }

    private static string Row(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", cells.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd();

    private static string BitMapCondition(string condition) =>
        condition.Length <= BitMapConditionWidth ? condition : condition.Substring(0, BitMapConditionWidth - 3) + "...";
}
