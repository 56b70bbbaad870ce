using CsCheck;

namespace PteGen.Tests.Usage.Differential;

/// <summary>
/// CsCheck generators of guest programs for the PTE101 differential test. A program is a static class with three
/// entry helpers <c>Entry0..2(ulong pfn, ulong prot)</c> (templates whose parameters reach <c>new L1e(...)</c>
/// unchanged, masked, forced, moved by a shift, or not at all; a later helper may forward to an earlier one), a value
/// helper <c>Value0(ulong v)</c> (its parameter reaches no entry), and two builders: straight-line code
/// and if/else over opaque bool parameters, ulong locals with assignments and compound assignments, and expressions
/// over <c>raw</c>, <c>pfn</c>, <c>e.Raw</c>, <c>pfn &lt;&lt; 12</c>, named and literal constants, <c>| &amp; ^ ~ + -
/// &lt;&lt; &gt;&gt; ?: * 31</c> and calls; sinks and non-sinks are mixed. Every generated program compiles: nothing
/// constant is multiplied, added or subtracted (a constant overflow is a compile error), and a helper only calls
/// helpers declared before it. Helper templates pass a parameter on to an entry only through constant masks, sets and
/// toggles, a forwarding call, or an <c>|</c> with the shifted frame: never through <c>~</c> or a join, where the spec
/// does not say whether the parameter's bit still "reaches the sink unchanged".
/// </summary>
internal static class ProgramGenerators
{
    public const int EntryHelperCount = 3;

    public const int ValueHelperCount = 1;

    private const int MaxDepth = 3;

    private const int MaxLocals = 2;

    private static readonly Gen<string> Conditions = Gen.OneOf([.. GuestMethod.Conditions]);

    /// <summary>The Xen bits, alone or with others, and their complements: the constants that make PTE101 findings.</summary>
    private static readonly string[] XenNames = ["Marker", "Grant", "XenBits"];

    private static readonly Gen<GuestExpr> NamedConstant =
        Gen.Int[0, GuestConstants.Named.Count - 1].Select(index => GuestExpr.Named(GuestConstants.Named[index].Name));

    private static readonly Gen<GuestExpr> XenConstant = Gen.OneOf(XenNames).Select(GuestExpr.Named);

    private static readonly Gen<GuestExpr> LiteralConstant =
        Gen.Int[0, GuestConstants.Literals.Count - 1].Select(index => GuestExpr.Constant(GuestConstants.Literals[index].Text, GuestConstants.Literals[index].Value));

    /// <summary><c>1UL &lt;&lt; k</c>, a constant shift (folded by the compiler: one constant expression).</summary>
    private static readonly Gen<GuestExpr> ShiftedOne =
        Gen.OneOf(52, 62, 52, 62, 40, 50, 63, 0, 9, 57).Select(count => GuestExpr.ShiftLeft(GuestExpr.Constant("1UL", 1), count));

    private static readonly Gen<GuestExpr> ConstantLeaf = Pick((5, NamedConstant), (4, XenConstant), (2, LiteralConstant), (2, ShiftedOne));

    /// <summary>Constant expressions: leaves, complements, and folded combinations.</summary>
    public static readonly Gen<GuestExpr> Constant = Pick(
        (6, ConstantLeaf),
        (4, ConstantLeaf.Select(GuestExpr.Complement)),
        (1, from left in ConstantLeaf from right in ConstantLeaf select GuestExpr.Or(left, right)),
        (1, from left in ConstantLeaf from right in ConstantLeaf select GuestExpr.Complement(GuestExpr.Or(left, right))),
        (1, from left in ConstantLeaf from right in ConstantLeaf select GuestExpr.Xor(left, right)));

    /// <summary>Masks for the helpers: mostly "everything but a Xen bit", sometimes any constant.</summary>
    private static readonly Gen<GuestExpr> Mask = Pick(
        (4, XenConstant.Select(GuestExpr.Complement)),
        (1, Gen.Const(() => GuestExpr.Named("FrameMask"))),
        (1, Gen.Const(() => GuestExpr.Complement(GuestExpr.Constant("0UL", 0)))),
        (2, Constant));

    /// <summary>Expressions by [depth, number of locals in scope].</summary>
    private static readonly Gen<GuestExpr>[,] Expressions = BuildExpressions();

    /// <summary>Statements by [nesting depth, number of locals] (locals >= 1).</summary>
    private static readonly Gen<GuestStatement>[,] Statements = BuildStatements();

    /// <summary>A builder, named later (its number in the program).</summary>
    private static readonly Gen<GuestMethod> Builder =
        from isEntry in Gen.Bool
        from localCount in Gen.Int[1, MaxLocals]
        from initializers in Expression(2, 0).Array[localCount]
        from body in Statements[2, localCount].Array[1, 3]
        from final in isEntry ? EntryReturn(localCount) : Expression(2, localCount).Select(value => GuestStatement.Of(GuestStatementKind.ReturnValue, value))
        select new GuestMethod(
            "",
            isEntry ? GuestMethodKind.EntryBuilder : GuestMethodKind.ValueBuilder,
            initializers,
            [.. body, final]);

    /// <summary>One program: the four helpers, then two builders.</summary>
    public static readonly Gen<GuestProgram> Program =
        from entry0 in EntryHelper(0)
        from entry1 in EntryHelper(1)
        from entry2 in EntryHelper(2)
        from value0 in ValueHelper(0)
        from builders in Builder.Array[2]
        select new GuestProgram(
            "Program",
            [
                entry0, entry1, entry2, value0,
                .. builders.Select((builder, index) =>
                    builder.Renamed(builder.Kind == GuestMethodKind.EntryBuilder ? $"Build{index}" : $"Compute{index}")),
            ]);

    public static Gen<GuestExpr> Expression(int depth, int locals) => Expressions[Math.Min(depth, MaxDepth), locals];

    /// <summary>One of the generators, by weight (Gen.Frequency, spelled so that it never picks the overload over values).</summary>
    private static Gen<T> Pick<T>(params (int Weight, Gen<T> Gen)[] options) =>
        Gen.Frequency([.. options.Where(option => option.Weight > 0).Select(option => (option.Weight, (IGen<T>)option.Gen))]);

    private static Gen<GuestExpr>[,] BuildExpressions()
    {
        var expressions = new Gen<GuestExpr>[MaxDepth + 1, MaxLocals + 1];
        for (var locals = 0; locals <= MaxLocals; locals++)
        {
            expressions[0, locals] = Atom(locals);
            for (var depth = 1; depth <= MaxDepth; depth++)
            {
                expressions[depth, locals] = Composite(expressions[depth - 1, locals], locals);
            }
        }

        return expressions;
    }

    /// <summary>A non-constant leaf: a parameter, <c>e.Raw</c>, or a local.</summary>
    private static Gen<GuestExpr> Variable(int locals) => Pick(
        (3, Gen.Const(() => GuestExpr.Parameter("raw"))),
        (2, Gen.Const(() => GuestExpr.Parameter("pfn"))),
        (3, Gen.Const(GuestExpr.EntryRaw)),
        (locals > 0 ? 5 : 0, Gen.Int[0, Math.Max(0, locals - 1)].Select(GuestExpr.Local)));

    private static Gen<GuestExpr> Atom(int locals) => Pick(
        (6, Variable(locals)),
        (1, Gen.Const(() => GuestExpr.ShiftLeft(GuestExpr.Parameter("pfn"), 12))),
        (3, Constant),
        (1, Variable(locals).Select(GuestExpr.TimesThirtyOne)));

    private static Gen<GuestExpr> Composite(Gen<GuestExpr> operand, int locals)
    {
        Gen<GuestExpr> WithConstant(GuestExprKind kind) =>
            from value in operand
            from constant in Constant
            from constantFirst in Gen.Bool
            select constantFirst ? GuestExpr.Binary(kind, constant, value) : GuestExpr.Binary(kind, value, constant);

        // x + C and x - C only over a non-constant x (C + C could overflow, a compile error); C + x too.
        var arithmetic =
            from value in operand
            from constant in Constant
            from subtract in Gen.Bool
            from constantFirst in Gen.Bool
            select value.IsConstant || constant.ConstantValue == 0
                ? GuestExpr.Or(value, constant)
                : subtract ? GuestExpr.Binary(GuestExprKind.Subtract, value, constant)
                : constantFirst ? GuestExpr.Binary(GuestExprKind.Add, constant, value) : GuestExpr.Binary(GuestExprKind.Add, value, constant);

        return Pick(
            (3, Atom(locals)),
            (4, WithConstant(GuestExprKind.Or)),
            (4, WithConstant(GuestExprKind.And)),
            (2, WithConstant(GuestExprKind.Xor)),
            (3, from left in operand
                from right in operand
                from kind in Gen.OneOf(GuestExprKind.Or, GuestExprKind.And, GuestExprKind.Xor)
                select GuestExpr.Binary(kind, left, right)),
            (1, operand.Select(GuestExpr.Complement)),
            (2, from value in operand from count in Gen.OneOf(12, 12, 1, 2, 10, 11) select GuestExpr.ShiftLeft(value, count)),
            (1, from value in operand from count in Gen.OneOf(1, 10, 12) select GuestExpr.ShiftRight(value, count)),
            (2, from condition in Conditions
                from whenTrue in operand
                from whenFalse in operand
                select GuestExpr.Conditional(condition, whenTrue, whenFalse)),
            (1, arithmetic),
            (1, from helper in Gen.Int[0, ValueHelperCount - 1] from value in operand select GuestExpr.ValueCall($"Value{helper}", value)),
            (1, operand.Select(GuestExpr.NewEntryRaw)),
            (1, from helper in Gen.Int[0, EntryHelperCount - 1]
                from first in operand
                from second in operand
                select GuestExpr.EntryCallRaw($"Entry{helper}", first, second)));
    }

    private static Gen<GuestStatement>[,] BuildStatements()
    {
        var statements = new Gen<GuestStatement>[3, MaxLocals + 1];
        for (var locals = 1; locals <= MaxLocals; locals++)
        {
            for (var depth = 0; depth < 3; depth++)
            {
                statements[depth, locals] = Statement(depth == 0 ? null : statements[depth - 1, locals], locals);
            }
        }

        return statements;
    }

    private static Gen<GuestStatement> Statement(Gen<GuestStatement>? nested, int locals)
    {
        var value = Pick((4, Expression(2, locals)), (3, Expression(1, locals)), (1, Expression(3, locals)));
        var local = Gen.Int[0, locals - 1];
        var compoundValue = Pick((3, Constant), (2, value));

        Gen<GuestStatement> Compound(GuestExprKind kind, Gen<GuestExpr> values) =>
            from target in local from right in values select GuestStatement.Compound(kind, target, right);

        // Sinks take a local as it is, or in an expression, often enough for the local updates to matter.
        var sinkValue = Pick((2, local.Select(GuestExpr.Local)), (3, value));

        Gen<GuestStatement> Sink(GuestStatementKind kind) => sinkValue.Select(argument => GuestStatement.Of(kind, argument));

        var nonZeroConstant = Constant.Where(constant => constant.ConstantValue != 0);
        var block = nested?.Array[1, 2];
        return Pick(
            (2, from target in local from right in value select GuestStatement.Assign(target, right)),
            (3, Compound(GuestExprKind.Or, compoundValue)),
            (3, Compound(GuestExprKind.And, compoundValue)),
            (2, Compound(GuestExprKind.Xor, compoundValue)),
            (1, Compound(GuestExprKind.Add, nonZeroConstant)),
            (1, Compound(GuestExprKind.Subtract, nonZeroConstant)),
            (4, Sink(GuestStatementKind.StoreNew)),
            (1, Sink(GuestStatementKind.StoreTargetTypedNew)),
            (3, from helper in Gen.Int[0, EntryHelperCount - 1]
                from first in value
                from second in sinkValue
                select GuestStatement.Call(GuestStatementKind.StoreCall, $"Entry{helper}", first, second)),
            (1, Sink(GuestStatementKind.PrintNew)),
            (1, Sink(GuestStatementKind.Print)),
            (1, Sink(GuestStatementKind.PrintHash)),
            (1, value.Select(argument => GuestStatement.Of(argument.IsConstant ? GuestStatementKind.Print : GuestStatementKind.PrintTimes, argument))),
            (1, Sink(GuestStatementKind.PrintComparison)),
            (1, from helper in Gen.Int[0, ValueHelperCount - 1]
                from argument in value
                select GuestStatement.Call(GuestStatementKind.PrintValueCall, $"Value{helper}", argument)),
            (block is null ? 0 : 4,
                from condition in Conditions
                from whenTrue in block ?? Gen.Const(() => Array.Empty<GuestStatement>())
                from hasElse in Gen.Bool
                from whenFalse in block ?? Gen.Const(() => Array.Empty<GuestStatement>())
                select GuestStatement.If(condition, whenTrue, hasElse ? whenFalse : [])));
    }

    private static Gen<GuestStatement> EntryReturn(int locals) => Pick(
        (2, Gen.Const(() => GuestStatement.Of(GuestStatementKind.ReturnLast))),
        (2, Gen.Int[0, locals - 1].Select(local => GuestStatement.Of(GuestStatementKind.ReturnNew, GuestExpr.Local(local)))),
        (2, Expression(2, locals).Select(value => GuestStatement.Of(GuestStatementKind.ReturnNew, value))),
        (1, from helper in Gen.Int[0, EntryHelperCount - 1]
            from first in Expression(2, locals)
            from second in Expression(2, locals)
            select GuestStatement.Call(GuestStatementKind.ReturnCall, $"Entry{helper}", first, second)));

    /// <summary><c>Entry{index}(ulong pfn, ulong prot)</c>, from templates; forwarding ones call a lower-numbered helper.</summary>
    private static Gen<GuestMethod> EntryHelper(int index)
    {
        var name = $"Entry{index}";
        GuestExpr Pfn() => GuestExpr.Parameter("pfn");
        GuestExpr Prot() => GuestExpr.Parameter("prot");
        GuestMethod Returning(GuestExpr value) => new(name, GuestMethodKind.EntryHelper, [], [GuestStatement.Of(GuestStatementKind.ReturnNew, value)]);

        var earlier = Gen.Int[0, Math.Max(0, index - 1)].Select(callee => $"Entry{callee}");
        return Pick(
            (3, Mask.Select(mask => Returning(GuestExpr.Or(GuestExpr.ShiftLeft(Pfn(), 12), GuestExpr.And(Prot(), mask))))),
            (2, Mask.Select(mask => Returning(GuestExpr.Or(
                GuestExpr.And(GuestExpr.ShiftLeft(Pfn(), 12), GuestExpr.Named("FrameMask")),
                GuestExpr.And(Prot(), mask))))),
            (1, Gen.Const(() => Returning(Prot()))),
            (1, Constant.Select(constant => Returning(GuestExpr.Or(Prot(), constant)))),
            (1, Constant.Select(constant => Returning(GuestExpr.Xor(Prot(), constant)))),
            (1, from mask in Mask
                from constant in Constant
                select new GuestMethod(
                    name,
                    GuestMethodKind.EntryHelper,
                    [GuestExpr.And(Prot(), mask)],
                    [GuestStatement.Compound(GuestExprKind.Or, 0, constant), GuestStatement.Of(GuestStatementKind.ReturnNew, GuestExpr.Local(0))])),
            (index > 0 ? 2 : 0,
                from callee in earlier
                from mask in Mask
                select new GuestMethod(name, GuestMethodKind.EntryHelper, [], [GuestStatement.Call(GuestStatementKind.ReturnCall, callee, Pfn(), GuestExpr.And(Prot(), mask))])),
            (index > 0 ? 1 : 0,
                from callee in earlier
                from constant in Constant
                select new GuestMethod(name, GuestMethodKind.EntryHelper, [], [GuestStatement.Call(GuestStatementKind.ReturnCall, callee, Prot(), GuestExpr.Or(Pfn(), constant))])),
            (1, Gen.Const(() => Returning(GuestExpr.Or(GuestExpr.Named("Present"), GuestExpr.TimesThirtyOne(Prot()))))),
            (1, Gen.Const(() => Returning(GuestExpr.And(GuestExpr.Named("FrameMask"), GuestExpr.ShiftLeft(Prot(), 12))))),
            (1, Mask.Select(mask => new GuestMethod(
                name,
                GuestMethodKind.EntryHelper,
                [],
                [GuestStatement.Of(GuestStatementKind.PrintNew, Pfn()), GuestStatement.Of(GuestStatementKind.ReturnNew, GuestExpr.And(Prot(), mask))]))));
    }

    /// <summary><c>Value{index}(ulong v)</c>: masks, sets, prints or hashes its parameter, and never makes an entry of it.</summary>
    private static Gen<GuestMethod> ValueHelper(int index)
    {
        var name = $"Value{index}";
        GuestExpr V() => GuestExpr.Parameter("v");
        GuestMethod Returning(GuestExpr value) => new(name, GuestMethodKind.ValueHelper, [], [GuestStatement.Of(GuestStatementKind.ReturnValue, value)]);

        return Pick(
            (2, Mask.Select(mask => Returning(GuestExpr.And(V(), mask)))),
            (2, Constant.Select(constant => Returning(GuestExpr.Or(V(), constant)))),
            (1, Constant.Select(constant => new GuestMethod(
                name,
                GuestMethodKind.ValueHelper,
                [],
                [GuestStatement.Of(GuestStatementKind.Print, GuestExpr.Xor(V(), constant)), GuestStatement.Of(GuestStatementKind.ReturnValue, V())]))),
            (1, Constant.Select(constant => Returning(GuestExpr.TimesThirtyOne(GuestExpr.Xor(V(), constant))))));
    }
}
