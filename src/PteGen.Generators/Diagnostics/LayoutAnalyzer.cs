using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PteGen.Generators.Parsing;
using PteGen.Generators.Validation;

namespace PteGen.Generators.Diagnostics;

/// <summary>
/// Reports the PTE0xx errors of layout definitions and switches enums, from the same parser and validator the
/// generator uses (diagnostics from the generator itself would defeat its incremental caching).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LayoutAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.LayoutMustBePartialStruct,
        DiagnosticDescriptors.LayoutMustNotBeGeneric,
        DiagnosticDescriptors.ContainingTypeMustBePartial,
        DiagnosticDescriptors.InvalidLayoutProperty,
        DiagnosticDescriptors.BitRangeOutOfRange,
        DiagnosticDescriptors.PropertyTypeCannotHoldField,
        DiagnosticDescriptors.ConditionSyntaxError,
        DiagnosticDescriptors.UnknownSwitch,
        DiagnosticDescriptors.UnknownExclusiveSwitch,
        DiagnosticDescriptors.OverlappingClaims,
        DiagnosticDescriptors.UncoveredBits,
        DiagnosticDescriptors.DuplicatedRole,
        DiagnosticDescriptors.InvalidSwitchesType,
        DiagnosticDescriptors.InvalidSwitchesEnum,
        DiagnosticDescriptors.InvalidLevel,
        DiagnosticDescriptors.InvalidRole,
        DiagnosticDescriptors.InvalidRelocation,
        DiagnosticDescriptors.MissingOwnership,
        DiagnosticDescriptors.ConflictingMember,
        DiagnosticDescriptors.FixupCannotBeExpressed,
        DiagnosticDescriptors.InvalidWarnWhen,
        DiagnosticDescriptors.FixupRoleIsOptional);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
    }

    private static void AnalyzeType(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        foreach (var attribute in type.GetAttributes())
        {
            if (KnownNames.IsLayoutAttribute(attribute.AttributeClass))
            {
                AnalyzeLayout(context, type, attribute);
                return;
            }

            if (type.TypeKind == TypeKind.Enum && KnownNames.Is(attribute.AttributeClass, KnownNames.PteSwitchesAttribute))
            {
                foreach (var diagnostic in SwitchSetParser.Parse(type, context.CancellationToken).Diagnostics)
                {
                    context.ReportDiagnostic(diagnostic);
                }

                return;
            }
        }
    }

    private static void AnalyzeLayout(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData attribute)
    {
        var languageVersion = (type.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree.Options as CSharpParseOptions)?.LanguageVersion;
        var result = LayoutParser.Parse(type, attribute, languageVersion, context.CancellationToken, context.Compilation);
        foreach (var diagnostic in result.Diagnostics)
        {
            // PTE013 comes from the generator: the command-line compiler runs no analyzer when C# 12 rejects the
            // partial properties, and reporting it from both would show it twice in the IDE.
            if (diagnostic.Id != DiagnosticDescriptors.LanguageVersionTooLow.Id)
            {
                context.ReportDiagnostic(diagnostic);
            }
        }

        // Ownership findings about something that is not a struct, or under a language version that cannot declare
        // layouts, would only repeat the error above in other words.
        if (type.TypeKind != TypeKind.Struct
            || result.Diagnostics.Any(d => d.Id == DiagnosticDescriptors.LanguageVersionTooLow.Id))
        {
            return;
        }

        foreach (var issue in LayoutValidator.Validate(result.Layout).Concat(FixupPlanner.Plan(result.Layout).Issues))
        {
            var location = issue.FieldIndex == LayoutIssue.Layout ? result.LayoutLocation : result.FieldLocations[issue.FieldIndex];
            context.ReportDiagnostic(Diagnostic.Create(issue.Descriptor, location, issue.Arguments));
        }
    }
}
