using System;
using System.IO;
using System.Text;
using PteGen.Tool.Model;

namespace PteGen.Tool.Loading;

/// <summary>An input of <c>export</c> and <c>diff</c>: a compiled assembly, or an ABI JSON file that <c>--format json</c> wrote.</summary>
internal static class AbiInput
{
    public static ExportedAssembly Read(string path)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full) && LooksLikeJson(full, path) is { } text)
        {
            return AbiJsonReader.Read(path, text);
        }

        return LayoutAssemblyReader.Read(path);
    }

    // A JSON file starts with '{' (after white space or a byte-order mark); an assembly starts with "MZ".
    private static string? LooksLikeJson(string full, string path)
    {
        try
        {
            using var stream = File.OpenRead(full);
            var first = -1;
            for (var count = 0; count < 4096; count++)
            {
                first = stream.ReadByte();
                if (first is not (' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF))
                {
                    break;
                }
            }

            if (first != '{')
            {
                return null;
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw ToolException.Input($"{Quote.Text(path)} cannot be read: {exception.Message}");
        }

        try
        {
            return File.ReadAllText(full, Encoding.UTF8);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw ToolException.Input($"{Quote.Text(path)} cannot be read: {exception.Message}");
        }
    }
}
