using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using PteGen.Generators.Diagnostics;
using PteGen.Generators.Helpers;
using PteGen.Generators.Model;

namespace PteGen.Generators.Parsing;

/// <summary>The parsed switches enum and the problems found in its declaration.</summary>
internal sealed record SwitchSetParseResult(SwitchSet Switches, bool TooManySwitches, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>Reads a <c>[PteSwitches]</c> enum: its single-bit members and its <c>[MutuallyExclusive]</c> groups.</summary>
internal static class SwitchSetParser
{
    public static SwitchSetParseResult Parse(INamedTypeSymbol enumType, CancellationToken cancellationToken)
    {
        var diagnostics = new List<Diagnostic>();
        var members = new List<SwitchMember>();
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
            else if ((value & (value - 1)) == 0 && !members.Any(m => m.Value == value))
            {
                // Composite members (All = Debug | Pke) and aliases are not switches of their own.
                members.Add(new SwitchMember(field.Name, value));
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
        }

        var groups = new List<ulong>();
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
                var isMember = SymbolEqualityComparer.Default.Equals(item.Type, enumType)
                    && TryGetUnsigned(item.Value, out var value)
                    && members.Any(m => m.Value == value);
                if (isMember)
                {
                    TryGetUnsigned(item.Value, out var switchValue);
                    group |= switchValue;
                }
                else
                {
                    diagnostics.Add(Diagnostic.Create(
                        DiagnosticDescriptors.UnknownExclusiveSwitch,
                        SyntaxLocations.OfPositionalArgument(attribute, index, cancellationToken),
                        enumType.Name,
                        Describe(item)));
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

    /// <summary>Reads an enum constant as the unsigned value of its bits; negative values are not switches.</summary>
    public static bool TryGetUnsigned(object? constant, out ulong value)
    {
        switch (constant)
        {
            case byte v: value = v; return true;
            case ushort v: value = v; return true;
            case uint v: value = v; return true;
            case ulong v: value = v; return true;
            case sbyte v when v >= 0: value = (ulong)v; return true;
            case short v when v >= 0: value = (ulong)v; return true;
            case int v when v >= 0: value = (ulong)v; return true;
            case long v when v >= 0: value = (ulong)v; return true;
            default: value = 0; return false;
        }
    }

    private static string Describe(TypedConstant item)
    {
        if (item.IsNull)
        {
            return "null";
        }

        var text = item.Kind == TypedConstantKind.Array ? "an array" : Convert.ToString(item.Value, System.Globalization.CultureInfo.InvariantCulture);

        // An enum constant reads best as the member the user wrote (Config.All), with its value.
        if (item.Kind == TypedConstantKind.Enum && item.Type is INamedTypeSymbol enumType)
        {
            var member = enumType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, item.Value));
            if (member is not null)
            {
                return $"'{enumType.Name}.{member.Name}' ({text})";
            }
        }

        return item.Type is null ? $"'{text}'" : $"'{text}' ({item.Type.ToDisplayString()})";
    }
}
