using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PteGen.Generators.Diagnostics;
using PteGen.Generators.Helpers;
using PteGen.Generators.Model;

namespace PteGen.Generators.Parsing;

/// <summary>
/// Reads a <c>[PteLayout]</c> type into a <see cref="LayoutModel"/> and reports what is wrong with each declaration.
/// The generator and the layout analyzer both call this, so they always agree on what a layout means.
/// </summary>
internal static class LayoutParser
{
    private static readonly SymbolDisplayFormat NamespaceFormat = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    /// <summary>C# 13, the first version with partial properties (Roslyn 4.11 has no enum member for it yet).</summary>
    private const LanguageVersion CSharp13 = (LanguageVersion)1300;

    public static LayoutParseResult Parse(
        INamedTypeSymbol type,
        AttributeData layoutAttribute,
        LanguageVersion? languageVersion,
        CancellationToken cancellationToken,
        Compilation? compilation = null)
    {
        var diagnostics = new List<Diagnostic>();
        var layoutLocation = SyntaxLocations.Of(layoutAttribute, cancellationToken);
        var canEmit = CheckTypeShape(type, diagnostics);
        var containingTypes = GetContainingTypes(type);
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } containing
            ? containing.ToDisplayString(NamespaceFormat)
            : "";
        var name = Identifiers.Escape(type.Name);

        var switches = ParseSwitches(type, layoutAttribute, layoutLocation, diagnostics, cancellationToken);
        var level = ParseLevel(type, layoutAttribute, diagnostics, cancellationToken);

        if (languageVersion is { } version && version < CSharp13)
        {
            // Without partial properties nothing can be generated, and every other finding would be noise.
            diagnostics.Clear();
            diagnostics.Add(Diagnostic.Create(
                DiagnosticDescriptors.LanguageVersionTooLow,
                layoutLocation,
                version.ToDisplayString(),
                type.Name));
            var empty = new LayoutModel(ns, name, containingTypes, level, switches, EquatableArray<FieldModel>.Empty);
            return new LayoutParseResult(empty, canEmit: false, diagnostics, layoutLocation, ImmutableArray<Location>.Empty);
        }

        var fields = new List<FieldModel>();
        var fieldLocations = ImmutableArray.CreateBuilder<Location>();
        foreach (var member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member is IPropertySymbol property && ParseProperty(type, property, switches, diagnostics, cancellationToken) is { } parsed)
            {
                fields.Add(parsed.Field);
                fieldLocations.Add(parsed.Location);
            }
        }

        var (adjustGuest, warnWhenText, warnWhen) = ParseFixupOptions(type, layoutAttribute, switches, diagnostics, cancellationToken);
        var hasSpan = compilation is null || compilation.GetTypeByMetadataName("System.Span`1") is not null;
        var vectorWidths = new[] { 512, 256, 128 }
            .Where(width => compilation?.GetTypeByMetadataName($"System.Runtime.Intrinsics.Vector{width}") is { } vector
                && !vector.GetMembers("IsHardwareAccelerated").IsEmpty
                && !vector.GetMembers("LoadUnsafe").IsEmpty)
            .ToEquatableArray();
        var layout = new LayoutModel(ns, name, containingTypes, level, switches, fields.ToEquatableArray(), adjustGuest, warnWhenText, warnWhen, hasSpan, vectorWidths);
        if (type.DeclaringSyntaxReferences.Length > 0)
        {
            // A layout read from metadata carries its generated members; only source layouts can collide with them.
            CheckConflictingMembers(type, layout, diagnostics);
        }
        return new LayoutParseResult(layout, canEmit, diagnostics, layoutLocation, fieldLocations.ToImmutable());
    }

    private static bool CheckTypeShape(INamedTypeSymbol type, List<Diagnostic> diagnostics)
    {
        var location = type.Locations.FirstOrDefault() ?? Location.None;
        string? problem = null;
        if (type.TypeKind != TypeKind.Struct)
        {
            problem = $"it is {Article(type.TypeKind)}";
        }
        else if (type.IsRecord)
        {
            problem = "it is a record struct, whose generated equality would clash with PteGen's";
        }
        else if (type.IsRefLikeType)
        {
            problem = "it is a ref struct";
        }
        else if (!IsPartial(type))
        {
            problem = "it is not partial";
        }

        var canEmit = true;
        if (problem is not null)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.LayoutMustBePartialStruct, location, type.Name, problem));
            canEmit = false;
        }

        if (type.IsGenericType || ContainingTypes(type).Any(t => t.IsGenericType))
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.LayoutMustNotBeGeneric, location, type.Name));
            canEmit = false;
        }

        foreach (var containing in ContainingTypes(type))
        {
            if (!IsPartial(containing))
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.ContainingTypeMustBePartial, location, type.Name, containing.Name));
                canEmit = false;
            }
        }

        return canEmit;
    }

    private static string Article(TypeKind kind) => kind switch
    {
        TypeKind.Class => "a class",
        TypeKind.Interface => "an interface",
        TypeKind.Enum => "an enum",
        TypeKind.Delegate => "a delegate",
        _ => "not a struct",
    };

    /// <summary>Whether every source declaration of the type says <c>partial</c> (metadata types count as partial).</summary>
    private static bool IsPartial(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.All(reference =>
            reference.GetSyntax() is not TypeDeclarationSyntax declaration
            || declaration.Modifiers.Any(SyntaxKind.PartialKeyword));

    private static IEnumerable<INamedTypeSymbol> ContainingTypes(INamedTypeSymbol type)
    {
        for (var containing = type.ContainingType; containing is not null; containing = containing.ContainingType)
        {
            yield return containing;
        }
    }

    private static EquatableArray<ContainingType> GetContainingTypes(INamedTypeSymbol type) =>
        ContainingTypes(type)
            .Reverse()
            .Select(t => new ContainingType(Keyword(t), Identifiers.Escape(t.Name)))
            .ToEquatableArray();

    private static string Keyword(INamedTypeSymbol type) => type.TypeKind switch
    {
        TypeKind.Struct when type.IsRecord => "record struct",
        TypeKind.Struct => "struct",
        TypeKind.Interface => "interface",
        TypeKind.Class when type.IsRecord => "record",
        _ => "class",
    };

    private static SwitchSet ParseSwitches(
        INamedTypeSymbol type,
        AttributeData layoutAttribute,
        Location layoutLocation,
        List<Diagnostic> diagnostics,
        CancellationToken cancellationToken)
    {
        if (layoutAttribute.ConstructorArguments.Length != 1
            || layoutAttribute.ConstructorArguments[0].Value is not ITypeSymbol switchesType)
        {
            return SwitchSet.None;
        }

        var location = SyntaxLocations.OfPositionalArgument(layoutAttribute, 0, cancellationToken);
        if (location == Location.None)
        {
            location = layoutLocation;
        }

        string? problem = null;
        if (switchesType is not INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            problem = "it is not an enum";
        }
        else if (!enumType.GetAttributes().Any(a => KnownNames.Is(a.AttributeClass, KnownNames.PteSwitchesAttribute)))
        {
            problem = "it is not marked [PteSwitches]";
        }
        else
        {
            var parsed = SwitchSetParser.Parse(enumType, cancellationToken);
            if (!parsed.TooManySwitches)
            {
                return parsed.Switches;
            }

            problem = $"it has more than {SwitchSet.MaxSwitches} switches";
        }

        diagnostics.Add(Diagnostic.Create(
            DiagnosticDescriptors.InvalidSwitchesType,
            location,
            switchesType.ToDisplayString(),
            type.Name,
            problem));
        return SwitchSet.None;
    }

    private static int ParseLevel(INamedTypeSymbol type, AttributeData layoutAttribute, List<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        foreach (var argument in layoutAttribute.NamedArguments)
        {
            if (argument.Key == "Level" && argument.Value.Value is int level)
            {
                if (level is >= 0 and <= 4)
                {
                    return level;
                }

                diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.InvalidLevel,
                    SyntaxLocations.OfNamedArgument(layoutAttribute, "Level", cancellationToken),
                    level,
                    type.Name));
            }
        }

        return 0;
    }

    /// <summary>
    /// <c>AdjustGuest</c> (default true) and <c>WarnWhen</c>: the condition under which the L1 fixup reports Xen's debug
    /// warning. Without <c>WarnWhen</c>, a switch named <c>Debug</c> is taken to mean a debug build, as in Xen.
    /// </summary>
    private static (bool AdjustGuest, string WarnWhenText, Condition? WarnWhen) ParseFixupOptions(
        INamedTypeSymbol type,
        AttributeData layoutAttribute,
        SwitchSet switches,
        List<Diagnostic> diagnostics,
        CancellationToken cancellationToken)
    {
        var adjustGuest = true;
        string? warnWhenText = null;
        foreach (var argument in layoutAttribute.NamedArguments)
        {
            if (argument.Key == "AdjustGuest" && argument.Value.Value is bool adjust)
            {
                adjustGuest = adjust;
            }
            else if (argument.Key == "WarnWhen")
            {
                warnWhenText = NormalizeCondition(argument.Value.Value as string);
            }
        }

        if (warnWhenText is null)
        {
            return switches.TryGetSwitch("Debug", out var debug)
                ? (adjustGuest, debug.Name, new SwitchCondition(debug.Name, debug.Value))
                : (adjustGuest, "", null);
        }

        var parsed = ConditionParser.Parse(warnWhenText, switches);
        if (parsed.IsValid)
        {
            return (adjustGuest, warnWhenText, parsed.Condition);
        }

        var problem = parsed.SyntaxError
            ?? $"it names {string.Join(", ", parsed.UnknownNames.Select(n => $"'{n}'"))}, which {(parsed.UnknownNames.Count == 1 ? "is not a switch" : "are not switches")} of {(switches.HasSwitches ? $"'{ShortName(switches.TypeName)}'" : "the layout (it declares no switches type)")}";
        diagnostics.Add(Diagnostic.Create(
            DiagnosticDescriptors.InvalidWarnWhen,
            SyntaxLocations.OfNamedArgument(layoutAttribute, "WarnWhen", cancellationToken),
            warnWhenText,
            type.Name,
            problem));
        return (adjustGuest, warnWhenText, null);
    }

    private static (FieldModel Field, Location Location)? ParseProperty(
        INamedTypeSymbol type,
        IPropertySymbol property,
        SwitchSet switches,
        List<Diagnostic> diagnostics,
        CancellationToken cancellationToken)
    {
        var ownership = property.GetAttributes()
            .Select(attribute => (Attribute: attribute, Owner: KnownNames.OwnerOf(attribute.AttributeClass)))
            .Where(pair => pair.Owner is not null)
            .ToList();
        var isPartialDefinition = property.IsPartialDefinition;
        if (ownership.Count == 0
            && (!isPartialDefinition || IsImplementedOutside(property, type)))
        {
            return null; // An ordinary property of the user's (or implemented by someone else); PteGen leaves it alone.
        }

        var hasErrors = false;
        var propertyLocation = property.Locations.FirstOrDefault() ?? Location.None;
        var name = Identifiers.Escape(property.Name);
        var typeName = property.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

        if (ownership.Count != 1)
        {
            var problem = ownership.Count == 0 ? "has no ownership attribute" : $"has {ownership.Count} ownership attributes";
            var at = ownership.Count == 0 ? propertyLocation : SyntaxLocations.Of(ownership[1].Attribute, cancellationToken);
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.MissingOwnership, at, property.Name, type.Name, problem));
            hasErrors = true;
        }

        var propertyProblem = DescribePropertyProblem(property);
        if (propertyProblem is not null)
        {
            diagnostics.Add(Diagnostic.Create(
                DiagnosticDescriptors.InvalidLayoutProperty,
                propertyLocation,
                property.Name,
                type.Name,
                propertyProblem,
                property.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
            hasErrors = true;
        }

        var declaration = property.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as PropertyDeclarationSyntax;
        var isReadOnlyMember = declaration?.Modifiers.Any(SyntaxKind.ReadOnlyKeyword) ?? false;
        var canStub = isPartialDefinition
            && !property.IsStatic
            && !property.IsIndexer
            && property.SetMethod is null
            && property.Type.TypeKind != TypeKind.Error
            && !property.ReturnsByRef
            && !property.ReturnsByRefReadonly;

        if (ownership.Count == 0)
        {
            var stubOnly = new FieldModel(
                name, typeName, FieldKind.Unsupported, "ulong", 64, false, 0, 0, PteOwner.Hardware, PteRole.None, "", null,
                GuestWrite.Default, false, false, Accessibility(property), isReadOnlyMember, canStub, HasErrors: true);
            return (stubOnly, propertyLocation);
        }

        var (attribute, owner) = (ownership[0].Attribute, ownership[0].Owner!.Value);
        var attributeLocation = SyntaxLocations.Of(attribute, cancellationToken);

        // The bit range: (bit) or (low, high), inclusive, LSB0.
        var arguments = attribute.ConstructorArguments;
        var low = arguments.Length > 0 && arguments[0].Value is int first ? first : 0;
        var high = arguments.Length > 1 && arguments[1].Value is int second ? second : low;
        var rangeProblem =
            low < 0 || high < 0 ? "bit numbers cannot be negative"
            : low > 63 || high > 63 ? "bits are numbered 0 to 63"
            : low > high ? $"the low bit {low} is above the high bit {high} (ranges are written (low, high), LSB0, both included)"
            : null;
        if (rangeProblem is not null)
        {
            diagnostics.Add(Diagnostic.Create(
                DiagnosticDescriptors.BitRangeOutOfRange,
                SyntaxLocations.OfConstructorArguments(attribute, cancellationToken),
                low,
                high,
                property.Name,
                rangeProblem));
            hasErrors = true;
            (low, high) = (0, 0);
        }

        var width = high - low + 1;
        var (kind, storageType, storageBits, storageIsSigned, typeProblem) = ClassifyType(property.Type, width);
        if (typeProblem is not null && rangeProblem is null && property.Type.TypeKind != TypeKind.Error)
        {
            diagnostics.Add(Diagnostic.Create(
                DiagnosticDescriptors.PropertyTypeCannotHoldField,
                propertyLocation,
                property.Name,
                low == high ? $"bit {low}" : $"bits {low}-{high}",
                width,
                width == 1 ? "" : "s",
                property.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
                typeProblem));
            hasErrors = true;
        }
        else if (typeProblem is not null)
        {
            hasErrors = true;
        }

        var whenText = "";
        var role = PteRole.None;
        var guestWrite = GuestWrite.Default;
        var relocatable = false;
        var optional = false;
        foreach (var named in attribute.NamedArguments)
        {
            switch (named.Key)
            {
                case "When":
                    whenText = NormalizeCondition(named.Value.Value as string);
                    break;
                case "Role" when named.Value.Value is int roleValue:
                    role = (PteRole)roleValue;
                    break;
                case "GuestWrite" when named.Value.Value is int writeValue:
                    guestWrite = (GuestWrite)writeValue;
                    break;
                case "Relocatable" when named.Value.Value is bool value:
                    relocatable = value;
                    break;
                case "Optional" when named.Value.Value is bool value:
                    optional = value;
                    break;
            }
        }

        var condition = ConditionParser.Parse(whenText, switches);
        if (condition.SyntaxError is not null)
        {
            diagnostics.Add(Diagnostic.Create(
                DiagnosticDescriptors.ConditionSyntaxError,
                SyntaxLocations.OfNamedArgument(attribute, "When", cancellationToken),
                whenText,
                property.Name,
                condition.SyntaxError));
            hasErrors = true;
        }
        else if (condition.UnknownNames.Count > 0)
        {
            var known = switches.HasSwitches
                ? $"'{ShortName(switches.TypeName)}' (its switches: {string.Join(", ", switches.Members.Select(m => m.Name))})"
                : $"'{type.Name}', which declares no switches type";
            foreach (var unknown in condition.UnknownNames)
            {
                diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.UnknownSwitch,
                    SyntaxLocations.OfNamedArgument(attribute, "When", cancellationToken),
                    whenText,
                    property.Name,
                    unknown,
                    known));
            }

            hasErrors = true;
        }

        var roleProblem = DescribeRoleProblem(role, owner, width);
        if (roleProblem is not null)
        {
            diagnostics.Add(Diagnostic.Create(
                DiagnosticDescriptors.InvalidRole,
                SyntaxLocations.OfNamedArgument(attribute, "Role", cancellationToken),
                role.ToString(),
                property.Name,
                roleProblem));
            hasErrors = true;
        }

        var relocationProblem =
            !Enum.IsDefined(typeof(GuestWrite), guestWrite) ? $"has GuestWrite = {(int)guestWrite}, which is not a GuestWrite value"
            : optional && !relocatable ? "is Optional but not Relocatable: only a claim whose bit is negotiated per domain can be left without one"
            : relocatable && width != 1 ? $"is Relocatable but {width} bits wide: negotiation moves single bits"
            : null;
        if (relocationProblem is not null)
        {
            var argumentName = relocationProblem.StartsWith("has GuestWrite", StringComparison.Ordinal) ? "GuestWrite"
                : optional && !relocatable ? "Optional"
                : "Relocatable";
            diagnostics.Add(Diagnostic.Create(
                DiagnosticDescriptors.InvalidRelocation,
                SyntaxLocations.OfNamedArgument(attribute, argumentName, cancellationToken),
                property.Name,
                relocationProblem));
            hasErrors = true;
        }

        var field = new FieldModel(
            name,
            typeName,
            kind,
            storageType,
            storageBits,
            storageIsSigned,
            low,
            high,
            owner,
            role,
            whenText,
            condition.IsValid ? condition.Condition : null,
            guestWrite,
            relocatable,
            optional,
            Accessibility(property),
            isReadOnlyMember,
            canStub,
            hasErrors);
        return (field, attributeLocation);
    }

    /// <summary>
    /// A condition as it is shown in messages and generated comments: trimmed, with every run of white space (line
    /// breaks included) made one space. White space never changes what a condition means.
    /// </summary>
    private static string NormalizeCondition(string? text)
    {
        var builder = new System.Text.StringBuilder();
        var space = false;
        foreach (var c in (text ?? "").Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static string? DescribePropertyProblem(IPropertySymbol property)
    {
        if (property.IsStatic)
        {
            return "is static";
        }

        if (property.IsIndexer)
        {
            return "is an indexer";
        }

        if (property.SetMethod is not null)
        {
            return property.SetMethod.IsInitOnly ? "has an init accessor (entries are immutable; use the generated With method)" : "has a setter (entries are immutable; use the generated With method)";
        }

        if (property.ReturnsByRef || property.ReturnsByRefReadonly)
        {
            return "returns by reference";
        }

        // Source properties must be partial definitions; properties read from metadata were checked when compiled.
        if (!property.IsPartialDefinition && property.DeclaringSyntaxReferences.Length > 0 && property.PartialDefinitionPart is null)
        {
            return "is not partial";
        }

        return null;
    }

    private static (FieldKind Kind, string StorageType, int StorageBits, bool StorageIsSigned, string? Problem) ClassifyType(ITypeSymbol type, int width)
    {
        if (type.SpecialType == SpecialType.System_Boolean)
        {
            return width == 1
                ? (FieldKind.Bool, "bool", 1, false, null)
                : (FieldKind.Bool, "bool", 1, false, "bool holds one bit; use an unsigned integer or an enum for a wider field");
        }

        var unsigned = UnsignedBits(type.SpecialType);
        if (unsigned is { } bits)
        {
            return width <= bits
                ? (FieldKind.Unsigned, Keyword(type.SpecialType), bits, false, null)
                : (FieldKind.Unsigned, Keyword(type.SpecialType), bits, false, $"it has only {bits} bits; use {SmallestUnsigned(width)}");
        }

        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying })
        {
            var underlyingBits = UnsignedBits(underlying.SpecialType) ?? SignedBits(underlying.SpecialType) ?? 64;
            var isSigned = SignedBits(underlying.SpecialType) is not null;
            var usable = isSigned ? underlyingBits - 1 : underlyingBits;
            return width <= usable
                ? (FieldKind.Enum, Keyword(underlying.SpecialType), underlyingBits, isSigned, null)
                : (FieldKind.Enum, Keyword(underlying.SpecialType), underlyingBits, isSigned, $"its underlying type {Keyword(underlying.SpecialType)} holds only {usable} value bits; declare the enum as ': {SmallestUnsigned(width)}'");
        }

        var problem = SignedBits(type.SpecialType) is not null
            ? "signed integers are not allowed (a field has no sign bit); use the unsigned type of the same size"
            : "use bool for one bit, or an unsigned integer or enum type";
        return (FieldKind.Unsupported, "ulong", 64, false, problem);
    }

    private static int? UnsignedBits(SpecialType type) => type switch
    {
        SpecialType.System_Byte => 8,
        SpecialType.System_UInt16 => 16,
        SpecialType.System_UInt32 => 32,
        SpecialType.System_UInt64 => 64,
        _ => null,
    };

    private static int? SignedBits(SpecialType type) => type switch
    {
        SpecialType.System_SByte => 8,
        SpecialType.System_Int16 => 16,
        SpecialType.System_Int32 => 32,
        SpecialType.System_Int64 => 64,
        _ => null,
    };

    private static string Keyword(SpecialType type) => type switch
    {
        SpecialType.System_Byte => "byte",
        SpecialType.System_UInt16 => "ushort",
        SpecialType.System_UInt32 => "uint",
        SpecialType.System_UInt64 => "ulong",
        SpecialType.System_SByte => "sbyte",
        SpecialType.System_Int16 => "short",
        SpecialType.System_Int32 => "int",
        SpecialType.System_Int64 => "long",
        _ => "ulong",
    };

    private static string SmallestUnsigned(int width) => width <= 8 ? "byte" : width <= 16 ? "ushort" : width <= 32 ? "uint" : "ulong";

    private static string? DescribeRoleProblem(PteRole role, PteOwner owner, int width)
    {
        if (!Enum.IsDefined(typeof(PteRole), role))
        {
            return $"is not a PteRole value";
        }

        if (role == PteRole.None)
        {
            return null;
        }

        var wantedOwner = role is PteRole.GuestKernel or PteRole.GrantMapping ? PteOwner.XenReserved : PteOwner.Hardware;
        if (owner != wantedOwner)
        {
            return $"belongs on a [{KnownNames.AttributeName(wantedOwner)}] claim, not a [{KnownNames.AttributeName(owner)}] one";
        }

        var multiBit = role is PteRole.Frame or PteRole.ProtectionKey;
        if (!multiBit && width != 1)
        {
            return $"marks a single bit, but the claim is {width} bits wide";
        }

        return null;
    }

    private static string Accessibility(ISymbol symbol) => symbol.DeclaredAccessibility switch
    {
        Microsoft.CodeAnalysis.Accessibility.Public => "public",
        Microsoft.CodeAnalysis.Accessibility.Internal => "internal",
        Microsoft.CodeAnalysis.Accessibility.Protected => "protected",
        Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal => "protected internal",
        Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal => "private protected",
        _ => "private",
    };

    private static string ShortName(string fullyQualified)
    {
        var index = fullyQualified.LastIndexOf('.');
        return index < 0 ? fullyQualified.Replace("global::", "") : fullyQualified.Substring(index + 1);
    }

    /// <summary>Reports user members that the generated part would redeclare, so the error is ours, not the compiler's.</summary>
    private static void CheckConflictingMembers(INamedTypeSymbol type, LayoutModel layout, List<Diagnostic> diagnostics)
    {
        var reserved = GeneratedNames.For(layout);

        // A generated member may not have the name of its enclosing type (CS0542): a layout named Raw, or FlagMask
        // beside a property Flag.
        if (reserved.Contains(type.Name) || type.Name is "Equals" or "GetHashCode" or "ToString")
        {
            diagnostics.Add(Diagnostic.Create(
                DiagnosticDescriptors.ConflictingMember,
                type.Locations.FirstOrDefault() ?? Location.None,
                type.Name,
                $"its own name, '{type.Name}'",
                $"member '{type.Name}' (a member cannot have the name of its type)"));
        }

        foreach (var member in type.GetMembers())
        {
            if (member.IsImplicitlyDeclared || IsDeclaredOnlyInGeneratedFile(member, layout.HintName))
            {
                continue;
            }

            var location = member.Locations.FirstOrDefault() ?? Location.None;
            string? conflict = null;
            string? generated = null;
            switch (member)
            {
                case IFieldSymbol { IsStatic: false, IsConst: false } field:
                    conflict = $"the instance field '{field.Name}'";
                    generated = "storage (an entry is exactly one ulong)";
                    break;
                case IMethodSymbol { MethodKind: MethodKind.Constructor, IsStatic: false, Parameters.Length: 1 } constructor
                    when constructor.Parameters[0].Type.SpecialType == SpecialType.System_UInt64:
                    conflict = "a constructor taking a ulong";
                    generated = "constructor from the raw value";
                    break;
                case IMethodSymbol method when IsGeneratedObjectMember(method, type, layout.Switches):
                    conflict = $"'{method.ToDisplayString(MemberFormat)}'";
                    generated = "equality and formatting members";
                    break;
                case IPropertySymbol or IFieldSymbol or IEventSymbol or INamedTypeSymbol
                    when member.Name is "Equals" or "GetHashCode" or "ToString":
                    // Not in GeneratedNames (user methods of these names may be legitimate overloads), but a property,
                    // field, event or type of that name collides with the generated method.
                    conflict = $"a member named '{member.Name}'";
                    generated = $"method '{member.Name}'";
                    break;
                case IMethodSymbol { MethodKind: MethodKind.Ordinary } or IPropertySymbol or IFieldSymbol or IEventSymbol or INamedTypeSymbol
                    when reserved.Contains(member.Name):
                    conflict = $"a member named '{member.Name}'";
                    generated = $"member '{member.Name}'";
                    break;
            }

            if (conflict is not null)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.ConflictingMember, location, type.Name, conflict, generated));
            }
        }
    }

    /// <summary>How PTE020 names a method: <c>Equals(object)</c>, <c>operator ==(Entry, Entry)</c>.</summary>
    private static readonly SymbolDisplayFormat MemberFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameOnly,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        memberOptions: SymbolDisplayMemberOptions.IncludeParameters,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    private static bool IsGeneratedObjectMember(IMethodSymbol method, INamedTypeSymbol type, SwitchSet switches) => method.Name switch
    {
        "Equals" => method.Parameters.Length == 1
            && (method.Parameters[0].Type.SpecialType == SpecialType.System_Object
                || SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, type)),
        "GetHashCode" => method.Parameters.Length == 0,
        // ToString() always; ToString(configuration) only when the layout has switches, and only for its switches enum.
        "ToString" => method.Parameters.Length == 0
            || (switches.HasSwitches
                && method.Parameters.Length == 1
                && method.Parameters[0].Type.TypeKind == TypeKind.Enum
                && method.Parameters[0].Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == switches.TypeName),
        "op_Equality" or "op_Inequality" => true,
        _ => false,
    };

    private static bool IsImplementedOutside(IPropertySymbol property, INamedTypeSymbol type) =>
        property.PartialImplementationPart is { } implementation
        && !IsDeclaredOnlyInGeneratedFile(implementation, HintNameOf(type));

    private static string HintNameOf(INamedTypeSymbol type)
    {
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } containing ? containing.ToDisplayString(NamespaceFormat) : "";
        var layout = new LayoutModel(ns, type.Name, GetContainingTypes(type), 0, SwitchSet.None, EquatableArray<FieldModel>.Empty);
        return layout.HintName;
    }

    /// <summary>Members of this layout's own generated file are PteGen's (the analyzer sees the generator's output).</summary>
    private static bool IsDeclaredOnlyInGeneratedFile(ISymbol member, string hintName) =>
        member.DeclaringSyntaxReferences.Length > 0
        && member.DeclaringSyntaxReferences.All(reference =>
            reference.SyntaxTree.FilePath.EndsWith(hintName, StringComparison.Ordinal)
            && reference.SyntaxTree.FilePath.IndexOf("PteGen.Generators", StringComparison.Ordinal) >= 0);
}
