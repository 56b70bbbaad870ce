using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using PteGen.Generators.Diagnostics;
using PteGen.Generators.Helpers;
using PteGen.Generators.Model;
using PteGen.Generators.Validation;

namespace PteGen.Generators.Parsing;

/// <summary>The parsed switches enum and the problems found in its declaration.</summary>
internal sealed record SwitchSetParseResult(SwitchSet Switches, bool TooManySwitches, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Reads a <c>[PteSwitches]</c> enum: its single-bit members (negative ones included: <c>int.MinValue</c> is bit 31)
/// and its <c>[MutuallyExclusive]</c> groups. Other members must be the zero member or combinations of switches.
/// </summary>
internal static class SwitchSetParser
{
    public static SwitchSetParseResult Parse(INamedTypeSymbol enumType, CancellationToken cancellationToken)
    {
        var diagnostics = new List<Diagnostic>();
        var members = new List<SwitchMember>();
        var switchValues = new HashSet<ulong>();
        var combinations = new List<(IFieldSymbol Field, ulong Value)>();
        string? zeroName = null;
        foreach (var field in enumType.GetMembers().OfType<IFieldSymbol>())
        {
            if (!field.HasConstantValue || !TryGetUnsigned(field.ConstantValue, out var value))
            {
                continue;
            }

            if (value == 0)
            {
                zeroName ??= field.Name;
            }
            else if ((value & (value - 1)) != 0)
            {
                combinations.Add((field, value));
            }
            else if (switchValues.Add(value))
            {
                // A second member with the same bit is an alias, not a switch of its own.
                members.Add(new SwitchMember(field.Name, value));
            }
        }

        // A combination (All = Debug | Pke) names switches; one with a bit no switch has would hide that bit.
        ulong allSwitches = 0;
        foreach (var value in switchValues)
        {
            allSwitches |= value;
        }

        foreach (var (field, value) in combinations)
        {
            var strays = value & ~allSwitches;
            if (strays != 0)
            {
                diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.InvalidSwitchesEnum,
                    field.Locations.FirstOrDefault() ?? enumType.Locations.FirstOrDefault() ?? Location.None,
                    enumType.Name,
                    $"has the member '{field.Name}' = {Convert.ToString(field.ConstantValue, System.Globalization.CultureInfo.InvariantCulture)} ({BitRanges.Describe(value)}), which is neither a switch (a single bit) nor a combination of switches: {BitRanges.Describe(strays)} {(BitRanges.IsSingleBit(strays) ? "is" : "are")} no switch of the enum; give each switch its own member, or remove '{field.Name}'"));
            }
        }

        members.Sort((left, right) => left.Value.CompareTo(right.Value));
        var typeName = enumType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var tooMany = members.Count > SwitchSet.MaxSwitches;
        if (tooMany)
        {
            diagnostics.Add(Diagnostic.Create(
                DiagnosticDescriptors.InvalidSwitchesEnum,
                enumType.Locations.FirstOrDefault() ?? Location.None,
                enumType.Name,
                $"has {members.Count} switches; PteGen checks every configuration, so at most {SwitchSet.MaxSwitches} are allowed"));
            members.RemoveRange(SwitchSet.MaxSwitches, members.Count - SwitchSet.MaxSwitches);
            switchValues.IntersectWith(members.Select(m => m.Value));
        }

        var groups = new List<ulong>();
        var memberNames = new Dictionary<ITypeSymbol, Dictionary<object, string>>(SymbolEqualityComparer.Default);
        foreach (var attribute in enumType.GetAttributes())
        {
            if (!KnownNames.Is(attribute.AttributeClass, KnownNames.MutuallyExclusiveAttribute)
                || attribute.ConstructorArguments.Length != 1)
            {
                continue;
            }

            ulong group = 0;
            var argument = attribute.ConstructorArguments[0];
            // [MutuallyExclusive(null)] passes a null array, whose Values are default: report the null itself (PTE009).
            var values = argument.Kind == TypedConstantKind.Array && !argument.IsNull ? argument.Values : [argument];
            for (var index = 0; index < values.Length; index++)
            {
                var item = values[index];
                if (SymbolEqualityComparer.Default.Equals(item.Type, enumType)
                    && TryGetUnsigned(item.Value, out var value)
                    && switchValues.Contains(value))
                {
                    group |= value;
                }
                else
                {
                    diagnostics.Add(Diagnostic.Create(
                        DiagnosticDescriptors.UnknownExclusiveSwitch,
                        SyntaxLocations.OfPositionalArgument(attribute, index, cancellationToken),
                        enumType.Name,
                        Describe(item, memberNames)));
                }
            }

            if ((group & (group - 1)) != 0)
            {
                groups.Add(group);
            }
        }

        var set = new SwitchSet(typeName, zeroName ?? "None", members.ToEquatableArray(), groups.ToEquatableArray());
        return new SwitchSetParseResult(set, tooMany, diagnostics);
    }

    /// <summary>
    /// Reads an enum constant as its bits within the enum's underlying type: a negative value is its two's complement
    /// there (<c>int.MinValue</c> is bit 31, <c>long.MinValue</c> bit 63), as the enum's own <c>&amp;</c> sees it.
    /// </summary>
    public static bool TryGetUnsigned(object? constant, out ulong value)
    {
        switch (constant)
        {
            case byte v: value = v; return true;
            case ushort v: value = v; return true;
            case uint v: value = v; return true;
            case ulong v: value = v; return true;
            case sbyte v: value = unchecked((byte)v); return true;
            case short v: value = unchecked((ushort)v); return true;
            case int v: value = unchecked((uint)v); return true;
            case long v: value = unchecked((ulong)v); return true;
            default: value = 0; return false;
        }
    }

    /// <param name="item">The argument that is not a switch.</param>
    /// <param name="memberNames">Per enum type, its first member of each value; filled as needed, so that many bad
    /// arguments cost one pass over each enum.</param>
    private static string Describe(TypedConstant item, Dictionary<ITypeSymbol, Dictionary<object, string>> memberNames)
    {
        if (item.IsNull)
        {
            return "null";
        }

        var text = item.Kind == TypedConstantKind.Array ? "an array" : Convert.ToString(item.Value, System.Globalization.CultureInfo.InvariantCulture);

        // An enum constant reads best as the member the user wrote (Config.All), with its value.
        if (item.Kind == TypedConstantKind.Enum && item.Type is INamedTypeSymbol enumType && item.Value is not null)
        {
            if (!memberNames.TryGetValue(enumType, out var names))
            {
                names = new Dictionary<object, string>();
                foreach (var field in enumType.GetMembers().OfType<IFieldSymbol>())
                {
                    if (field.HasConstantValue && field.ConstantValue is { } value && !names.ContainsKey(value))
                    {
                        names.Add(value, field.Name);
                    }
                }

                memberNames.Add(enumType, names);
            }

            if (names.TryGetValue(item.Value, out var member))
            {
                return $"'{enumType.Name}.{member}' ({text})";
            }
        }

        return item.Type is null ? $"'{text}'" : $"'{text}' ({item.Type.ToDisplayString()})";
    }
}
