using System;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace PteGen.Tool.Loading;

/// <summary>Checks, without loading it, that a file is a .NET assembly, so that anything else gets a clear error.</summary>
internal static class AssemblyFile
{
    /// <summary>The full path of <paramref name="path"/>, which exists and is a .NET assembly; otherwise a <see cref="ToolException"/>.</summary>
    public static string Require(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw ToolException.Input($"{Quote.Text(path)} is a folder, not an assembly.");
        }

        if (!File.Exists(full))
        {
            throw ToolException.Input($"{Quote.Text(path)} does not exist.");
        }

        try
        {
            using var stream = File.OpenRead(full);
            using var reader = new PEReader(stream);
            if (!reader.HasMetadata)
            {
                throw ToolException.Input($"{Quote.Text(path)} is not a .NET assembly: it is a native executable or library, without .NET metadata.");
            }

            if (!reader.GetMetadataReader().IsAssembly)
            {
                throw ToolException.Input($"{Quote.Text(path)} is not a .NET assembly: it is a module without an assembly manifest.");
            }
        }
        catch (BadImageFormatException)
        {
            throw ToolException.Input($"{Quote.Text(path)} is not a .NET assembly (not a PE file).");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw ToolException.Input($"{Quote.Text(path)} cannot be read: {exception.Message}");
        }

        return full;
    }
}
