using System.Collections.Immutable;
using CsCheck;

namespace PteGen.Tests.Robustness;

// Declaration shapes that PteGen accepts: the layout's modifiers and the types around it, its hook, and the
// modifiers, accessibility and decorations of its claims.
internal sealed partial class LayoutGenerators
{
    private static readonly ContainerKind[] ContainerKinds = Enum.GetValues<ContainerKind>();

    /// <summary>The accessibility keywords a type may have where it is declared (empty: the default).</summary>
    private static string[] TypeAccessibilities(ContainerKind? container) => container switch
    {
        null => ["public", "public", "internal", ""],
        ContainerKind.Class or ContainerKind.Record => ["public", "public", "internal", "private", "protected", "protected internal", "private protected", ""],
        _ => ["public", "public", "internal", "private", ""], // no protected members in structs, static classes (or, here, interfaces)
    };

    /// <summary>A legal, partial, non-generic nesting of zero to three types.</summary>
    private static readonly Gen<ImmutableArray<Container>> ValidNestings =
        from depth in Pick((12, Const(0)), (3, Const(1)), (1, Gen.Int[2, 3]))
        from kinds in Gen.OneOf(ContainerKinds).Array[depth]
        from internals in Pick((3, Const(false)), (1, Const(true))).Array[depth]
        from unsafes in Pick((9, Const(false)), (1, Const(true))).Array[depth]
        select kinds.Select((kind, index) => new Container(kind, Accessibility: internals[index] ? "internal" : "public", IsUnsafe: unsafes[index])).ToImmutableArray();

    /// <summary>A declaration PteGen accepts (its hook is chosen with the rest of the layout).</summary>
    private static Gen<TypeDeclaration> ValidDeclarations(ImmutableArray<Container> nesting) =>
        from isReadonly in Pick((3, Const(true)), (1, Const(false)))
        from accessibility in Gen.OneOf(TypeAccessibilities(nesting.IsEmpty ? null : nesting[^1].Kind))
        from isUnsafe in Pick((9, Const(false)), (1, Const(true)))
        from isNew in nesting.IsEmpty ? Const(false) : Pick((15, Const(false)), (1, Const(true)))
        from twoParts in Pick((9, Const(false)), (1, Const(true)))
        select new TypeDeclaration(LayoutKind.Struct, isReadonly, Accessibility: accessibility, IsUnsafe: isUnsafe, IsNew: isNew, TwoParts: twoParts);

    /// <summary>
    /// A hook PteGen accepts: when it generates one (a level-1 fixup that warns), no method or the implementation;
    /// otherwise no method, or one that does not claim to implement a hook.
    /// </summary>
    private Gen<HookShape> ValidHooks(bool generatesHook) => generatesHook
        ? Pick(
            (4, Const(HookShape.None)),
            (4, Const(HookShape.Implementation)),
            (2, Const(HookShape.ImplementationRenamed)),
            (options.KnownBugShapes ? 2 : 0, Const(HookShape.ImplementationExplicitlyPrivate)))
        : Pick(
            (20, Const(HookShape.None)),
            (1, Const(HookShape.NotPartial)),
            (1, Const(HookShape.Definition)),
            (1, Const(HookShape.DefinitionAndImplementation)));

    /// <summary>Whether PteGen generates <c>OnGlobalKernelPage</c>: for a level-1 fixup that warns (a WarnWhen condition, or a Debug switch).</summary>
    private static bool GeneratesHook(int? level, bool? adjustGuest, string? warnWhen, SwitchSpec switches) =>
        level == 1 && adjustGuest != false
        && (warnWhen is not null ? !string.IsNullOrWhiteSpace(warnWhen) : switches.Members.Any(m => m.Name == "Debug"));

    /// <summary>Whether the layout and the types around it are visible outside the assembly (its public members then may not take an internal type).</summary>
    private static bool IsVisibleOutsideTheAssembly(TypeDeclaration declaration, ImmutableArray<Container> nesting) =>
        (declaration.Accessibility is "public" or "protected" or "protected internal"
            || (declaration.Accessibility.Length == 0 && !nesting.IsEmpty && nesting[^1].Kind == ContainerKind.Interface))
        && nesting.All(c => c.Accessibility == "public");

    /// <summary>A claim's accessibility: mostly public; no keyword at all only with the known bugs' shapes.</summary>
    private string ClaimAccessibility(int choice) => choice switch
    {
        < 80 => "public",
        < 88 => "internal",
        < 94 => "private",
        _ => options.KnownBugShapes ? "" : "public",
    };

    private static ClaimModifiers ClaimModifiersFor(int choice) => choice switch
    {
        0 => ClaimModifiers.Unsafe,
        1 => ClaimModifiers.New,
        2 => ClaimModifiers.Readonly,
        3 => ClaimModifiers.Unsafe | ClaimModifiers.Readonly,
        _ => ClaimModifiers.None,
    };

    private static ClaimDecorations ClaimDecorationsFor(int choice) => choice switch
    {
        0 => ClaimDecorations.Obsolete,
        1 => ClaimDecorations.ObsoleteError,
        2 or 3 => ClaimDecorations.DocComment,
        4 => ClaimDecorations.OtherAttributes,
        5 => ClaimDecorations.DocComment | ClaimDecorations.Obsolete | ClaimDecorations.OtherAttributes,
        _ => ClaimDecorations.None,
    };

    /// <summary>
    /// Members of the switches enum written as expressions that PteGen accepts: the sign bit of a signed underlying
    /// type (<c>int.MinValue</c>, a switch), and a combination of two switches written with their values.
    /// </summary>
    private static Gen<ImmutableArray<ExpressionMember>> ValidExpressions(SwitchSpec switches)
    {
        var signBit = switches.Underlying switch
        {
            null or "int" => ("int.MinValue", 0x8000_0000UL),
            "sbyte" => ("sbyte.MinValue", 0x80UL),
            "short" => ("short.MinValue", 0x8000UL),
            "long" => ("long.MinValue", 1UL << 63),
            _ => ((string, ulong)?)null,
        };
        var members = new List<ExpressionMember>();
        if (signBit is var (code, bits))
        {
            members.Add(new ExpressionMember("Neg", code, bits));
        }

        if (switches.Members.Length >= 2)
        {
            var pair = switches.Members[0].Value | switches.Members[1].Value;
            members.Add(new ExpressionMember("Pair", $"{switches.Members[0].Value} | {switches.Members[1].Value}", pair));
        }

        return Pick(
            (4, Const(ImmutableArray<ExpressionMember>.Empty)),
            (1, Gen.Int[0, members.Count].Select(skip => members.Skip(skip % Math.Max(1, members.Count)).ToImmutableArray())));
    }

    /// <summary>A member written as an expression, which may have a bit that is no switch (<c>-1</c>, <c>1 | 2</c>).</summary>
    private static Gen<ExpressionMember> AnyExpression(string? underlying)
    {
        (string Code, ulong Bits)[] negative = underlying switch
        {
            null or "int" => [("int.MinValue", 0x8000_0000), ("-1", 0xFFFF_FFFF), ("-2147483647", 0x8000_0001)],
            "sbyte" => [("sbyte.MinValue", 0x80), ("-1", 0xFF)],
            "short" => [("short.MinValue", 0x8000), ("-3", 0xFFFD)],
            "long" => [("long.MinValue", 1UL << 63), ("-1", ulong.MaxValue), ("(long)int.MinValue", 0xFFFF_FFFF_8000_0000)],
            _ => [],
        };
        (string Code, ulong Bits)[] composite = [("1 | 2", 3), ("(1 << 5) | 1", 33)];
        return Gen.OneOf([.. negative, .. composite]).Select(value => new ExpressionMember("Other", value.Code, value.Bits));
    }
}
