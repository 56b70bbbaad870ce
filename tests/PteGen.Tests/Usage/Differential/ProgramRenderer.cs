using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace PteGen.Tests.Usage.Differential;

/// <summary>
/// Writes generated programs as one guest C# file and records, on every expression node and compound assignment, the
/// exact span it occupies: the reference reports at those spans. Operands that are themselves operators are
/// parenthesized; a node's span never includes its own parentheses (the analyzer's operations do not either).
/// </summary>
internal sealed class ProgramRenderer
{
    public const string Header = """
        using System;
        using XenPv;
        using static Guest.GuestBits;

        namespace Guest;

        """;

    private readonly StringBuilder _text = new();

    private ProgramRenderer()
    {
    }

    /// <summary>Renders <paramref name="programs"/> (renamed <c>P0</c>, <c>P1</c>, ...) after the shared constants.</summary>
    public static RenderedBatch Render(IReadOnlyList<GuestProgram> programs)
    {
        var renderer = new ProgramRenderer();
        renderer._text.Append(Header);
        renderer.WriteConstants();
        var placed = new List<(GuestProgram, TextSpan)>();
        for (var index = 0; index < programs.Count; index++)
        {
            var program = programs[index].Named($"P{index}");
            renderer._text.Append('\n');
            var start = renderer._text.Length;
            renderer.WriteProgram(program);
            placed.Add((program, TextSpan.FromBounds(start, renderer._text.Length)));
            renderer._text.Append('\n');
        }

        return new RenderedBatch(renderer._text.ToString(), placed);
    }

    private void WriteConstants()
    {
        _text.Append("internal static class GuestBits\n{\n");
        foreach (var (name, declaration, _) in GuestConstants.Named)
        {
            _text.Append($"    public const ulong {name} = {declaration};\n");
        }

        _text.Append("}\n");
    }

    private void WriteProgram(GuestProgram program)
    {
        _text.Append($"public static class {program.ClassName}\n{{\n");
        foreach (var method in program.Methods)
        {
            WriteMethod(method);
        }

        _text.Append('}');
    }

    private void WriteMethod(GuestMethod method)
    {
        _text.Append("    ").Append(method.Signature);
        if (method.IsExpressionBodied)
        {
            _text.Append(" => ");
            WriteReturned(method.Body[0]);
            _text.Append(";\n\n");
            return;
        }

        _text.Append("\n    {\n");
        for (var local = 0; local < method.LocalInitializers.Count; local++)
        {
            Indent(2);
            _text.Append($"ulong v{local} = ");
            WriteExpr(method.LocalInitializers[local]);
            _text.Append(";\n");
        }

        if (method.IsBuilder)
        {
            Indent(2);
            _text.Append("L1e last = default;\n");
        }

        foreach (var statement in method.Body)
        {
            WriteStatement(statement, 2);
        }

        _text.Append("    }\n\n");
    }

    /// <summary>What a return statement returns (also the body of an expression-bodied helper).</summary>
    private void WriteReturned(GuestStatement statement)
    {
        switch (statement.Kind)
        {
            case GuestStatementKind.ReturnLast:
                _text.Append("last");
                break;
            case GuestStatementKind.ReturnNew:
                WriteNew(statement.Expressions[0], targetTyped: false);
                break;
            case GuestStatementKind.ReturnCall:
                WriteCall(statement.Name, statement.Expressions);
                break;
            case GuestStatementKind.ReturnValue:
                WriteExpr(statement.Expressions[0]);
                break;
            default:
                throw new InvalidOperationException($"{statement.Kind} is not a return.");
        }
    }

    private void WriteStatement(GuestStatement statement, int depth)
    {
        Indent(depth);
        switch (statement.Kind)
        {
            case GuestStatementKind.Assign:
                _text.Append($"v{statement.Local} = ");
                WriteExpr(statement.Expressions[0]);
                _text.Append(";\n");
                break;
            case var _ when statement.IsCompoundAssignment:
            {
                var start = _text.Length;
                _text.Append($"v{statement.Local} {GuestExpr.OperatorText(statement.CompoundOperator)}= ");
                WriteExpr(statement.Expressions[0]);
                statement.Span = TextSpan.FromBounds(start, _text.Length);
                _text.Append(";\n");
                break;
            }

            case GuestStatementKind.StoreNew:
            case GuestStatementKind.StoreTargetTypedNew:
                _text.Append("last = ");
                WriteNew(statement.Expressions[0], statement.Kind == GuestStatementKind.StoreTargetTypedNew);
                _text.Append(";\n");
                break;
            case GuestStatementKind.StoreCall:
                _text.Append("last = ");
                WriteCall(statement.Name, statement.Expressions);
                _text.Append(";\n");
                break;
            case GuestStatementKind.PrintNew:
                _text.Append("Console.WriteLine(");
                WriteNew(statement.Expressions[0], targetTyped: false);
                _text.Append(");\n");
                break;
            case GuestStatementKind.Print:
                _text.Append("Console.WriteLine(");
                WriteExpr(statement.Expressions[0]);
                _text.Append(");\n");
                break;
            case GuestStatementKind.PrintHash:
                _text.Append("Console.WriteLine(");
                WriteParenthesized(statement.Expressions[0]);
                _text.Append(".GetHashCode());\n");
                break;
            case GuestStatementKind.PrintTimes:
                _text.Append("Console.WriteLine(");
                WriteParenthesized(statement.Expressions[0]);
                _text.Append(" * 31);\n");
                break;
            case GuestStatementKind.PrintComparison:
                _text.Append("Console.WriteLine(");
                WriteParenthesized(statement.Expressions[0]);
                _text.Append(" == Marker);\n");
                break;
            case GuestStatementKind.PrintValueCall:
                _text.Append("Console.WriteLine(");
                WriteCall(statement.Name, statement.Expressions);
                _text.Append(");\n");
                break;
            case GuestStatementKind.If:
                _text.Append($"if ({statement.Name})\n");
                WriteBlock(statement.WhenTrue, depth);
                if (statement.WhenFalse.Count > 0)
                {
                    Indent(depth);
                    _text.Append("else\n");
                    WriteBlock(statement.WhenFalse, depth);
                }

                break;
            case var _ when statement.IsReturn:
                _text.Append("return ");
                WriteReturned(statement);
                _text.Append(";\n");
                break;
            default:
                throw new InvalidOperationException($"Unknown statement {statement.Kind}.");
        }
    }

    private void WriteBlock(IReadOnlyList<GuestStatement> statements, int depth)
    {
        Indent(depth);
        _text.Append("{\n");
        foreach (var statement in statements)
        {
            WriteStatement(statement, depth + 1);
        }

        Indent(depth);
        _text.Append("}\n");
    }

    private void WriteNew(GuestExpr argument, bool targetTyped)
    {
        _text.Append(targetTyped ? "new(" : "new L1e(");
        WriteExpr(argument);
        _text.Append(')');
    }

    private void WriteCall(string callee, IReadOnlyList<GuestExpr> arguments)
    {
        _text.Append(callee).Append('(');
        for (var index = 0; index < arguments.Count; index++)
        {
            if (index > 0)
            {
                _text.Append(", ");
            }

            WriteExpr(arguments[index]);
        }

        _text.Append(')');
    }

    /// <summary>An operand: parenthesized when it is an operator itself.</summary>
    private void WriteOperand(GuestExpr operand)
    {
        if (operand.NeedsParentheses)
        {
            WriteParenthesized(operand);
        }
        else
        {
            WriteExpr(operand);
        }
    }

    private void WriteParenthesized(GuestExpr expr)
    {
        _text.Append('(');
        WriteExpr(expr);
        _text.Append(')');
    }

    private void WriteExpr(GuestExpr expr)
    {
        var start = _text.Length;
        switch (expr.Kind)
        {
            case GuestExprKind.Parameter:
            case GuestExprKind.ConstantLeaf:
            case GuestExprKind.Local:
                _text.Append(expr.Text);
                break;
            case GuestExprKind.EntryRaw:
                _text.Append("e.Raw");
                break;
            case GuestExprKind.Complement:
                _text.Append('~');
                WriteOperand(expr.Operands[0]);
                break;
            case GuestExprKind.Or:
            case GuestExprKind.And:
            case GuestExprKind.Xor:
            case GuestExprKind.Add:
            case GuestExprKind.Subtract:
                WriteOperand(expr.Operands[0]);
                _text.Append(' ').Append(expr.Text).Append(' ');
                WriteOperand(expr.Operands[1]);
                break;
            case GuestExprKind.ShiftLeft:
            case GuestExprKind.ShiftRight:
                WriteOperand(expr.Operands[0]);
                _text.Append($" {expr.Text} {expr.Number}");
                break;
            case GuestExprKind.Conditional:
                _text.Append(expr.Text).Append(" ? ");
                WriteOperand(expr.Operands[0]);
                _text.Append(" : ");
                WriteOperand(expr.Operands[1]);
                break;
            case GuestExprKind.TimesThirtyOne:
                WriteOperand(expr.Operands[0]);
                _text.Append(" * 31");
                break;
            case GuestExprKind.ValueCall:
                WriteCall(expr.Text, expr.Operands);
                break;
            case GuestExprKind.NewEntryRaw:
                WriteNew(expr.Operands[0], targetTyped: false);
                _text.Append(".Raw");
                break;
            case GuestExprKind.EntryCallRaw:
                WriteCall(expr.Text, expr.Operands);
                _text.Append(".Raw");
                break;
            default:
                throw new InvalidOperationException($"Unknown expression {expr.Kind}.");
        }

        expr.Span = TextSpan.FromBounds(start, _text.Length);
    }

    private void Indent(int depth) => _text.Append(' ', depth * 4);
}
