using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace PteGen.Tool.Output;

/// <summary>Writes the export's files (UTF-8 without a byte-order mark, as given, with <c>\n</c> line ends) and remembers them.</summary>
internal sealed class OutputFiles
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private readonly List<string> _written = [];

    /// <summary>The files written, in order.</summary>
    public IReadOnlyList<string> Written => _written;

    /// <summary>Creates <paramref name="folder"/> (and its parents) unless it exists.</summary>
    public static void EnsureFolder(string folder, string shownAs)
    {
        if (File.Exists(folder))
        {
            throw ToolException.Output($"cannot write into {Quote.Text(shownAs)}: it is a file, not a folder.");
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw ToolException.Output($"cannot create the folder {Quote.Text(shownAs)}: {exception.Message}", exception);
        }
    }

    public void Write(string path, string text)
    {
        if (Directory.Exists(path))
        {
            throw ToolException.Output($"cannot write {Quote.Text(path)}: it is a folder.");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            EnsureFolder(folder, folder);
        }

        try
        {
            File.WriteAllText(path, text, Utf8);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            // The runtime's message often ends with the path again (" : '/dev/full'"); it is said once here.
            var reason = exception.Message.Replace($" : '{path}'", "", StringComparison.Ordinal).Replace($" : '{Path.GetFullPath(path)}'", "", StringComparison.Ordinal);
            throw ToolException.Output($"cannot write {Quote.Text(path)}: {reason}", exception);
        }

        _written.Add(path);
    }
}
