using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PteGen.Generators.Helpers;
using PteGen.Generators.Model;
using PteGen.Generators.Parsing.Problems;

namespace PteGen.Generators.Parsing.Reading;

/// <summary>
/// Reads a <c>[PteLayout]</c> type's symbol and attributes into a <see cref="LayoutDeclaration"/>, and keeps the
/// symbols in a <see cref="SiteLocator"/> for the problems the rules find. It judges nothing.
/// </summary>
internal static class LayoutReader
{
    private static readonly SymbolDisplayFormat NamespaceFormat = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    /// <summary>How PTE020 names a method: <c>Equals(object)</c>, <c>operator ==(Entry, Entry)</c>.</summary>
    private static readonly SymbolDisplayFormat MemberFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameOnly,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        memberOptions: SymbolDisplayMemberOptions.IncludeParameters,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    public const string WarningHook = GeneratedNames.WarningHook;

    public static (LayoutDeclaration Declaration, SiteLocator Sites) Read(
        INamedTypeSymbol type,
        AttributeData layoutAttribute,
        LanguageVersion? languageVersion,
        CancellationToken cancellationToken)
    {
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } containing ? containing.ToDisplayString(NamespaceFormat) : "";
        var switches = ReadSwitches(layoutAttribute, cancellationToken);
        // Only a switches type with switches appears in the generated public members (IsValid(Cfg), HardwareBits(Cfg)...).
        if (switches.Problem == SwitchesProblem.None && switches.Switches.HasSwitches
            && IsPubliclyVisible(type) && layoutAttribute.ConstructorArguments[0].Value is INamedTypeSymbol switchesType && !IsPubliclyVisible(switchesType))
        {
            switches = switches with { Problem = SwitchesProblem.LessAccessible, Switches = SwitchSet.None };
        }
        int? level = null;
        var adjustGuest = true;
        string? warnWhen = null;
        string? guestAbiIndependentOf = null;
        foreach (var argument in layoutAttribute.NamedArguments)
        {
            switch (argument.Key)
            {
                case "Level" when argument.Value.Value is int value:
                    level = value;
                    break;
                case "AdjustGuest" when argument.Value.Value is bool adjust:
                    adjustGuest = adjust;
                    break;
                case "WarnWhen":
                    warnWhen = NormalizeCondition(argument.Value.Value as string);
                    break;
                case "GuestAbiIndependentOf":
                    guestAbiIndependentOf = argument.Value.Value as string ?? "";
                    break;
            }
        }

        var hintName = HintNameOf(type, ns);
        var claims = new List<ClaimDeclaration>();
        var claimSymbols = new List<ClaimSymbols>();
        var members = new List<MemberDeclaration>();
        var memberSymbols = new List<ISymbol>();
        var hooks = new List<HookDeclaration>();
        var fromSource = type.DeclaringSyntaxReferences.Length > 0;
        foreach (var member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member is IPropertySymbol property && ReadClaim(type, property, hintName, cancellationToken) is { } claim)
            {
                claims.Add(claim.Declaration);
                claimSymbols.Add(claim.Symbols);

                // A claim is a member too, and may be named like a generated one (a claim named Raw).
                if (fromSource && ReadMember(type, member, switches.Switches, memberSymbols.Count) is { } claimMember)
                {
                    memberSymbols.Add(member);
                    members.Add(claimMember);
                }

                continue;
            }

            // A layout read from metadata carries its generated members; only source members can collide with them.
            if (!fromSource || member.IsImplicitlyDeclared)
            {
                continue;
            }

            if (member is IMethodSymbol { Name: WarningHook } hook)
            {
                if (ReadHook(type, hook, hintName, memberSymbols.Count, cancellationToken) is { } hookDeclaration)
                {
                    memberSymbols.Add(hookDeclaration.Shape == HookShape.Implementation ? hook.PartialImplementationPart ?? hook : hook);
                    hooks.Add(hookDeclaration);
                }

                continue;
            }

            if (!IsDeclaredOnlyInGeneratedFile(member, hintName) && ReadMember(type, member, switches.Switches, memberSymbols.Count) is { } memberDeclaration)
            {
                memberSymbols.Add(member);
                members.Add(memberDeclaration);
            }
        }

        var declaration = new LayoutDeclaration(
            ns,
            Identifiers.Escape(type.Name),
            type.Name,
            KindOf(type),
            type.IsRefLikeType,
            IsPartial(type),
            IsFileLocal(type),
            HasModifier(type, SyntaxKind.UnsafeKeyword),
            TypeParameterList(type),
            fromSource,
            languageVersion,
            ContainingTypes(type)
                .Reverse()
                .Select(t => new ContainingDeclaration(Keyword(t), Identifiers.Escape(t.Name), t.Name, TypeParameterList(t), IsPartial(t), IsFileLocal(t), HasModifier(t, SyntaxKind.UnsafeKeyword)))
                .ToList(),
            switches,
            level,
            adjustGuest,
            warnWhen,
            claims,
            members,
            hooks,
            guestAbiIndependentOf);
        return (declaration, new SiteLocator(type, layoutAttribute, claimSymbols, memberSymbols, cancellationToken));
    }

    /// <summary>
    /// A condition as it is shown in messages and generated comments: trimmed, with every run of white space (line
    /// breaks included) made one space. White space never changes what a condition means.
    /// </summary>
    public static string NormalizeCondition(string? text)
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

    private static SwitchesArgument ReadSwitches(AttributeData layoutAttribute, CancellationToken cancellationToken)
    {
        if (layoutAttribute.ConstructorArguments.Length != 1
            || layoutAttribute.ConstructorArguments[0].Value is not ITypeSymbol switchesType)
        {
            return SwitchesArgument.Absent;
        }

        var display = switchesType.ToDisplayString();
        if (switchesType is not INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            return new SwitchesArgument(display, SwitchesProblem.NotAnEnum, SwitchSet.None);
        }

        if (!enumType.GetAttributes().Any(a => KnownNames.Is(a.AttributeClass, KnownNames.PteSwitchesAttribute)))
        {
            return new SwitchesArgument(display, SwitchesProblem.NotMarked, SwitchSet.None);
        }

        var parsed = SwitchSetParser.Parse(enumType, cancellationToken);
        return parsed.TooManySwitches
            ? new SwitchesArgument(display, SwitchesProblem.TooManySwitches, SwitchSet.None)
            : new SwitchesArgument(display, SwitchesProblem.None, parsed.Switches);
    }

    private static (ClaimDeclaration Declaration, ClaimSymbols Symbols)? ReadClaim(
        INamedTypeSymbol type,
        IPropertySymbol property,
        string hintName,
        CancellationToken cancellationToken)
    {
        var attributes = property.GetAttributes().Where(a => KnownNames.OwnerOf(a.AttributeClass) is not null).ToList();
        var implementedInUserCode = property.PartialImplementationPart is { } implementation
            && !IsDeclaredOnlyInGeneratedFile(implementation, hintName);
        if (attributes.Count == 0 && (!property.IsPartialDefinition || implementedInUserCode))
        {
            return null; // An ordinary property of the user's (or one the user implements); PteGen leaves it alone.
        }

        OwnershipArguments? arguments = null;
        if (attributes.Count > 0)
        {
            arguments = ReadOwnershipArguments(attributes[0]);
        }

        var declaration = property.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as PropertyDeclarationSyntax;
        var modifiers = declaration is null
            ? ""
            : string.Join(" ", declaration.Modifiers
                .Where(m => m.IsKind(SyntaxKind.UnsafeKeyword) || m.IsKind(SyntaxKind.NewKeyword))
                .Select(m => m.Text));
        var claim = new ClaimDeclaration(
            Identifiers.Escape(property.Name),
            property.Name,
            property.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            property.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
            TypeFactsOf(property.Type),
            property.IsStatic,
            property.IsIndexer,
            property.SetMethod is null ? AccessorShape.Get : property.SetMethod.IsInitOnly ? AccessorShape.GetInit : AccessorShape.GetSet,
            property.ReturnsByRef || property.ReturnsByRefReadonly,
            property.IsPartialDefinition,
            property.IsPartialDefinition || property.PartialDefinitionPart is not null || property.DeclaringSyntaxReferences.Length == 0,
            implementedInUserCode,
            modifiers,
            declaration?.Modifiers.Any(SyntaxKind.ReadOnlyKeyword) ?? false,
            declaration is null ? Accessibility(property) : WrittenAccessibility(declaration.Modifiers),
            attributes.Select(a => KnownNames.OwnerOf(a.AttributeClass)!.Value).ToList(),
            arguments,
            property.GetAttributes().Any(a =>
                a.AttributeClass?.ToDisplayString() == "System.ObsoleteAttribute"
                && a.ConstructorArguments.Length == 2
                && a.ConstructorArguments[1].Value is true));
        return (claim, new ClaimSymbols(property, attributes));
    }

    private static OwnershipArguments ReadOwnershipArguments(AttributeData attribute)
    {
        // The bit range: (bit) or (low, high), inclusive, LSB0.
        var positional = attribute.ConstructorArguments;
        var low = positional.Length > 0 && positional[0].Value is int first ? first : 0;
        var high = positional.Length > 1 && positional[1].Value is int second ? second : low;
        var whenText = "";
        var role = 0;
        var guestWrite = 0;
        var relocatable = false;
        var optional = false;
        foreach (var named in attribute.NamedArguments)
        {
            switch (named.Key)
            {
                case "When":
                    whenText = NormalizeCondition(named.Value.Value as string);
                    break;
                case "Role" when named.Value.Value is int value:
                    role = value;
                    break;
                case "GuestWrite" when named.Value.Value is int value:
                    guestWrite = value;
                    break;
                case "Relocatable" when named.Value.Value is bool value:
                    relocatable = value;
                    break;
                case "Optional" when named.Value.Value is bool value:
                    optional = value;
                    break;
            }
        }

        return new OwnershipArguments(low, high, whenText, role, guestWrite, relocatable, optional);
    }

    private static PropertyTypeFacts TypeFactsOf(ITypeSymbol type)
    {
        if (type.TypeKind == TypeKind.Error)
        {
            return new PropertyTypeFacts(TypeCategory.Error, 64, "ulong", false);
        }

        if (type.SpecialType == SpecialType.System_Boolean)
        {
            return new PropertyTypeFacts(TypeCategory.Bool, 1, "bool", false);
        }

        if (IntegerFacts(type.SpecialType) is { } integer)
        {
            return new PropertyTypeFacts(integer.Signed ? TypeCategory.Signed : TypeCategory.Unsigned, integer.Bits, integer.Keyword, integer.Signed);
        }

        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying })
        {
            var facts = IntegerFacts(underlying.SpecialType) ?? (64, "ulong", false);
            return new PropertyTypeFacts(TypeCategory.Enum, facts.Bits, facts.Keyword, facts.Signed);
        }

        return new PropertyTypeFacts(TypeCategory.Other, 64, "ulong", false);
    }

    private static (int Bits, string Keyword, bool Signed)? IntegerFacts(SpecialType type) => type switch
    {
        SpecialType.System_Byte => (8, "byte", false),
        SpecialType.System_UInt16 => (16, "ushort", false),
        SpecialType.System_UInt32 => (32, "uint", false),
        SpecialType.System_UInt64 => (64, "ulong", false),
        SpecialType.System_SByte => (8, "sbyte", true),
        SpecialType.System_Int16 => (16, "short", true),
        SpecialType.System_Int32 => (32, "int", true),
        SpecialType.System_Int64 => (64, "long", true),
        _ => null,
    };

    /// <summary>
    /// Reads a method named like the hook. The analyzer sees the generator's defining part too, the generator does
    /// not; both must read the same declaration, so a definition found only in the generated file counts as absent.
    /// </summary>
    private static HookDeclaration? ReadHook(INamedTypeSymbol type, IMethodSymbol method, string hintName, int index, CancellationToken cancellationToken)
    {
        var definitionIsGenerated = method.IsPartialDefinition && IsDeclaredOnlyInGeneratedFile(method, hintName);
        var user = definitionIsGenerated ? method.PartialImplementationPart : method;
        if (user is null)
        {
            return null; // Only the generated definition: the user does not implement the hook.
        }

        var signature = user.ToDisplayString(MemberFormat);
        var parameterName = user.Parameters.Length > 0 ? user.Parameters[0].Name : "";
        var matches = user.IsStatic
            && user.ReturnsVoid
            && user.TypeParameters.Length == 0
            && user.DeclaredAccessibility == Microsoft.CodeAnalysis.Accessibility.Private
            && user.Parameters.Length == 1
            && user.Parameters[0].RefKind == RefKind.None
            && SymbolEqualityComparer.Default.Equals(user.Parameters[0].Type, type);

        if (method.IsPartialDefinition && !definitionIsGenerated)
        {
            return new HookDeclaration(index, HookShape.Definition, matches, "", parameterName, signature);
        }

        if (!IsDeclaredPartial(user, cancellationToken))
        {
            return new HookDeclaration(index, HookShape.NotPartial, matches, "", parameterName, signature);
        }

        var explicitlyPrivate = user.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) is MethodDeclarationSyntax syntax && syntax.Modifiers.Any(SyntaxKind.PrivateKeyword));
        return new HookDeclaration(index, HookShape.Implementation, matches, DefinitionFor(user, cancellationToken), parameterName, signature, explicitlyPrivate);
    }

    private static bool IsDeclaredPartial(IMethodSymbol method, CancellationToken cancellationToken) =>
        method.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) is MethodDeclarationSyntax syntax && syntax.Modifiers.Any(SyntaxKind.PartialKeyword));

    /// <summary>
    /// The defining declaration that pairs with the user's implementing part, written from its own signature, so a
    /// layout with errors still compiles (its placeholder declares the hook the user implemented, whatever its shape).
    /// Empty when the signature names a type that does not resolve or is generic.
    /// </summary>
    private static string DefinitionFor(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (method.TypeParameters.Length > 0
            || method.ReturnType.TypeKind == TypeKind.Error
            || method.Parameters.Any(p => p.Type.TypeKind == TypeKind.Error)
            || method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not MethodDeclarationSyntax syntax)
        {
            return "";
        }

        var modifiers = syntax.Modifiers
            .Where(m => !m.IsKind(SyntaxKind.PartialKeyword) && !m.IsKind(SyntaxKind.AsyncKeyword) && !m.IsKind(SyntaxKind.ExternKeyword))
            .Select(m => m.Text)
            .Concat(new[] { "partial" });
        var parameters = method.Parameters.Select(p =>
            (p.IsParams ? "params " : "")
            + p.RefKind switch { RefKind.Ref => "ref ", RefKind.Out => "out ", RefKind.In => "in ", RefKind.RefReadOnlyParameter => "ref readonly ", _ => "" }
            + p.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)
            + " " + Identifiers.Escape(p.Name));
        var returns = (method.ReturnsByRef ? "ref " : method.ReturnsByRefReadonly ? "ref readonly " : "")
            + (method.ReturnsVoid ? "void" : method.ReturnType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
        return $"{string.Join(" ", modifiers)} {returns} {WarningHook}({string.Join(", ", parameters)});";
    }

    private static MemberDeclaration? ReadMember(INamedTypeSymbol type, ISymbol member, SwitchSet switches, int index)
    {
        switch (member)
        {
            case IFieldSymbol { IsStatic: false, IsConst: false } field:
                return new MemberDeclaration(index, field.Name, MemberShape.InstanceField, $"the instance field '{field.Name}'");
            case IMethodSymbol { MethodKind: MethodKind.Constructor, IsStatic: false, Parameters.Length: 1 } constructor
                when constructor.Parameters[0].Type.SpecialType == SpecialType.System_UInt64:
                return new MemberDeclaration(index, member.Name, MemberShape.RawConstructor, "a constructor taking a ulong");
            case IMethodSymbol method when IsGeneratedObjectMember(method, type, switches):
                return new MemberDeclaration(index, member.Name, MemberShape.ObjectMemberSignature, $"'{method.ToDisplayString(MemberFormat)}'");
            case IPropertySymbol or IFieldSymbol or IEventSymbol or INamedTypeSymbol when member.Name is "Equals" or "GetHashCode" or "ToString":
                return new MemberDeclaration(index, member.Name, MemberShape.ObjectMemberName, $"a member named '{member.Name}'");
            case IMethodSymbol { MethodKind: MethodKind.Ordinary } or IPropertySymbol or IFieldSymbol or IEventSymbol or INamedTypeSymbol:
                return new MemberDeclaration(index, member.Name, MemberShape.Named, $"a member named '{member.Name}'");
            default:
                return null;
        }
    }

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

    private static DeclaredKind KindOf(INamedTypeSymbol type) => type.TypeKind switch
    {
        TypeKind.Struct => type.IsRecord ? DeclaredKind.RecordStruct : DeclaredKind.Struct,
        TypeKind.Class => type.IsRecord ? DeclaredKind.RecordClass : DeclaredKind.Class,
        TypeKind.Interface => DeclaredKind.Interface,
        TypeKind.Enum => DeclaredKind.Enum,
        TypeKind.Delegate => DeclaredKind.Delegate,
        _ => DeclaredKind.Other,
    };

    /// <summary>Whether every source declaration of the type says <c>partial</c> (metadata types count as partial).</summary>
    private static bool IsPartial(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.All(reference =>
            reference.GetSyntax() is not TypeDeclarationSyntax declaration
            || declaration.Modifiers.Any(SyntaxKind.PartialKeyword));

    /// <summary>Whether another assembly can see the type: it and every type around it are public or protected.</summary>
    private static bool IsPubliclyVisible(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (current.DeclaredAccessibility is not (Microsoft.CodeAnalysis.Accessibility.Public
                or Microsoft.CodeAnalysis.Accessibility.Protected
                or Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasModifier(INamedTypeSymbol type, SyntaxKind modifier) =>
        type.DeclaringSyntaxReferences.Any(reference =>
            reference.GetSyntax() is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(modifier));

    /// <summary>A <c>file</c> type: another file, where the generated part lives, cannot add to it.</summary>
    private static bool IsFileLocal(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.Any(reference =>
            reference.GetSyntax() is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.FileKeyword));

    private static IEnumerable<INamedTypeSymbol> ContainingTypes(INamedTypeSymbol type)
    {
        for (var containing = type.ContainingType; containing is not null; containing = containing.ContainingType)
        {
            yield return containing;
        }
    }

    private static string TypeParameterList(INamedTypeSymbol type) =>
        type.TypeParameters.Length == 0 ? "" : "<" + string.Join(", ", type.TypeParameters.Select(p => Identifiers.Escape(p.Name))) + ">";

    private static string Keyword(INamedTypeSymbol type) => type.TypeKind switch
    {
        TypeKind.Struct when type.IsRecord => "record struct",
        TypeKind.Struct => "struct",
        TypeKind.Interface => "interface",
        TypeKind.Class when type.IsRecord => "record",
        _ => "class",
    };

    /// <summary>
    /// The accessibility keywords as the user wrote them, empty for none: the implementing part must repeat exactly
    /// that (an implicit private and an explicit one differ, CS8799).
    /// </summary>
    private static string WrittenAccessibility(SyntaxTokenList modifiers) =>
        string.Join(" ", modifiers
            .Where(m => m.IsKind(SyntaxKind.PublicKeyword) || m.IsKind(SyntaxKind.InternalKeyword) || m.IsKind(SyntaxKind.ProtectedKeyword) || m.IsKind(SyntaxKind.PrivateKeyword))
            .Select(m => m.Text));

    private static string Accessibility(ISymbol symbol) => symbol.DeclaredAccessibility switch
    {
        Microsoft.CodeAnalysis.Accessibility.Public => "public",
        Microsoft.CodeAnalysis.Accessibility.Internal => "internal",
        Microsoft.CodeAnalysis.Accessibility.Protected => "protected",
        Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal => "protected internal",
        Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal => "private protected",
        _ => "private",
    };

    private static string HintNameOf(INamedTypeSymbol type, string ns)
    {
        var containing = ContainingTypes(type).Reverse().Select(t => new ContainingType(Keyword(t), Identifiers.Escape(t.Name))).ToEquatableArray();
        return new LayoutModel(ns, Identifiers.Escape(type.Name), containing, 0, SwitchSet.None, EquatableArray<FieldModel>.Empty).HintName;
    }

    /// <summary>
    /// Members of this layout's own generated file are PteGen's (the analyzer sees the generator's output). The file
    /// is the hint name, or the hint name with a number when two layouts' names differ only in case.
    /// </summary>
    private static bool IsDeclaredOnlyInGeneratedFile(ISymbol member, string hintName) =>
        member.DeclaringSyntaxReferences.Length > 0
        && member.DeclaringSyntaxReferences.All(reference =>
            reference.SyntaxTree.FilePath.IndexOf("PteGen.Generators", StringComparison.Ordinal) >= 0
            && HintNames.IsFileOf(Path(reference.SyntaxTree.FilePath), hintName));

    private static string Path(string filePath)
    {
        var slash = Math.Max(filePath.LastIndexOf('/'), filePath.LastIndexOf('\\'));
        return slash < 0 ? filePath : filePath.Substring(slash + 1);
    }
}
