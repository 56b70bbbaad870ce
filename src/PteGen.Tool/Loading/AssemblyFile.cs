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

            var metadata = reader.GetMetadataReader();
            if (!metadata.IsAssembly)
            {
                throw ToolException.Input($"{Quote.Text(path)} is not a .NET assembly: it is a module without an assembly manifest.");
            }

            // The runtime refuses to load a reference assembly; this says why, and what to export instead.
            if (IsReferenceAssembly(metadata))
            {
                throw ToolException.Input(
                    $"{Quote.Text(path)} is a reference assembly (obj/.../ref), whose code is stripped: export the assembly the build writes to bin/ instead.");
            }
        }
        catch (BadImageFormatException)
        {
            throw ToolException.Input($"{Quote.Text(path)} is neither a .NET assembly (it is not a PE file) nor an ABI JSON file that 'ptegen export --format json' wrote.");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw ToolException.Input($"{Quote.Text(path)} cannot be read: {exception.Message}");
        }

        return full;
    }

    private static bool IsReferenceAssembly(MetadataReader metadata)
    {
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var constructor = metadata.GetCustomAttribute(handle).Constructor;
            var type = constructor.Kind switch
            {
                HandleKind.MemberReference => metadata.GetMemberReference((MemberReferenceHandle)constructor).Parent,
                HandleKind.MethodDefinition => metadata.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType(),
                _ => default(EntityHandle),
            };
            var (ns, name) = type.Kind switch
            {
                HandleKind.TypeReference => (metadata.GetTypeReference((TypeReferenceHandle)type).Namespace, metadata.GetTypeReference((TypeReferenceHandle)type).Name),
                HandleKind.TypeDefinition => (metadata.GetTypeDefinition((TypeDefinitionHandle)type).Namespace, metadata.GetTypeDefinition((TypeDefinitionHandle)type).Name),
                _ => (default(StringHandle), default(StringHandle)),
            };
            if (!name.IsNil && metadata.StringComparer.Equals(name, "ReferenceAssemblyAttribute") && metadata.StringComparer.Equals(ns, "System.Runtime.CompilerServices"))
            {
                return true;
            }
        }

        return false;
    }
}
