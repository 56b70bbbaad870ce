using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
using PteGen.Generators.Parsing;

namespace PteGen.Generators.Usage.Flow;

/// <summary>
/// The places where a value becomes an entry, as one compilation sees them: a layout's constructor, a member marked
/// <c>[PteValue(typeof(L))]</c>, and an entry's own storage reached through a pointer, <c>Unsafe.As</c> or
/// <c>MemoryMarshal.Cast</c>. Symbol facts are computed once per compilation.
/// </summary>
internal sealed class EntrySinks
{
    private readonly LayoutCatalog _catalog;
    private readonly ConcurrentDictionary<ISymbol, ImmutableArray<GuestLayout>> _marked = new(SymbolEqualityComparer.Default);

    public EntrySinks(LayoutCatalog catalog) => _catalog = catalog;

    /// <summary><c>new L(raw)</c>: the layout, when the constructor takes one integer (the raw entry).</summary>
    public GuestLayout? Constructor(IObjectCreationOperation creation, CancellationToken cancellationToken) =>
        creation.Constructor is { Parameters.Length: 1 } constructor
        && IntegerType.Of(constructor.Parameters[0].Type) is not null
            ? _catalog.Get(creation.Type, cancellationToken)
            : null;

    /// <summary>The layouts whose raw entries a parameter, field or property holds, by <c>[PteValue]</c>.</summary>
    public ImmutableArray<GuestLayout> Marked(ISymbol symbol, CancellationToken cancellationToken)
    {
        if (symbol is not (IParameterSymbol or IFieldSymbol or IPropertySymbol))
        {
            return ImmutableArray<GuestLayout>.Empty;
        }

        symbol = symbol.OriginalDefinition;
        return _marked.GetOrAdd(symbol, s =>
        {
            ImmutableArray<GuestLayout>.Builder? layouts = null;
            foreach (var attribute in s.GetAttributes())
            {
                if (KnownNames.Is(attribute.AttributeClass, "PteValueAttribute")
                    && attribute.ConstructorArguments.Length == 1
                    && attribute.ConstructorArguments[0].Value is ITypeSymbol type
                    && _catalog.Get(type, cancellationToken) is { } layout)
                {
                    (layouts ??= ImmutableArray.CreateBuilder<GuestLayout>()).Add(layout);
                }
            }

            return layouts?.ToImmutable() ?? ImmutableArray<GuestLayout>.Empty;
        });
    }

    /// <summary>
    /// The layout whose entry's own storage <paramref name="target"/> is: <c>*q</c> or <c>q[i]</c> with q pointing into
    /// entries, <c>Unsafe.As&lt;L, ulong&gt;(ref e)</c>, a <c>ref ulong</c> local bound to one, an element of a span cast
    /// from entries; or a field or property marked <c>[PteValue]</c>.
    /// </summary>
    public ImmutableArray<GuestLayout> Storage(IOperation target, IReadOnlyDictionary<ILocalSymbol, GuestLayout> pointers, CancellationToken cancellationToken)
    {
        switch (target)
        {
            case IFieldReferenceOperation field:
                return Marked(field.Field, cancellationToken);
            case IArrayElementReferenceOperation { ArrayReference: IFieldReferenceOperation array }:
                return Marked(array.Field, cancellationToken); // a marked ulong[]: a shadow page table
            case IArrayElementReferenceOperation { ArrayReference: IPropertyReferenceOperation array }:
                return Marked(array.Property, cancellationToken);
            case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } instance }:
                return One(PointsInto(instance, pointers, cancellationToken));
            case IPropertyReferenceOperation property:
                return Marked(property.Property, cancellationToken);
            case IInvocationOperation invocation:
                return One(PointsInto(invocation, pointers, cancellationToken));
            case ILocalReferenceOperation { Local.RefKind: not RefKind.None } local:
                return One(pointers.TryGetValue(local.Local, out var layout) ? layout : null);
            case IParameterReferenceOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } parameter:
                return Marked(parameter.Parameter, cancellationToken);
        }

        // IOperation has no node for "*q" and pointer element access: the child is the pointer.
        if (target.Kind == OperationKind.None
            && target.Syntax.Kind() is SyntaxKind.PointerIndirectionExpression or SyntaxKind.ElementAccessExpression)
        {
            foreach (var child in target.ChildOperations)
            {
                return One(PointsInto(child, pointers, cancellationToken));
            }
        }

        return ImmutableArray<GuestLayout>.Empty;
    }

    /// <summary>
    /// The layout whose entries a pointer, reference or span value points into: an <c>L*</c> (whatever it is cast
    /// to), <c>&amp;entry</c>, <c>Unsafe.As&lt;L, T&gt;</c>, <c>MemoryMarshal.Cast&lt;L, T&gt;</c>, pointer arithmetic on
    /// one, or a local assigned one.
    /// </summary>
    public GuestLayout? PointsInto(IOperation? value, IReadOnlyDictionary<ILocalSymbol, GuestLayout> pointers, CancellationToken cancellationToken)
    {
        for (var depth = 0; value is not null && depth < 16; depth++)
        {
            if (value.Type is IPointerTypeSymbol { PointedAtType: var pointed } && _catalog.Get(pointed, cancellationToken) is { } direct)
            {
                return direct;
            }

            switch (value)
            {
                case IConversionOperation conversion:
                    value = conversion.Operand;
                    continue;
                case IAddressOfOperation address:
                    return _catalog.Get(address.Reference.Type, cancellationToken);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } arithmetic:
                    value = arithmetic.LeftOperand.Type is IPointerTypeSymbol ? arithmetic.LeftOperand : arithmetic.RightOperand;
                    continue;
                case ILocalReferenceOperation local:
                    return pointers.TryGetValue(local.Local, out var layout) ? layout : null;
                case IParameterReferenceOperation parameter:
                    return FirstOrNull(Marked(parameter.Parameter, cancellationToken)); // a [PteValue] ulong* or ref ulong
                case IFieldReferenceOperation field:
                    return FirstOrNull(Marked(field.Field, cancellationToken));
                case IInvocationOperation { TargetMethod: { Name: "As" or "Cast" or "AsPointer", IsGenericMethod: true } method }
                    when IsReinterpretation(method):
                    return _catalog.Get(method.TypeArguments[0], cancellationToken);
                default:
                    return null;
            }
        }

        return null;
    }

    private static bool IsReinterpretation(IMethodSymbol method) =>
        method.ContainingType is { Name: "Unsafe" or "MemoryMarshal" } type
        && type.ContainingNamespace?.ToDisplayString() is "System.Runtime.CompilerServices" or "System.Runtime.InteropServices";

    private static GuestLayout? FirstOrNull(ImmutableArray<GuestLayout> layouts) => layouts.IsEmpty ? null : layouts[0];

    private static ImmutableArray<GuestLayout> One(GuestLayout? layout) =>
        layout is null ? ImmutableArray<GuestLayout>.Empty : ImmutableArray.Create(layout);
}
