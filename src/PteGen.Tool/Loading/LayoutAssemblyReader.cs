using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using PteGen.Tool.Model;

namespace PteGen.Tool.Loading;

/// <summary>
/// Reads the layouts of a compiled assembly through their generated descriptors: every type with a public static
/// <c>Descriptor</c> property of type <see cref="PteLayoutDescriptor"/>. The assembly is loaded into a collectible
/// <see cref="LayoutLoadContext"/> and unloaded once the descriptors (which are PteGen.dll's types) are read.
/// </summary>
internal static class LayoutAssemblyReader
{
    private const string DescriptorProperty = "Descriptor";
    private const string LayoutAttribute = "PteGen.PteLayoutAttribute";

    public static ExportedAssembly Read(string path)
    {
        var full = AssemblyFile.Require(path);
        var context = new LayoutLoadContext(full);
        try
        {
            Assembly assembly;
            try
            {
                assembly = context.LoadFromAssemblyPath(full);
            }
            catch (Exception exception) when (exception is BadImageFormatException or FileLoadException or FileNotFoundException)
            {
                throw ToolException.Input($"{Quote.Text(path)} cannot be loaded: {exception.Message}");
            }

            var documentation = XmlDocumentation.ForAssembly(full);
            var layouts = new List<ExportedLayout>();
            foreach (var type in LoadableTypes(assembly, path))
            {
                if (ReadDescriptor(type, path) is { } descriptor)
                {
                    var (ns, name) = Names(type);
                    layouts.Add(new ExportedLayout(ns, name, descriptor, Document(type, ns, name, descriptor, documentation)));
                }
            }

            var assemblyName = assembly.GetName().Name ?? Path.GetFileNameWithoutExtension(full);
            if (layouts.Count == 0)
            {
                throw ToolException.Input(
                    $"{Quote.Text(path)} ({assemblyName}) holds no PteGen layouts: no type has the generated static '{DescriptorProperty}' property. " +
                    "Layouts are readonly partial structs with [PteLayout], built with the PteGen package.");
            }

            layouts.Sort((left, right) =>
                string.CompareOrdinal(left.Namespace, right.Namespace) is var byNamespace and not 0 ? byNamespace : string.CompareOrdinal(left.TypeName, right.TypeName));
            return new ExportedAssembly(assemblyName, layouts);
        }
        finally
        {
            context.Unload();
        }
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly, string path)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            // Types whose base or interfaces live in a dependency that is not there; a layout has neither.
            return exception.Types.Where(type => type is not null)!;
        }
        catch (FileNotFoundException exception)
        {
            throw ToolException.Input($"{Quote.Text(path)} needs an assembly that is not next to it: {exception.Message}");
        }
    }

    private static PteLayoutDescriptor? ReadDescriptor(Type type, string path)
    {
        PropertyInfo? property;
        try
        {
            property = type.GetProperty(DescriptorProperty, BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly);
        }
        catch (AmbiguousMatchException)
        {
            return null;
        }

        if (property is null || property.PropertyType != typeof(PteLayoutDescriptor) || property.GetIndexParameters().Length != 0 || property.GetMethod is null)
        {
            return null;
        }

        try
        {
            return property.GetValue(null) as PteLayoutDescriptor;
        }
        catch (TargetInvocationException exception)
        {
            var inner = exception.InnerException ?? exception;
            throw ToolException.Input(
                $"{Quote.Text(path)}: the descriptor of {Names(type).Name} could not be built: {inner.GetType().Name}: {inner.Message} " +
                "(was the assembly built against a PteGen.dll other than this tool's?)");
        }
    }

    // "XenPv" and "L1e"; a nested type "Outer.Inner".
    private static (string Namespace, string Name) Names(Type type)
    {
        var name = type.Name;
        for (var outer = type.DeclaringType; outer is not null; outer = outer.DeclaringType)
        {
            name = outer.Name + "." + name;
        }

        var root = type;
        while (root.DeclaringType is not null)
        {
            root = root.DeclaringType;
        }

        return (root.Namespace ?? "", name);
    }

    private static LayoutDocumentation Document(Type type, string ns, string name, PteLayoutDescriptor descriptor, XmlDocumentation documentation)
    {
        var id = ns.Length == 0 ? name : ns + "." + name;
        var fields = new Dictionary<string, DocText>(StringComparer.Ordinal);
        foreach (var field in descriptor.Fields)
        {
            if (documentation.Summary("P:" + id + "." + field.Name) is { } summary)
            {
                fields[field.Name] = summary;
            }
        }

        var switchesType = SwitchesType(type);
        string? switchesName = null;
        var switches = new Dictionary<string, DocText>(StringComparer.Ordinal);
        if (switchesType is not null)
        {
            var (switchesNamespace, switchesTypeName) = Names(switchesType);
            switchesName = switchesNamespace.Length == 0 ? switchesTypeName : switchesNamespace + "." + switchesTypeName;
            foreach (var member in descriptor.Switches.Select(item => item.Name).Append(descriptor.NoSwitchesName))
            {
                if (documentation.Summary("F:" + switchesName + "." + member) is { } summary)
                {
                    switches[member] = summary;
                }
            }
        }

        return new LayoutDocumentation(documentation.Summary("T:" + id), documentation.Remarks("T:" + id), fields, switches, switchesName);
    }

    private static Type? SwitchesType(Type type)
    {
        try
        {
            foreach (var attribute in type.GetCustomAttributesData())
            {
                if (attribute.AttributeType.FullName == LayoutAttribute && attribute.ConstructorArguments is [{ Value: Type switches }])
                {
                    return switches;
                }
            }
        }
        catch (Exception exception) when (exception is FileNotFoundException or TypeLoadException)
        {
            // The switches enum lives in an assembly that is not there: only its documentation is lost.
        }

        return null;
    }
}
