using Microsoft.CodeAnalysis.Text;

namespace PteGen.Tests.Usage.Differential;

/// <summary>
/// A node of the generated programs' expression syntax. The generator builds it, <see cref="ProgramRenderer"/> writes
/// it as C# and records its exact <see cref="Span"/> (without surrounding parentheses, as the analyzer's operations
/// see it), and <see cref="ReferenceEvaluator"/> interprets it. Whether it is a C# compile-time constant expression,
/// and its value if so, is decided here from the node shapes (constants fold through <c>~ | &amp; ^ &lt;&lt; &gt;&gt;</c>, as in C#).
/// </summary>
internal sealed class GuestExpr
{
    private TextSpan? _span;

    private GuestExpr(GuestExprKind kind, string text, ulong leafValue, int number, IReadOnlyList<GuestExpr> operands)
    {
        Kind = kind;
        Text = text;
        LeafValue = leafValue;
        Number = number;
        Operands = operands;
        IsConstant = kind switch
        {
            GuestExprKind.ConstantLeaf => true,
            GuestExprKind.Complement or GuestExprKind.Or or GuestExprKind.And or GuestExprKind.Xor
                or GuestExprKind.ShiftLeft or GuestExprKind.ShiftRight => operands.All(operand => operand.IsConstant),
            _ => false,
        };
    }

    public GuestExprKind Kind { get; }

    /// <summary>A parameter's or local's name, a constant's source text, a condition's name, a callee's name.</summary>
    public string Text { get; }

    public ulong LeafValue { get; }

    /// <summary>A shift count, or a local's index.</summary>
    public int Number { get; }

    public IReadOnlyList<GuestExpr> Operands { get; }

    /// <summary>A C# compile-time constant expression (folded by the compiler).</summary>
    public bool IsConstant { get; }

    /// <summary>Where the renderer wrote the node; set once (a node shared between two places would be a generator bug).</summary>
    public TextSpan Span
    {
        get => _span ?? throw new InvalidOperationException($"The {Kind} node was not rendered.");
        set
        {
            if (_span is not null)
            {
                throw new InvalidOperationException($"The {Kind} node is rendered twice: the generator shares nodes.");
            }

            _span = value;
        }
    }

    /// <summary>The folded value of a constant expression (C# semantics: ulong, shift counts masked to 6 bits).</summary>
    public ulong ConstantValue => Kind switch
    {
        _ when !IsConstant => throw new InvalidOperationException($"A {Kind} over non-constants has no constant value."),
        GuestExprKind.ConstantLeaf => LeafValue,
        GuestExprKind.Complement => ~Operands[0].ConstantValue,
        GuestExprKind.Or => Operands[0].ConstantValue | Operands[1].ConstantValue,
        GuestExprKind.And => Operands[0].ConstantValue & Operands[1].ConstantValue,
        GuestExprKind.Xor => Operands[0].ConstantValue ^ Operands[1].ConstantValue,
        GuestExprKind.ShiftLeft => Operands[0].ConstantValue << (Number & 63),
        GuestExprKind.ShiftRight => Operands[0].ConstantValue >> (Number & 63),
        _ => throw new InvalidOperationException($"{Kind} is never constant."),
    };

    /// <summary>Written as an operand of another operator, the node needs parentheses.</summary>
    public bool NeedsParentheses => Kind is GuestExprKind.Or or GuestExprKind.And or GuestExprKind.Xor or GuestExprKind.Add
        or GuestExprKind.Subtract or GuestExprKind.ShiftLeft or GuestExprKind.ShiftRight or GuestExprKind.Conditional
        or GuestExprKind.TimesThirtyOne;

    public static GuestExpr Parameter(string name) => new(GuestExprKind.Parameter, name, 0, 0, []);

    public static GuestExpr EntryRaw() => new(GuestExprKind.EntryRaw, "e", 0, 0, []);

    public static GuestExpr Constant(string text, ulong value) => new(GuestExprKind.ConstantLeaf, text, value, 0, []);

    /// <summary>A named constant of <see cref="GuestConstants"/>.</summary>
    public static GuestExpr Named(string name) => Constant(name, GuestConstants.ValueOf(name));

    public static GuestExpr Local(int index) => new(GuestExprKind.Local, $"v{index}", 0, index, []);

    public static GuestExpr Complement(GuestExpr operand) => new(GuestExprKind.Complement, "~", 0, 0, [operand]);

    public static GuestExpr Binary(GuestExprKind kind, GuestExpr left, GuestExpr right)
    {
        if (kind is not (GuestExprKind.Or or GuestExprKind.And or GuestExprKind.Xor or GuestExprKind.Add or GuestExprKind.Subtract))
        {
            throw new ArgumentException($"{kind} is not a binary operator.", nameof(kind));
        }

        return new(kind, OperatorText(kind), 0, 0, [left, right]);
    }

    public static GuestExpr Or(GuestExpr left, GuestExpr right) => Binary(GuestExprKind.Or, left, right);

    public static GuestExpr And(GuestExpr left, GuestExpr right) => Binary(GuestExprKind.And, left, right);

    public static GuestExpr Xor(GuestExpr left, GuestExpr right) => Binary(GuestExprKind.Xor, left, right);

    public static GuestExpr ShiftLeft(GuestExpr operand, int count) => new(GuestExprKind.ShiftLeft, "<<", 0, count, [operand]);

    public static GuestExpr ShiftRight(GuestExpr operand, int count) => new(GuestExprKind.ShiftRight, ">>", 0, count, [operand]);

    public static GuestExpr Conditional(string condition, GuestExpr whenTrue, GuestExpr whenFalse) =>
        new(GuestExprKind.Conditional, condition, 0, 0, [whenTrue, whenFalse]);

    public static GuestExpr TimesThirtyOne(GuestExpr operand) => new(GuestExprKind.TimesThirtyOne, "*", 0, 0, [operand]);

    public static GuestExpr ValueCall(string callee, GuestExpr argument) => new(GuestExprKind.ValueCall, callee, 0, 0, [argument]);

    public static GuestExpr NewEntryRaw(GuestExpr argument) => new(GuestExprKind.NewEntryRaw, "new", 0, 0, [argument]);

    public static GuestExpr EntryCallRaw(string callee, GuestExpr first, GuestExpr second) =>
        new(GuestExprKind.EntryCallRaw, callee, 0, 0, [first, second]);

    /// <summary>The C# operator token of a binary kind.</summary>
    public static string OperatorText(GuestExprKind kind) => kind switch
    {
        GuestExprKind.Or => "|",
        GuestExprKind.And => "&",
        GuestExprKind.Xor => "^",
        GuestExprKind.Add => "+",
        GuestExprKind.Subtract => "-",
        _ => throw new ArgumentException($"{kind} is not a binary operator.", nameof(kind)),
    };
}
