using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PteGen.Generators.Diagnostics;

/// <summary>
/// Every PteGen diagnostic. <c>PTE0xx</c>: layout definitions (errors); <c>PTE1xx</c>: guest code using layouts.
/// One category, so that <c>dotnet_analyzer_diagnostic.category-PteGen.severity</c> sets them all at once.
/// </summary>
internal static partial class DiagnosticDescriptors
{
    public const string Category = "PteGen";

    /// <summary>Where the documentation pages live; each id has <c>docs/diagnostics/{id}.md</c>.</summary>
    public const string HelpLinkBase = "https://github.com/ptegen/ptegen/blob/main/docs/diagnostics/";

    public static readonly DiagnosticDescriptor LayoutMustBePartialStruct = LayoutError(
        "PTE001",
        "A layout must be a partial struct",
        "The layout '{0}' must be declared as a 'partial struct' ({1}); PteGen adds the storage and accessors in another part");

    public static readonly DiagnosticDescriptor LayoutMustNotBeGeneric = LayoutError(
        "PTE002",
        "A layout must not be generic",
        "The layout '{0}' must not be generic or nested in a generic type: an entry is exactly one ulong");

    public static readonly DiagnosticDescriptor ContainingTypeMustBePartial = LayoutError(
        "PTE003",
        "The types containing a layout must be partial",
        "The layout '{0}' is nested in '{1}', which must be declared 'partial' so that PteGen can add to the layout");

    public static readonly DiagnosticDescriptor InvalidLayoutProperty = LayoutError(
        "PTE004",
        "A layout property must be a partial get-only instance property",
        "The property '{0}' of layout '{1}' {2}; declare it as 'public partial {3} {0} {{ get; }}'");

    public static readonly DiagnosticDescriptor BitRangeOutOfRange = LayoutError(
        "PTE005",
        "Bit range out of 0..63 or inverted",
        "The bit range ({0}, {1}) of '{2}' is invalid: {3}");

    public static readonly DiagnosticDescriptor PropertyTypeCannotHoldField = LayoutError(
        "PTE006",
        "The property type cannot hold the field",
        "'{0}' claims {1} ({2} bit{3}), which its type '{4}' cannot hold: {5}");

    public static readonly DiagnosticDescriptor ConditionSyntaxError = LayoutError(
        "PTE007",
        "The When condition is not a valid expression",
        "The condition \"{0}\" of '{1}' is not valid: {2}; write switch names combined with !, &&, || and parentheses");

    public static readonly DiagnosticDescriptor UnknownSwitch = LayoutError(
        "PTE008",
        "The When condition names an unknown switch",
        "The condition \"{0}\" of '{1}' names '{2}', which is not a switch of {3}");

    public static readonly DiagnosticDescriptor UnknownExclusiveSwitch = LayoutError(
        "PTE009",
        "MutuallyExclusive names something that is not a switch",
        "[MutuallyExclusive] on '{0}' names {1}, which is not a single-bit member of '{0}'");

    public static readonly DiagnosticDescriptor OverlappingClaims = LayoutError(
        "PTE010",
        "Two claims own the same bit",
        "{0} of '{1}' claimed by both '{2}' ({3}) and '{4}' ({5}){6}; every bit must have exactly one owner in every configuration");

    public static readonly DiagnosticDescriptor UncoveredBits = LayoutError(
        "PTE011",
        "A bit has no owner",
        "{0} of '{1}' {2} no owner{3}; declare a Hardware, XenReserved or GuestAvailable claim for {4}");

    public static readonly DiagnosticDescriptor DuplicatedRole = LayoutError(
        "PTE012",
        "A role is declared twice",
        "Role {0} of '{1}' is declared by both '{2}' and '{3}'{4}; a role may be held by one claim per configuration");

    public static readonly DiagnosticDescriptor LanguageVersionTooLow = LayoutError(
        "PTE013",
        "PteGen needs C# 13 or later",
        "PteGen layouts need C# 13 or later (partial properties), and this project uses C# {0}: set <LangVersion>13</LangVersion> or later. Nothing is generated for '{1}' until then.");

    public static readonly DiagnosticDescriptor InvalidSwitchesType = LayoutError(
        "PTE014",
        "Invalid switches type",
        "'{0}' cannot be the switches type of '{1}': {2}");

    public static readonly DiagnosticDescriptor InvalidSwitchesEnum = LayoutError(
        "PTE015",
        "Invalid [PteSwitches] enum",
        "The switches enum '{0}' {1}");

    public static readonly DiagnosticDescriptor InvalidLevel = LayoutError(
        "PTE016",
        "Invalid paging level",
        "Level {0} of '{1}' is not a paging level: use 1 (leaf entry) to 4, or leave it 0 for a layout not tied to a level");

    public static readonly DiagnosticDescriptor InvalidRole = LayoutError(
        "PTE017",
        "A role does not fit its claim",
        "Role {0} on '{1}' {2}");

    public static readonly DiagnosticDescriptor InvalidRelocation = LayoutError(
        "PTE018",
        "Relocatable or Optional misused",
        "'{0}' {1}");

    public static readonly DiagnosticDescriptor MissingOwnership = LayoutError(
        "PTE019",
        "A layout property needs exactly one ownership attribute",
        "The partial property '{0}' of layout '{1}' {2}; give it exactly one of [Hardware], [XenReserved] or [GuestAvailable]");

    public static readonly DiagnosticDescriptor ConflictingMember = LayoutError(
        "PTE020",
        "A member conflicts with the generated code",
        "The layout '{0}' declares {1}, which conflicts with the generated {2}");

    public static readonly DiagnosticDescriptor FixupCannotBeExpressed = LayoutError(
        "PTE021",
        "The guest-entry fixup cannot be expressed",
        "{0} of '{1}' cannot be expressed{2}: no claim holds role {3}{4}");

    public static readonly DiagnosticDescriptor InvalidWarnWhen = LayoutError(
        "PTE022",
        "The WarnWhen condition is not valid",
        "The WarnWhen condition \"{0}\" of '{1}' is not valid: {2}");

    public static readonly DiagnosticDescriptor ClaimNeverHolds = LayoutError(
        "PTE023",
        "A claim holds in no valid configuration",
        "'{0}' ({1}) holds in no valid configuration of '{2}': {3}; fix the condition, or remove the claim");

    public static readonly DiagnosticDescriptor FixupRoleIsOptional = LayoutError(
        "PTE025",
        "A role the guest-entry fixup needs is held by an Optional claim",
        "{0} of '{1}' needs role {2} in every domain, but '{3}' ({4}) is Optional: negotiation switches it off when no bit is left, and the fixup would then have no bit for the role; make the claim required, so that such a negotiation fails instead");

    public static readonly DiagnosticDescriptor GuestAbiDependsOnSwitch = LayoutError(
        "PTE027",
        "A switch the guest ABI must not depend on changes who owns a bit",
        "'{0}' must not change with '{1}' (GuestAbiIndependentOf), but the owner of {2} does: {3}, {4}");

    public static readonly DiagnosticDescriptor UnknownInvariantSwitch = LayoutError(
        "PTE028",
        "GuestAbiIndependentOf names something that is not a switch",
        "GuestAbiIndependentOf \"{0}\" of '{1}' is not valid: {2} {3}; {4}");

    public static readonly DiagnosticDescriptor HookNotGenerated = LayoutError(
        "PTE026",
        "The implemented hook does not match a generated one",
        "The method '{0}' of '{1}' does not pair with a hook PteGen generates: {2}");

    /// <summary>Every layout error, in id order: what the layout analyzer and the generator may report.</summary>
    public static ImmutableArray<DiagnosticDescriptor> LayoutErrors { get; } = ImmutableArray.Create(
        LayoutMustBePartialStruct,
        LayoutMustNotBeGeneric,
        ContainingTypeMustBePartial,
        InvalidLayoutProperty,
        BitRangeOutOfRange,
        PropertyTypeCannotHoldField,
        ConditionSyntaxError,
        UnknownSwitch,
        UnknownExclusiveSwitch,
        OverlappingClaims,
        UncoveredBits,
        DuplicatedRole,
        LanguageVersionTooLow,
        InvalidSwitchesType,
        InvalidSwitchesEnum,
        InvalidLevel,
        InvalidRole,
        InvalidRelocation,
        MissingOwnership,
        ConflictingMember,
        FixupCannotBeExpressed,
        InvalidWarnWhen,
        ClaimNeverHolds,
        FixupRoleIsOptional,
        HookNotGenerated,
        GuestAbiDependsOnSwitch,
        UnknownInvariantSwitch);

    private static DiagnosticDescriptor LayoutError(string id, string title, string message) =>
        new(
            id,
            title,
            message,
            Category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: HelpLinkBase + id + ".md",
            customTags: WellKnownDiagnosticTags.NotConfigurable);
}
