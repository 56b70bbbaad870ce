using System;
using System.Collections.Generic;
using System.Linq;
using PteGen.Generators.Diagnostics;
using PteGen.Generators.Model;
using PteGen.Generators.Parsing.Problems;
using PteGen.Generators.Parsing.Reading;

namespace PteGen.Generators.Parsing.Rules;

/// <summary>
/// What can be wrong with one claim on its own (PTE004–PTE008, PTE017–PTE019), and the field it makes. Each check
/// returns its problem and the argument it points at; the claim's field carries whether any was an error.
/// </summary>
internal static class ClaimRules
{
    public static FieldModel Check(LayoutDeclaration layout, int index, SwitchSet switches, List<Problem> problems)
    {
        var claim = layout.Claims[index];
        var before = problems.Count;
        var canStub = claim.IsPartialDefinition
            && !claim.IsIndexer
            && !claim.ImplementedInUserCode
            && claim.Type.Category != TypeCategory.Error
            && !claim.ReturnsByRef;

        Add(problems, CheckOwnershipCount(layout, index));
        Add(problems, CheckPropertyShape(layout, index));
        if (claim.Arguments is not { } arguments)
        {
            return new FieldModel(
                claim.Name, claim.TypeName, FieldKind.Unsupported, "ulong", 64, false, 0, 0, PteOwner.Hardware, PteRole.None, "", null,
                GuestWrite.Default, false, false, claim.Accessibility, claim.IsReadOnlyMember, canStub, HasErrors: true,
                claim.Modifiers, claim.Accessors, claim.IsStatic);
        }

        var (low, high) = (arguments.Low, arguments.High);
        var rangeProblem = CheckBitRange(claim, index);
        Add(problems, rangeProblem);
        if (rangeProblem is not null)
        {
            (low, high) = (0, 0);
        }

        var width = high - low + 1;
        var (kind, storageType, storageBits, storageIsSigned, typeProblem) = Classify(claim.Type, width);
        if (typeProblem is not null && rangeProblem is null && claim.Type.Category != TypeCategory.Error)
        {
            problems.Add(Problem.Create(
                DiagnosticDescriptors.PropertyTypeCannotHoldField,
                Site.ClaimProperty(index),
                claim.RawName,
                low == high ? $"bit {low}" : $"bits {low}-{high}",
                width,
                width == 1 ? "" : "s",
                claim.TypeDisplay,
                typeProblem));
        }

        var condition = ConditionParser.Parse(arguments.WhenText, switches);
        if (condition.SyntaxError is not null)
        {
            problems.Add(Problem.Create(DiagnosticDescriptors.ConditionSyntaxError, Site.ClaimArgument(index, "When"), Quoted(arguments.WhenText), claim.RawName, condition.SyntaxError));
        }
        else if (condition.UnknownNames.Count > 0 && !layout.Switches.IsBroken)
        {
            // With a switches type that cannot be used (PTE014), every name would be unknown: one error says it all.
            var known = switches.HasSwitches
                ? $"'{Names.Short(switches.TypeName)}' (its switches: {string.Join(", ", switches.Members.Select(m => m.Name))})"
                : $"'{layout.RawName}', which declares no switches type";
            foreach (var unknown in condition.UnknownNames)
            {
                problems.Add(Problem.Create(DiagnosticDescriptors.UnknownSwitch, Site.ClaimArgument(index, "When"), Quoted(arguments.WhenText), claim.RawName, unknown, known));
            }
        }

        var owner = claim.Owners[0];
        var role = (PteRole)arguments.Role;
        Add(problems, CheckRole(claim, index, role, owner, width));
        Add(problems, CheckRelocation(claim, index, arguments, width));

        // A claim whose type does not resolve has the compiler's error already; it is not generated, but not reported twice.
        var hasErrors = problems.Skip(before).Any(p => p.IsError)
            || typeProblem is not null
            || (condition.UnknownNames.Count > 0 && layout.Switches.IsBroken);
        return new FieldModel(
            claim.Name,
            claim.TypeName,
            kind,
            storageType,
            storageBits,
            storageIsSigned,
            low,
            high,
            owner,
            role,
            arguments.WhenText,
            condition.IsValid ? condition.Condition : null,
            (GuestWrite)arguments.GuestWrite,
            arguments.Relocatable,
            arguments.Optional,
            claim.Accessibility,
            claim.IsReadOnlyMember,
            canStub,
            hasErrors,
            claim.Modifiers,
            claim.Accessors,
            claim.IsStatic,
            claim.IsObsoleteError);
    }

    /// <summary>Longest condition a message quotes whole; a longer one is shown by its start and its length.</summary>
    private const int QuotedConditionLength = 200;

    /// <summary>A condition as a message quotes it: a 200,000-character chain must not make a 200,000-character message.</summary>
    internal static string Quoted(string condition) =>
        condition.Length <= QuotedConditionLength
            ? condition
            : $"{condition.Substring(0, QuotedConditionLength)}... ({condition.Length} characters)";

    private static void Add(List<Problem> problems, Problem? problem)
    {
        if (problem is not null)
        {
            problems.Add(problem);
        }
    }

    /// <summary>PTE019: exactly one of <c>[Hardware]</c>, <c>[XenReserved]</c>, <c>[GuestAvailable]</c>.</summary>
    private static Problem? CheckOwnershipCount(LayoutDeclaration layout, int index)
    {
        var claim = layout.Claims[index];
        return claim.Owners.Count switch
        {
            1 => null,
            0 => Problem.Create(DiagnosticDescriptors.MissingOwnership, Site.ClaimProperty(index), claim.RawName, layout.RawName, "has no ownership attribute"),
            var count => Problem.Create(DiagnosticDescriptors.MissingOwnership, Site.ClaimAttribute(index, 1), claim.RawName, layout.RawName, $"has {count} ownership attributes"),
        };
    }

    /// <summary>PTE004: a partial get-only instance property, whose body PteGen writes.</summary>
    private static Problem? CheckPropertyShape(LayoutDeclaration layout, int index)
    {
        var claim = layout.Claims[index];
        var problem =
            claim.IsStatic ? "is static"
            : claim.IsIndexer ? "is an indexer"
            : claim.Accessors == AccessorShape.GetInit ? "has an init accessor (entries are immutable; use the generated With method)"
            : claim.Accessors == AccessorShape.GetSet ? "has a setter (entries are immutable; use the generated With method)"
            : claim.ReturnsByRef ? "returns by reference"
            : !claim.IsPartial ? "is not partial"
            : claim.ImplementedInUserCode ? "is implemented in your code (PteGen writes the body of every claim; keep only the declaration)"
            : null;
        return problem is null
            ? null
            : Problem.Create(DiagnosticDescriptors.InvalidLayoutProperty, Site.ClaimProperty(index), claim.RawName, layout.RawName, problem, claim.TypeDisplay);
    }

    /// <summary>PTE005: bits 0 to 63, low before high.</summary>
    private static Problem? CheckBitRange(ClaimDeclaration claim, int index)
    {
        var (low, high) = (claim.Arguments!.Low, claim.Arguments.High);
        var problem =
            low < 0 || high < 0 ? "bit numbers cannot be negative"
            : low > 63 || high > 63 ? "bits are numbered 0 to 63"
            : low > high ? $"the low bit {low} is above the high bit {high} (ranges are written (low, high), LSB0, both included)"
            : null;
        return problem is null ? null : Problem.Create(DiagnosticDescriptors.BitRangeOutOfRange, Site.ClaimBitRange(index), low, high, claim.RawName, problem);
    }

    /// <summary>PTE017: a role on the owner it belongs to, one bit wide unless it is a frame or protection key.</summary>
    private static Problem? CheckRole(ClaimDeclaration claim, int index, PteRole role, PteOwner owner, int width)
    {
        string? problem = null;
        if (!Enum.IsDefined(typeof(PteRole), role))
        {
            problem = "is not a PteRole value";
        }
        else if (role != PteRole.None)
        {
            var wantedOwner = role is PteRole.GuestKernel or PteRole.GrantMapping ? PteOwner.XenReserved : PteOwner.Hardware;
            var multiBit = role is PteRole.Frame or PteRole.ProtectionKey;
            problem = owner != wantedOwner
                ? $"belongs on a [{KnownNames.AttributeName(wantedOwner)}] claim, not a [{KnownNames.AttributeName(owner)}] one"
                : !multiBit && width != 1 ? $"marks a single bit, but the claim is {width} bits wide"
                : null;
        }

        return problem is null ? null : Problem.Create(DiagnosticDescriptors.InvalidRole, Site.ClaimArgument(index, "Role"), role.ToString(), claim.RawName, problem);
    }

    /// <summary>PTE018: a known GuestWrite rule; Optional only with Relocatable; Relocatable only for one bit.</summary>
    private static Problem? CheckRelocation(ClaimDeclaration claim, int index, OwnershipArguments arguments, int width)
    {
        var (argument, problem) =
            !Enum.IsDefined(typeof(GuestWrite), (GuestWrite)arguments.GuestWrite) ? ("GuestWrite", $"has GuestWrite = {arguments.GuestWrite}, which is not a GuestWrite value")
            : arguments.Optional && !arguments.Relocatable ? ("Optional", "is Optional but not Relocatable: only a claim whose bit is negotiated per domain can be left without one")
            : arguments.Relocatable && width != 1 ? ("Relocatable", $"is Relocatable but {width} bits wide: negotiation moves single bits")
            : ("", null);
        return problem is null ? null : Problem.Create(DiagnosticDescriptors.InvalidRelocation, Site.ClaimArgument(index, argument), claim.RawName, problem);
    }

    /// <summary>PTE006's test: how the property type carries the field, and why it cannot when it cannot.</summary>
    private static (FieldKind Kind, string StorageType, int StorageBits, bool StorageIsSigned, string? Problem) Classify(PropertyTypeFacts type, int width)
    {
        switch (type.Category)
        {
            case TypeCategory.Bool:
                return (FieldKind.Bool, "bool", 1, false, width == 1 ? null : "bool holds one bit; use an unsigned integer or an enum for a wider field");
            case TypeCategory.Unsigned:
                return (FieldKind.Unsigned, type.Keyword, type.Bits, false, width <= type.Bits ? null : $"it has only {type.Bits} bits; use {SmallestUnsigned(width)}");
            case TypeCategory.Enum:
                var usable = type.IsSigned ? type.Bits - 1 : type.Bits;
                return (FieldKind.Enum, type.Keyword, type.Bits, type.IsSigned, width <= usable
                    ? null
                    : $"its underlying type {type.Keyword} holds only {usable} value bits; declare the enum as ': {SmallestUnsigned(width)}'");
            case TypeCategory.Signed:
                return (FieldKind.Unsupported, "ulong", 64, false, "signed integers are not allowed (a field has no sign bit); use the unsigned type of the same size");
            default:
                return (FieldKind.Unsupported, "ulong", 64, false, "use bool for one bit, or an unsigned integer or enum type");
        }
    }

    private static string SmallestUnsigned(int width) => width <= 8 ? "byte" : width <= 16 ? "ushort" : width <= 32 ? "uint" : "ulong";
}
