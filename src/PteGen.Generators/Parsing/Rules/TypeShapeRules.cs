using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using PteGen.Generators.Diagnostics;
using PteGen.Generators.Parsing.Problems;
using PteGen.Generators.Parsing.Reading;

namespace PteGen.Generators.Parsing.Rules;

/// <summary>What kind of type a layout is, and whether the generator can add a part to it (PTE001–PTE003, PTE013).</summary>
internal static class TypeShapeRules
{
    /// <summary>C# 13, the first version with partial properties (Roslyn 4.11 has no enum member for it yet).</summary>
    private const LanguageVersion CSharp13 = (LanguageVersion)1300;

    /// <summary>
    /// Whether the generator can complete the layout, that is add a part under which the user's declaration compiles.
    /// A struct or record struct, partial, not file-local, in partial types that are not file-local, under C# 13 or later,
    /// whose claims and hook implementations a placeholder can repeat (no indexer or by-ref claim, no generic hook).
    /// See <see cref="ReportingHost"/> for why this decides who reports.
    /// </summary>
    public static bool CanComplete(LayoutDeclaration layout) =>
        layout.Kind is DeclaredKind.Struct or DeclaredKind.RecordStruct
        && layout.IsPartial
        && !layout.IsFileLocal
        && layout.ContainingTypes.All(t => t.IsPartial && !t.IsFileLocal)
        && LanguageVersionProblem(layout) is null
        && layout.Claims.All(c => !c.IsIndexer && !c.ReturnsByRef)
        && layout.Hooks.All(h => h.Shape != HookShape.Implementation || h.Definition.Length > 0);

    public static ReportingHost HostFor(LayoutDeclaration layout) => CanComplete(layout) ? ReportingHost.Analyzer : ReportingHost.Generator;

    /// <summary>PTE013, when the project's C# has no partial properties: then nothing else is worth reporting.</summary>
    public static Problem? LanguageVersionProblem(LayoutDeclaration layout) =>
        layout.LanguageVersion is { } version && version < CSharp13
            ? Problem.Create(DiagnosticDescriptors.LanguageVersionTooLow, Site.LayoutAttribute, version.ToDisplayString(), layout.RawName)
            : null;

    public static IEnumerable<Problem> Check(LayoutDeclaration layout)
    {
        var problem = layout.Kind switch
        {
            DeclaredKind.Class => "it is a class",
            DeclaredKind.RecordClass => "it is a record class",
            DeclaredKind.Interface => "it is an interface",
            DeclaredKind.Enum => "it is an enum",
            DeclaredKind.Delegate => "it is a delegate",
            DeclaredKind.Other => "it is not a struct",
            DeclaredKind.RecordStruct => "it is a record struct, whose generated equality would clash with PteGen's",
            _ when layout.IsRefLike => "it is a ref struct",
            _ when !layout.IsPartial => "it is not partial",
            _ when layout.IsFileLocal => "it is file-local: the generated part lives in another file, which cannot add to a 'file' type",
            _ => null,
        };
        problem ??= layout.ContainingTypes.FirstOrDefault(t => t.IsFileLocal) is { } fileLocal
            ? $"it is nested in '{fileLocal.RawName}', a file-local type, which the generated part in another file cannot add to"
            : null;
        if (problem is not null)
        {
            yield return Problem.Create(DiagnosticDescriptors.LayoutMustBePartialStruct, Site.Type, layout.RawName, problem);
        }

        if (layout.IsGeneric || layout.ContainingTypes.Any(t => t.TypeParameters.Length > 0))
        {
            yield return Problem.Create(DiagnosticDescriptors.LayoutMustNotBeGeneric, Site.Type, layout.RawName);
        }

        foreach (var containing in layout.ContainingTypes)
        {
            if (!containing.IsPartial)
            {
                yield return Problem.Create(DiagnosticDescriptors.ContainingTypeMustBePartial, Site.Type, layout.RawName, containing.RawName);
            }
        }
    }
}
