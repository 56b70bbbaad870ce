using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace XenPv.Tool;

/// <summary>A plain-text table with left-aligned, space-padded columns, a header and a dashed rule under it.</summary>
internal sealed class TextTable
{
    private const string Gap = "  ";
    private readonly string[] _headers;
    private readonly List<string[]> _rows = new();

    public TextTable(params string[] headers) => _headers = headers;

    public void Add(params string[] cells)
    {
        if (cells.Length != _headers.Length)
        {
            throw new ArgumentException($"A row has {_headers.Length} cells, not {cells.Length}.", nameof(cells));
        }

        _rows.Add(cells);
    }

    /// <summary>Writes the table, each line indented by <paramref name="indent"/>, with trailing spaces trimmed.</summary>
    public void WriteTo(TextWriter output, string indent = "")
    {
        var widths = new int[_headers.Length];
        foreach (var row in _rows.Prepend(_headers))
        {
            for (var column = 0; column < row.Length; column++)
            {
                widths[column] = Math.Max(widths[column], row[column].Length);
            }
        }

        WriteRow(output, indent, widths, _headers);
        WriteRow(output, indent, widths, widths.Select(width => new string('-', width)).ToArray());
        foreach (var row in _rows)
        {
            WriteRow(output, indent, widths, row);
        }
    }

    private static void WriteRow(TextWriter output, string indent, int[] widths, string[] cells)
    {
        var line = new StringBuilder(indent);
        for (var column = 0; column < cells.Length; column++)
        {
            if (column > 0)
            {
                line.Append(Gap);
            }

            line.Append(cells[column].PadRight(widths[column]));
        }

        output.WriteLine(line.ToString().TrimEnd());
    }
}
