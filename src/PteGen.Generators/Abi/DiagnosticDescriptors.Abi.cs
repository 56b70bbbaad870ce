using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PteGen.Generators.Diagnostics;

/// <summary>
/// The <c>PTE2xx</c> rules: layouts against the project's ABI baseline (<c>PteAbi.Shipped.txt</c>,
/// <c>PteAbi.Unshipped.txt</c>). Reported once the whole compilation is seen; severities are configurable.
/// </summary>
internal static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor AbiBreak = UsageRule(
        "PTE201",
        "A layout differs from its shipped ABI",
        "{0}",
        DiagnosticSeverity.Error,
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor AbiAddition = UsageRule(
        "PTE202",
        "A layout has ABI facts that are in neither baseline file",
        "'{0}' has {1} under {2} that {3} in neither PteAbi.Shipped.txt nor PteAbi.Unshipped.txt; add {4} to PteAbi.Unshipped.txt",
        DiagnosticSeverity.Warning,
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor AbiStaleEntry = UsageRule(
        "PTE203",
        "An entry of PteAbi.Unshipped.txt matches no current claim",
        "'{0}' is in PteAbi.Unshipped.txt, but no claim of the layouts matches it; remove the line",
        DiagnosticSeverity.Warning,
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor AbiUnreadableLine = UsageRule(
        "PTE204",
        "A line of an ABI baseline file is not an ABI fact",
        "Line {0} of {1} is not an ABI fact: {2}",
        DiagnosticSeverity.Warning,
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static ImmutableArray<DiagnosticDescriptor> AbiBaselineRules { get; } =
        ImmutableArray.Create(AbiBreak, AbiAddition, AbiStaleEntry, AbiUnreadableLine);
}
