using Microsoft.CodeAnalysis.Text;

namespace PteGen.Tests.Usage.Differential;

/// <summary>
/// A statement of a generated method. A compound assignment is itself a writer, so the renderer records its
/// <see cref="Span"/> (the assignment expression, without the semicolon).
/// </summary>
internal sealed class GuestStatement
{
    private TextSpan? _span;

    private GuestStatement(
        GuestStatementKind kind,
        int local,
        string name,
        IReadOnlyList<GuestExpr> expressions,
        IReadOnlyList<GuestStatement> whenTrue,
        IReadOnlyList<GuestStatement> whenFalse)
    {
        Kind = kind;
        Local = local;
        Name = name;
        Expressions = expressions;
        WhenTrue = whenTrue;
        WhenFalse = whenFalse;
    }

    public GuestStatementKind Kind { get; }

    /// <summary>The local an assignment updates.</summary>
    public int Local { get; }

    /// <summary>A callee's name, or an if statement's condition parameter.</summary>
    public string Name { get; }

    public IReadOnlyList<GuestExpr> Expressions { get; }

    public IReadOnlyList<GuestStatement> WhenTrue { get; }

    public IReadOnlyList<GuestStatement> WhenFalse { get; }

    public bool IsCompoundAssignment => Kind is GuestStatementKind.CompoundOr or GuestStatementKind.CompoundAnd
        or GuestStatementKind.CompoundXor or GuestStatementKind.CompoundAdd or GuestStatementKind.CompoundSubtract;

    public bool IsReturn => Kind is GuestStatementKind.ReturnLast or GuestStatementKind.ReturnNew or GuestStatementKind.ReturnCall
        or GuestStatementKind.ReturnValue;

    /// <summary>The compound assignment expression's span; set once by the renderer.</summary>
    public TextSpan Span
    {
        get => _span ?? throw new InvalidOperationException($"The {Kind} statement has no recorded span.");
        set
        {
            if (_span is not null)
            {
                throw new InvalidOperationException($"The {Kind} statement is rendered twice: the generator shares nodes.");
            }

            _span = value;
        }
    }

    /// <summary>The binary operator a compound assignment applies.</summary>
    public GuestExprKind CompoundOperator => Kind switch
    {
        GuestStatementKind.CompoundOr => GuestExprKind.Or,
        GuestStatementKind.CompoundAnd => GuestExprKind.And,
        GuestStatementKind.CompoundXor => GuestExprKind.Xor,
        GuestStatementKind.CompoundAdd => GuestExprKind.Add,
        GuestStatementKind.CompoundSubtract => GuestExprKind.Subtract,
        _ => throw new InvalidOperationException($"{Kind} is not a compound assignment."),
    };

    public static GuestStatement Assign(int local, GuestExpr value) => Of(GuestStatementKind.Assign, local, "", value);

    public static GuestStatement Compound(GuestExprKind operation, int local, GuestExpr value)
    {
        var kind = operation switch
        {
            GuestExprKind.Or => GuestStatementKind.CompoundOr,
            GuestExprKind.And => GuestStatementKind.CompoundAnd,
            GuestExprKind.Xor => GuestStatementKind.CompoundXor,
            GuestExprKind.Add => GuestStatementKind.CompoundAdd,
            GuestExprKind.Subtract => GuestStatementKind.CompoundSubtract,
            _ => throw new ArgumentException($"{operation} has no compound assignment here.", nameof(operation)),
        };
        return Of(kind, local, "", value);
    }

    /// <summary>A statement over one or two expressions (sinks, prints, returns), or a call of <paramref name="callee"/>.</summary>
    public static GuestStatement Of(GuestStatementKind kind, params GuestExpr[] expressions) => Of(kind, -1, "", expressions);

    public static GuestStatement Call(GuestStatementKind kind, string callee, params GuestExpr[] arguments) => Of(kind, -1, callee, arguments);

    public static GuestStatement If(string condition, IReadOnlyList<GuestStatement> whenTrue, IReadOnlyList<GuestStatement> whenFalse) =>
        new(GuestStatementKind.If, -1, condition, [], whenTrue, whenFalse);

    private static GuestStatement Of(GuestStatementKind kind, int local, string name, params GuestExpr[] expressions) =>
        new(kind, local, name, expressions, [], []);
}
