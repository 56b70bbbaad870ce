using Microsoft.CodeAnalysis;

namespace PteGen.Generators.Diagnostics;

/// <summary>The <c>PTE1xx</c> rules: guest code using layouts, and PteGen's MSBuild settings. Severities are configurable.</summary>
internal static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor GuestWritesXenBit = UsageRule(
        "PTE101",
        "Guest code writes a bit the hypervisor reserves",
        "Guest code {0} {1} of '{2}': Xen reserves {3}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SoftwareBitNotPortable = UsageRule(
        "PTE102",
        "A guest software bit is not guest-available in every configuration",
        "'{0}' uses {1} as a software bit of '{2}', but it is not portable: {3}{4}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor GuestReadsXenBit = UsageRule(
        "PTE103",
        "Guest code reads a bit the hypervisor reserves",
        "Guest code reads {0} of '{1}': Xen reserves {2}",
        DiagnosticSeverity.Info,
        isEnabledByDefault: false);

    public static readonly DiagnosticDescriptor UseGeneratedAccessor = UsageRule(
        "PTE104",
        "Raw arithmetic where a generated accessor exists",
        "Use '{0}' instead of raw arithmetic on '{1}.Raw'",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor UnknownConfigurationSwitch = UsageRule(
        "PTE105",
        "PteGenConfiguration names an unknown switch",
        "PteGenConfiguration names '{0}', which is not a switch of any PteGen layout this project declares or references ({1})",
        DiagnosticSeverity.Warning,
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor InvalidConfiguration = UsageRule(
        "PTE106",
        "PteGenConfiguration is not a valid configuration of a layout",
        "PteGenConfiguration '{0}' is not a valid configuration of '{1}': {2}; PteGen checks '{1}' as if the property were absent",
        DiagnosticSeverity.Warning,
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor UnknownRole = UsageRule(
        "PTE107",
        "PteGenRole is neither Guest nor Hypervisor",
        "PteGenRole '{0}' is neither 'Guest' nor 'Hypervisor'; PteGen uses the default ({1})",
        DiagnosticSeverity.Warning,
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    private static DiagnosticDescriptor UsageRule(
        string id,
        string title,
        string message,
        DiagnosticSeverity severity,
        bool isEnabledByDefault = true,
        params string[] customTags) =>
        new(id, title, message, Category, severity, isEnabledByDefault, helpLinkUri: HelpLinkBase + id + ".md", customTags: customTags);
}
