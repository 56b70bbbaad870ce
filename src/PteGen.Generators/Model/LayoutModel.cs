using PteGen.Generators.Helpers;

namespace PteGen.Generators.Model;

/// <summary>A type that contains the layout; the generated part repeats its declaration.</summary>
/// <param name="Keyword">The declaration keyword(s): <c>class</c>, <c>struct</c>, <c>record</c>, <c>record struct</c>, <c>interface</c>.</param>
/// <param name="Name">The type name.</param>
internal sealed record ContainingType(string Keyword, string Name);

/// <summary>
/// Everything the emitter needs to know about one layout: plain values only (no symbols, syntax or locations), so
/// that the incremental pipeline can compare it across edits.
/// </summary>
/// <param name="Namespace">The namespace, or empty for the global namespace.</param>
/// <param name="Name">The layout type name.</param>
/// <param name="ContainingTypes">The containing types, outermost first.</param>
/// <param name="Level">The paging level, 0 when none.</param>
/// <param name="Switches">The configuration space.</param>
/// <param name="Fields">The claims, in declaration order.</param>
internal sealed record LayoutModel(
    string Namespace,
    string Name,
    EquatableArray<ContainingType> ContainingTypes,
    int Level,
    SwitchSet Switches,
    EquatableArray<FieldModel> Fields)
{
    /// <summary>The name used in messages and hint names: containing types and the layout, joined by dots.</summary>
    public string DisplayName
    {
        get
        {
            var name = Name;
            for (var index = ContainingTypes.Count - 1; index >= 0; index--)
            {
                name = ContainingTypes[index].Name + "." + name;
            }

            return name;
        }
    }

    /// <summary>A file name unique per layout: namespace, containing types (joined by <c>+</c>) and the name.</summary>
    public string HintName
    {
        get
        {
            var name = Identifiers.Unescape(Name);
            for (var index = ContainingTypes.Count - 1; index >= 0; index--)
            {
                name = Identifiers.Unescape(ContainingTypes[index].Name) + "+" + name;
            }

            return (Namespace.Length == 0 ? name : Namespace.Replace("@", "") + "." + name) + ".g.cs";
        }
    }
}

/// <summary>What the generator emits for one layout.</summary>
internal enum EmitKind
{
    /// <summary>The full API.</summary>
    Full,

    /// <summary>Only bodies for the partial properties, which throw: the layout has errors the analyzer reports.</summary>
    Stubs,
}

/// <summary>The output of the validation step: the layout and whether it may be generated in full.</summary>
internal sealed record LayoutToGenerate(LayoutModel Layout, EmitKind Kind);
