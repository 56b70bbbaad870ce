using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace PteGen.Tool.Loading;

/// <summary>
/// A collectible load context for one user assembly: its dependencies come from its own folder (through its
/// <c>.deps.json</c> when there is one), except PteGen.dll, which is the tool's, so that the descriptors the assembly
/// builds are the <see cref="PteLayoutDescriptor"/> the tool reads.
/// </summary>
internal sealed class LayoutLoadContext : AssemblyLoadContext
{
    private static readonly string SharedAssemblyName = typeof(PteLayoutDescriptor).Assembly.GetName().Name!;

    private readonly AssemblyDependencyResolver? _resolver;
    private readonly string _folder;

    public LayoutLoadContext(string assemblyPath)
        : base("ptegen " + Path.GetFileName(assemblyPath), isCollectible: true)
    {
        _folder = Path.GetDirectoryName(assemblyPath)!;
        try
        {
            _resolver = new AssemblyDependencyResolver(assemblyPath);
        }
        catch (InvalidOperationException)
        {
            // A missing or unreadable .deps.json: the assembly's folder is still searched below.
            _resolver = null;
        }
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (string.Equals(assemblyName.Name, SharedAssemblyName, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var path = _resolver?.ResolveAssemblyToPath(assemblyName);
        if (path is null && assemblyName.Name is { Length: > 0 } name)
        {
            var candidate = Path.Combine(_folder, name + ".dll");
            path = File.Exists(candidate) ? candidate : null;
        }

        // Null falls back to the default context: the framework's assemblies.
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver?.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
