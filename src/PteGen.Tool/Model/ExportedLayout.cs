using System.Collections.Generic;
using PteGen.Tool.Loading;

namespace PteGen.Tool.Model;

/// <summary>One layout to export: its descriptor, its names and the documentation of it, its claims and its switches.</summary>
/// <param name="Namespace">The namespace (empty for the global namespace).</param>
/// <param name="TypeName">The type name within the namespace, nested types joined with <c>.</c> (<c>L1e</c>).</param>
/// <param name="Descriptor">The generated descriptor.</param>
/// <param name="Documentation">The documentation comments, when the assembly has an XML documentation file.</param>
internal sealed record ExportedLayout(string Namespace, string TypeName, PteLayoutDescriptor Descriptor, LayoutDocumentation Documentation)
{
    /// <summary>The namespace-qualified C# name without <c>global::</c> (<c>XenPv.L1e</c>), as ABI facts name layouts.</summary>
    public string FullName => Namespace.Length == 0 ? TypeName : Namespace + "." + TypeName;

    /// <summary>The name ABI messages use (<c>L1e</c>).</summary>
    public string SimpleName => Descriptor.Name;

    /// <summary>The layout's bit map, computed once.</summary>
    public LayoutBitMap BitMap { get; } = new(Descriptor);
}

/// <summary>The documentation comments of a layout (each may be missing).</summary>
/// <param name="Summary">The layout's summary.</param>
/// <param name="Remarks">The layout's remarks.</param>
/// <param name="Fields">Each claim's summary, by property name.</param>
/// <param name="Switches">Each switch's summary, by member name (the no-switches member too).</param>
/// <param name="SwitchesTypeName">The switches enum, namespace-qualified, or <see langword="null"/>.</param>
internal sealed record LayoutDocumentation(
    DocText? Summary,
    DocText? Remarks,
    IReadOnlyDictionary<string, DocText> Fields,
    IReadOnlyDictionary<string, DocText> Switches,
    string? SwitchesTypeName)
{
    public static LayoutDocumentation None { get; } = new(null, null, new Dictionary<string, DocText>(), new Dictionary<string, DocText>(), null);

    public DocText? Field(string name) => Fields.GetValueOrDefault(name);

    public DocText? Switch(string name) => Switches.GetValueOrDefault(name);
}
