using PteGen.Generators.Helpers;

namespace PteGen.Generators.Model;

/// <summary>A type that contains the layout; the generated part repeats its declaration.</summary>
/// <param name="Keyword">The declaration keyword(s): <c>class</c>, <c>struct</c>, <c>record</c>, <c>record struct</c>, <c>interface</c>.</param>
/// <param name="Name">The type name.</param>
/// <param name="TypeParameters">Its type parameter list (<c>&lt;T&gt;</c>), or empty.</param>
/// <param name="IsUnsafe">Declared <c>unsafe</c>: the generated part repeats it, so its members share the unsafe context.</param>
internal sealed record ContainingType(string Keyword, string Name, string TypeParameters = "", bool IsUnsafe = false);

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
/// <param name="AdjustGuest">Whether the level's guest-entry fixup is wanted (<c>[PteLayout(AdjustGuest = false)]</c> opts out).</param>
/// <param name="WarnWhenText">The condition under which the fixup reports Xen's debug warning, as written (or implied).</param>
/// <param name="WarnWhen">The parsed warning condition; <see langword="null"/> when the fixup never warns.</param>
/// <param name="HasSpan">Whether the compilation has <c>System.Span&lt;T&gt;</c>, for the whole-table fixup.</param>
/// <param name="TypeKeyword">The layout's declaration keyword(s): <c>struct</c>, or <c>record struct</c> (an error; placeholders repeat it).</param>
/// <param name="TypeParameters">The layout's type parameter list (an error; placeholders repeat it), or empty.</param>
/// <param name="HookDefinition">For placeholders: the defining declaration of the user's <c>OnGlobalKernelPage</c> implementation, or empty.</param>
/// <param name="HookParameterName">The parameter name the user's hook implementation uses, which the generated definition repeats.</param>
/// <param name="HookIsExplicitlyPrivate">The user's hook implementation says <c>private</c>, which the generated definition repeats.</param>
/// <param name="IsUnsafe">The layout is declared <c>unsafe</c>: the generated part repeats it.</param>
/// <remarks><paramref name="HookDefinition"/> holds one definition per line, one per hook implementation.</remarks>
/// <param name="VectorWidths">The <c>System.Runtime.Intrinsics</c> vector widths (512, 256, 128) whose .NET 7 API the compilation has, widest first, for the vectorized whole-table fixup.</param>
internal sealed record LayoutModel(
    string Namespace,
    string Name,
    EquatableArray<ContainingType> ContainingTypes,
    int Level,
    SwitchSet Switches,
    EquatableArray<FieldModel> Fields,
    bool AdjustGuest = true,
    string WarnWhenText = "",
    Condition? WarnWhen = null,
    bool HasSpan = true,
    EquatableArray<int> VectorWidths = default,
    string TypeKeyword = "struct",
    string TypeParameters = "",
    string HookDefinition = "",
    string HookParameterName = "entry",
    bool HookIsExplicitlyPrivate = false,
    bool IsUnsafe = false)
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
/// <param name="Layout">The layout.</param>
/// <param name="Kind">Full API or placeholder bodies.</param>
/// <param name="Plan">The guest-entry fixup, planned once by the parser (null without one).</param>
/// <param name="BuildConfiguration">The <c>PteGenConfiguration</c> MSBuild property: switch names, <c>;</c> or <c>,</c> separated.</param>
internal sealed record LayoutToGenerate(LayoutModel Layout, EmitKind Kind, Validation.FixupPlan? Plan, string BuildConfiguration = "");
