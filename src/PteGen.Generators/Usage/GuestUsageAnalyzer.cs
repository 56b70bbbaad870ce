using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PteGen.Generators.Diagnostics;
using PteGen.Generators.Helpers;
using PteGen.Generators.Model;
using PteGen.Generators.Parsing;
using PteGen.Generators.Usage.Flow;
using PteGen.Generators.Validation;

namespace PteGen.Generators.Usage;

/// <summary>
/// The guest-side rules: guest code must not write bits the hypervisor reserves under the configurations it may run
/// under (PTE101), its own software bits must be guest-available in all of them (PTE102), reading a reserved bit is
/// worth knowing (PTE103, off by default), and raw arithmetic that a generated accessor expresses gets a suggestion
/// (PTE104). Runs only in guest projects (<c>PteGenRole</c>, or by default a project that declares no layout).
/// </summary>
[DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class GuestUsageAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the bit a colliding software-bit constant can move to (PTE102).</summary>
    public const string MoveToProperty = "MoveTo";

    /// <summary>Diagnostic property: the expression that replaces the raw arithmetic (PTE104).</summary>
    public const string ReplacementProperty = "Replacement";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.GuestWritesXenBit,
        DiagnosticDescriptors.SoftwareBitNotPortable,
        DiagnosticDescriptors.GuestReadsXenBit,
        DiagnosticDescriptors.UseGeneratedAccessor);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var options = PteGenOptions.Read(start.Options);
            if (!IsGuest(options, start.Compilation, start.CancellationToken))
            {
                return;
            }

            var catalog = new LayoutCatalog(options);
            var flowContext = new FlowContext(start.Compilation, catalog);
            start.RegisterOperationBlockAction(block => AnalyzeBlock(block, catalog, flowContext));
            start.RegisterSymbolAction(symbol => AnalyzeSoftwareBits(symbol, catalog), SymbolKind.NamedType);
        });
    }

    /// <summary>
    /// A project is a guest when <c>PteGenRole</c> says so, or, by default, when it declares no layout of its own (a
    /// project that declares layouts is the hypervisor side, which sets Xen's bits by design).
    /// </summary>
    internal static bool IsGuest(PteGenOptions options, Compilation compilation, CancellationToken cancellationToken) =>
        options.Role switch
        {
            ProjectRole.Guest => true,
            ProjectRole.Hypervisor => false,
            _ => !DeclaresLayouts(compilation, cancellationToken),
        };

    /// <summary>
    /// A syntax-only scan of type declarations for <c>[PteLayout]</c>, under its own name or an alias of it
    /// (<c>using PL = PteGen.PteLayoutAttribute;</c>, global or not: an alias in any file counts in every file);
    /// never looks inside member bodies.
    /// </summary>
    internal static bool DeclaresLayouts(Compilation compilation, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal) { "PteLayout", "PteLayoutAttribute" };
        var roots = new List<SyntaxNode>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var root = tree.GetRoot(cancellationToken);
            roots.Add(root);
            foreach (var node in root.DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax))
            {
                if (node is UsingDirectiveSyntax { Alias: { } alias } directive && directive.Name is { } target
                    && RightmostName(target) is "PteLayout" or "PteLayoutAttribute")
                {
                    names.Add(alias.Name.Identifier.ValueText);
                    names.Add(alias.Name.Identifier.ValueText + "Attribute");
                }
            }
        }

        foreach (var root in roots)
        {
            var nodes = root.DescendantNodes(node =>
                node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax or AttributeListSyntax);
            foreach (var node in nodes)
            {
                if (node is AttributeSyntax attribute && names.Contains(RightmostName(attribute.Name)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string RightmostName(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => "",
    };

    private static void AnalyzeBlock(OperationBlockAnalysisContext context, LayoutCatalog catalog, FlowContext flowContext)
    {
        foreach (var root in context.OperationBlocks)
        {
            // One walk: the checks that need no data flow run at once; the read rules wait until the walk has seen
            // every assignment (and run only when the block reads some layout's raw bits); the bit analysis builds a
            // control-flow graph only when the block has a place where a value can become an entry, and a constant that
            // can force a bit Xen reserves there (WriteScreen).
            var flow = new RawFlow(catalog, context.CancellationToken);
            List<IBinaryOperation>? bitOperations = null;
            var readsRaw = false;
            var screen = new WriteScreen(flowContext, context.CancellationToken);
            foreach (var operation in root.DescendantsAndSelf())
            {
                flow.Observe(operation);
                screen.Observe(operation);
                switch (operation)
                {
                    case IInvocationOperation invocation:
                        CheckWith(context, catalog, invocation);
                        break;
                    case IPropertyReferenceOperation property:
                        readsRaw |= IsRaw(property, catalog, context.CancellationToken);
                        CheckFieldRead(context, catalog, property);
                        break;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Or or BinaryOperatorKind.ExclusiveOr or BinaryOperatorKind.And } binary:
                        (bitOperations ??= new List<IBinaryOperation>()).Add(binary);
                        break;
                }
            }

            if (readsRaw && bitOperations is not null)
            {
                flow.Complete();
                foreach (var binary in bitOperations)
                {
                    CheckBitOperation(context, flow, binary);
                }
            }

            if (screen.NeedsFlow && GraphOf(context, root) is { } graph)
            {
                var method = root is IFieldInitializerOperation or IPropertyInitializerOperation or IParameterInitializerOperation ? null : context.OwningSymbol as IMethodSymbol;
                ReportFindings(context, FlowFamily.Analyze(graph, method, flowContext, context.CancellationToken).Findings);
            }
        }
    }

    /// <summary>The control-flow graph of an operation block (the context builds it for the block's root), except attributes'.</summary>
    private static ControlFlowGraph? GraphOf(OperationBlockAnalysisContext context, IOperation root) =>
        root.Kind is OperationKind.Attribute or OperationKind.None ? null : context.GetControlFlowGraph(root);

    private static void ReportFindings(OperationBlockAnalysisContext context, IReadOnlyCollection<Finding> findings)
    {
        foreach (var finding in findings)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.GuestWritesXenBit,
                finding.Writer.Syntax.GetLocation(),
                finding.Verb,
                BitRanges.Describe(finding.Bits),
                finding.Layout.Name,
                finding.Layout.DescribeXenBits(finding.Bits)));
        }
    }

    private static bool IsRaw(IPropertyReferenceOperation property, LayoutCatalog catalog, CancellationToken cancellationToken) =>
        property.Property is { Name: "Raw", IsStatic: false, Type.SpecialType: SpecialType.System_UInt64 }
        && catalog.Get(property.Property.ContainingType, cancellationToken) is not null;

    /// <summary><c>entry.WithGuestKernel(...)</c>: a With method writes (sets or clears) every bit of its field.</summary>
    private static void CheckWith(OperationBlockAnalysisContext context, LayoutCatalog catalog, IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.IsStatic || method.Parameters.Length != 1 || !method.Name.StartsWith("With", System.StringComparison.Ordinal)
            || catalog.Get(method.ContainingType, context.CancellationToken) is not { } layout
            || layout.FieldForWith(method.Name) is not { } field)
        {
            return;
        }

        // e.WithGuestKernel(old.GuestKernel) copies Xen's bit from an entry unchanged, as a guest that keeps it must.
        if (RawFlow.Unwrap(invocation.Arguments[0].Value) is IPropertyReferenceOperation { Instance: not null } copied
            && copied.Property.Name == Identifiers.Unescape(field.Name)
            && SymbolEqualityComparer.Default.Equals(copied.Property.ContainingType, layout.Type))
        {
            return;
        }

        var xen = layout.XenBitsAmong(field.Mask);
        if (xen != 0)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.GuestWritesXenBit,
                invocation.Syntax.GetLocation(),
                "writes",
                BitRanges.Describe(xen),
                layout.Name,
                layout.DescribeXenBits(xen)));
        }
    }

    /// <summary>Reading a field whose bits Xen reserves (PTE103, off by default).</summary>
    private static void CheckFieldRead(OperationBlockAnalysisContext context, LayoutCatalog catalog, IPropertyReferenceOperation reference)
    {
        if (reference.Property.IsStatic
            || reference.Parent is INameOfOperation
            || catalog.Get(reference.Property.ContainingType, context.CancellationToken) is not { } layout
            || layout.FieldForProperty(reference.Property.Name) is not { } field)
        {
            return;
        }

        ReportRead(context, layout, reference.Syntax, field.Mask);
    }

    /// <summary>
    /// <c>raw &amp; C</c> tested (PTE103, a read), and <c>raw | C</c>, <c>raw &amp; C</c> that a generated accessor says
    /// better (PTE104), on an entry's raw bits with a constant operand.
    /// </summary>
    private static void CheckBitOperation(OperationBlockAnalysisContext context, RawFlow flow, IBinaryOperation binary)
    {
        if (!TrySplit(flow, binary.LeftOperand, binary.RightOperand, out var layout, out var constant)
            && !TrySplit(flow, binary.RightOperand, binary.LeftOperand, out layout, out constant))
        {
            return;
        }

        SuggestAccessor(context, layout, binary, constant);
        if (binary.OperatorKind == BinaryOperatorKind.And && IsTested(binary))
        {
            ReportRead(context, layout, binary.Syntax, constant);
        }
    }

    private static bool TrySplit(RawFlow flow, IOperation raw, IOperation other, out GuestLayout layout, out ulong constant)
    {
        layout = null!;
        constant = 0;
        if (flow.LayoutOf(raw) is not { } found || !TryGetConstant(other, out constant))
        {
            return false;
        }

        layout = found;
        return true;
    }

    /// <summary>A compile-time constant operand (literals, const fields, enum constants, constant shifts and ~).</summary>
    private static bool TryGetConstant(IOperation operation, out ulong value)
    {
        value = 0;
        if (!operation.ConstantValue.HasValue)
        {
            return false;
        }

        switch (operation.ConstantValue.Value)
        {
            case ulong v: value = v; return true;
            case long v: value = unchecked((ulong)v); return true;
            case uint v: value = v; return true;
            case int v: value = unchecked((ulong)(long)v); return true;
            case ushort v: value = v; return true;
            case short v: value = unchecked((ulong)(long)v); return true;
            case byte v: value = v; return true;
            case sbyte v: value = unchecked((ulong)(long)v); return true;
            default: return false;
        }
    }

    /// <summary>Whether the value of a bit operation is only tested (compared, matched, a condition).</summary>
    private static bool IsTested(IOperation operation)
    {
        var current = operation;
        while (true)
        {
            var parent = current.Parent;
            switch (parent)
            {
                case IConversionOperation or IParenthesizedOperation:
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Or or BinaryOperatorKind.And or BinaryOperatorKind.ExclusiveOr }:
                case IConditionalOperation conditional when !ReferenceEquals(conditional.Condition, current):
                    current = parent;
                    continue;
                case IBinaryOperation:
                case IIsPatternOperation:
                case ISwitchOperation:
                case ISwitchExpressionOperation:
                case IConditionalOperation:
                case IWhileLoopOperation:
                    return true;
                default:
                    return false;
            }
        }
    }

    private static void ReportRead(OperationBlockAnalysisContext context, GuestLayout layout, SyntaxNode syntax, ulong bits)
    {
        var xen = layout.XenBitsAmong(bits);
        if (xen == 0)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.GuestReadsXenBit,
            syntax.GetLocation(),
            BitRanges.Describe(xen),
            layout.Name,
            layout.DescribeXenBits(xen)));
    }

    /// <summary>
    /// PTE104: <c>new L(x.Raw | FMask)</c> is <c>x.WithF(true)</c>, <c>new L(x.Raw &amp; ~FMask)</c> is <c>x.WithF(false)</c>,
    /// <c>(x.Raw &amp; FMask) != 0</c> is <c>x.F</c> and <c>== 0</c> is <c>!x.F</c>, for one-bit fields.
    /// </summary>
    private static void SuggestAccessor(OperationBlockAnalysisContext context, GuestLayout layout, IBinaryOperation binary, ulong constant)
    {
        var raw = DirectRaw(binary.LeftOperand) ?? DirectRaw(binary.RightOperand);
        if (raw?.Instance is null || !SymbolEqualityComparer.Default.Equals(raw.Property.ContainingType, layout.Type))
        {
            return;
        }

        // The receiver as written before ".Raw", parentheses included: IOperation drops them, and "((L1e)x).Raw" or
        // "(c ? a : b).Raw" must not become "(L1e)x.WithF(true)" or "c ? a : b.F".
        var receiver = (raw.Syntax is MemberAccessExpressionSyntax access ? access.Expression : raw.Instance.Syntax).ToString();
        string? replacement = null;
        SyntaxNode? target = null;
        var parent = Outer(binary);
        if (binary.OperatorKind is BinaryOperatorKind.Or or BinaryOperatorKind.And
            && parent is IArgumentOperation { Parent: IObjectCreationOperation creation }
            && SymbolEqualityComparer.Default.Equals(creation.Type, layout.Type))
        {
            var set = binary.OperatorKind == BinaryOperatorKind.Or;
            if (BoolField(layout, set ? constant : ~constant) is { } field)
            {
                replacement = $"{receiver}.{GeneratedNames.With(field.Name)}({(set ? "true" : "false")})";
                target = creation.Syntax;
            }
        }
        else if (binary.OperatorKind == BinaryOperatorKind.And
            && parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison
            && BoolField(layout, constant) is { } field
            && (TryGetConstant(comparison.LeftOperand, out var zero) || TryGetConstant(comparison.RightOperand, out zero))
            && zero == 0)
        {
            replacement = comparison.OperatorKind == BinaryOperatorKind.NotEquals ? $"{receiver}.{field.Name}" : $"!{receiver}.{field.Name}";
            target = comparison.Syntax;
        }

        if (replacement is null || target is null)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.UseGeneratedAccessor,
            target.GetLocation(),
            ImmutableDictionary<string, string?>.Empty.Add(ReplacementProperty, replacement),
            replacement,
            layout.Name));
    }

    /// <summary><c>x.Raw</c> itself (not a local holding it), the only form the accessor suggestion rewrites.</summary>
    private static IPropertyReferenceOperation? DirectRaw(IOperation operand) =>
        RawFlow.Unwrap(operand) is IPropertyReferenceOperation { Property.Name: "Raw", Instance: not null } raw ? raw : null;

    private static IOperation? Outer(IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        return parent;
    }

    private static FieldModel? BoolField(GuestLayout layout, ulong mask) => layout.BoolAccessorFor(mask);

    /// <summary>
    /// PTE102: <c>[GuestSoftwareBits(typeof(L))]</c> constants and enums must use portable bits only, once for each layout
    /// they name. A declaration whose feature the hypervisor never offers (<c>FeatureNeverOffered</c>) is not checked,
    /// but its bits stay taken when a free bit is suggested for a sibling.
    /// </summary>
    private static void AnalyzeSoftwareBits(SymbolAnalysisContext context, LayoutCatalog catalog)
    {
        // One pass over a type's members: each member's declarations are read once, and the bits its siblings use
        // are one union per layout (a member's own bits are excluded from a suggestion anyway), so a type with
        // thousands of constants costs linear time.
        if (context.Symbol is not INamedTypeSymbol type)
        {
            return;
        }

        var isEnum = type.TypeKind == TypeKind.Enum;
        var typeDeclarations = isEnum ? SoftwareBitsDeclarations(type, catalog, context.CancellationToken) : null;
        if (isEnum && typeDeclarations!.Count == 0)
        {
            return;
        }

        var checkedMembers = new List<(IFieldSymbol Field, List<SoftwareBitsDeclaration> Declarations)>();
        var usedByLayout = new Dictionary<INamedTypeSymbol, ulong>(SymbolEqualityComparer.Default);
        foreach (var member in type.GetMembers())
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (member is not IFieldSymbol field || !(isEnum ? field.HasConstantValue : field.IsConst))
            {
                continue;
            }

            var declarations = typeDeclarations ?? SoftwareBitsDeclarations(field, catalog, context.CancellationToken);
            if (declarations.Count == 0)
            {
                continue;
            }

            checkedMembers.Add((field, declarations));
            var value = field.HasConstantValue && TryGetUnsigned(field.ConstantValue, out var bits) ? bits : 0;
            foreach (var declaration in declarations)
            {
                usedByLayout[declaration.Layout.Type] = usedByLayout.TryGetValue(declaration.Layout.Type, out var used) ? used | value : value;
            }
        }

        foreach (var (field, declarations) in checkedMembers)
        {
            var suggestable = PortableInAll(declarations);
            foreach (var declaration in declarations)
            {
                if (!declaration.FeatureNeverOffered)
                {
                    CheckSoftwareBits(context, declaration.Layout, suggestable, field, usedByLayout[declaration.Layout.Type]);
                }
            }
        }
    }

    /// <summary>One <c>[GuestSoftwareBits]</c> on a symbol: the layout it names, and whether its feature is never offered.</summary>
    private readonly record struct SoftwareBitsDeclaration(GuestLayout Layout, bool FeatureNeverOffered);

    /// <summary>The symbol's <c>[GuestSoftwareBits]</c> attributes that name a usable layout, one per layout (the first wins).</summary>
    private static List<SoftwareBitsDeclaration> SoftwareBitsDeclarations(ISymbol symbol, LayoutCatalog catalog, CancellationToken cancellationToken)
    {
        var declarations = new List<SoftwareBitsDeclaration>();
        foreach (var attribute in symbol.GetAttributes())
        {
            if (KnownNames.Is(attribute.AttributeClass, "GuestSoftwareBitsAttribute")
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is ITypeSymbol layoutType
                && catalog.Get(layoutType, cancellationToken) is { } layout
                && !declarations.Any(existing => SymbolEqualityComparer.Default.Equals(existing.Layout.Type, layout.Type)))
            {
                var neverOffered = attribute.NamedArguments.Any(argument =>
                    argument.Key == "FeatureNeverOffered" && argument.Value.Value is true);
                declarations.Add(new SoftwareBitsDeclaration(layout, neverOffered));
            }
        }

        return declarations;
    }

    /// <summary>The bits portable in every layout a declaration names: a suggested move must fit all of them.</summary>
    private static ulong PortableInAll(List<SoftwareBitsDeclaration> declarations)
    {
        var bits = ulong.MaxValue;
        foreach (var declaration in declarations)
        {
            bits &= declaration.Layout.PortableGuestBits();
        }

        return bits;
    }

    /// <param name="used">The bits used by the declarations of the same type for the same layout (this one's included).</param>
    private static void CheckSoftwareBits(SymbolAnalysisContext context, GuestLayout layout, ulong suggestable, IFieldSymbol field, ulong used)
    {
        if (!field.HasConstantValue || !TryGetUnsigned(field.ConstantValue, out var bits) || bits == 0)
        {
            return;
        }

        var portable = layout.PortableGuestBits();
        var colliding = bits & ~portable;
        if (colliding == 0)
        {
            return;
        }

        // A single-bit declaration can move to the lowest bit that is portable in every layout it names and that no
        // sibling uses, if the type can hold it.
        var properties = ImmutableDictionary<string, string?>.Empty;
        string advice;
        var free = suggestable & ~used & ~bits & MaxValueOf(field.Type);
        if (!BitRanges.IsSingleBit(bits))
        {
            advice = "";
        }
        else if (free != 0)
        {
            var target = LowestBit(free);
            properties = properties.Add(MoveToProperty, target.ToString(System.Globalization.CultureInfo.InvariantCulture));
            advice = $"; bit {target} is guest-available in every configuration";
        }
        else
        {
            advice = "; no bit that is guest-available in every configuration is left for it";
        }

        var location = field.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(context.CancellationToken).GetLocation()
            ?? field.Locations.FirstOrDefault()
            ?? Location.None;
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.SoftwareBitNotPortable,
            location,
            properties,
            field.Name,
            BitRanges.Describe(colliding),
            layout.Name,
            layout.DescribeNonGuestOwners(colliding),
            advice));
    }

    private static ulong MaxValueOf(ITypeSymbol type)
    {
        var special = type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying } ? underlying.SpecialType : type.SpecialType;
        return special switch
        {
            SpecialType.System_Byte => 0xFF,
            SpecialType.System_SByte => 0x7F,
            SpecialType.System_UInt16 => 0xFFFF,
            SpecialType.System_Int16 => 0x7FFF,
            SpecialType.System_UInt32 => 0xFFFF_FFFF,
            SpecialType.System_Int32 => 0x7FFF_FFFF,
            SpecialType.System_Int64 => 0x7FFF_FFFF_FFFF_FFFF,
            _ => ulong.MaxValue,
        };
    }

    /// <summary>
    /// A software-bit constant's bits within its own type: <c>1 &lt;&lt; 31</c> as an <c>int</c> is bit 31 and
    /// <c>1L &lt;&lt; 63</c> (or an enum member <c>= long.MinValue</c>) is bit 63, negative as they are.
    /// </summary>
    private static bool TryGetUnsigned(object? constant, out ulong value)
    {
        switch (constant)
        {
            case int v: value = unchecked((uint)v); return true;
            case short v: value = unchecked((ushort)v); return true;
            case sbyte v: value = unchecked((byte)v); return true;
            default: return IntegerType.TryGetBits(constant, out value);
        }
    }

    private static int LowestBit(ulong bits)
    {
        var bit = 0;
        while ((bits & 1) == 0)
        {
            bits >>= 1;
            bit++;
        }

        return bit;
    }
}
