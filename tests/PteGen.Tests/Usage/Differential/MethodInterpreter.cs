using Microsoft.CodeAnalysis.Text;

namespace PteGen.Tests.Usage.Differential;

/// <summary>
/// <see cref="ReferenceEvaluator"/>'s interpretation of one method: its locals, flow-sensitively, and its summary being
/// built. Writers reaching an entry are added to <paramref name="reached"/> with the bit and its state there; calls use
/// the <paramref name="summaries"/> of the helpers interpreted before.
/// </summary>
internal sealed class MethodInterpreter(
    GuestMethod method,
    IReadOnlyDictionary<string, ulong[]> summaries,
    IDictionary<string, AbstractValue> returns,
    Dictionary<Origin, List<(int Bit, BitState State)>> reached)
{
    private readonly ulong[] _summary = new ulong[method.UlongParameters.Count];

    public ulong[] Run()
    {
        var locals = new AbstractValue[method.LocalInitializers.Count];
        for (var local = 0; local < locals.Length; local++)
        {
            // An initializer reads no local: the locals after it are not assigned yet.
            locals[local] = Evaluate(method.LocalInitializers[local], locals);
        }

        Execute(method.Body, locals);
        return _summary;
    }

    private void Execute(IReadOnlyList<GuestStatement> statements, AbstractValue[] locals)
    {
        foreach (var statement in statements)
        {
            Execute(statement, locals);
        }
    }

    private void Execute(GuestStatement statement, AbstractValue[] locals)
    {
        switch (statement.Kind)
        {
            case GuestStatementKind.Assign:
                locals[statement.Local] = Evaluate(statement.Expressions[0], locals);
                break;
            case var _ when statement.IsCompoundAssignment:
                // v op= x is v = v op x, the writer being the compound assignment.
                locals[statement.Local] = Apply(
                    statement.CompoundOperator,
                    locals[statement.Local],
                    statement.Expressions[0],
                    locals,
                    statement.Span);
                break;
            case GuestStatementKind.StoreNew:
            case GuestStatementKind.StoreTargetTypedNew:
            case GuestStatementKind.PrintNew:
            case GuestStatementKind.ReturnNew:
                ReachEntry(Evaluate(statement.Expressions[0], locals), ulong.MaxValue);
                break;
            case GuestStatementKind.StoreCall:
            case GuestStatementKind.ReturnCall:
            case GuestStatementKind.PrintValueCall:
                Call(statement.Name, statement.Expressions, locals);
                break;
            case GuestStatementKind.ReturnValue:
            {
                // Not a sink; what a helper returns is followed into its callers (see AbstractValue.Call).
                var value = Evaluate(statement.Expressions[0], locals);
                returns[method.Name] = returns.TryGetValue(method.Name, out var earlier) ? earlier.Join(value) : value;
                break;
            }

            case GuestStatementKind.Print:
            case GuestStatementKind.PrintHash:
            case GuestStatementKind.PrintTimes:
            case GuestStatementKind.PrintComparison:
                // Not sinks; evaluated only for the sinks nested in them.
                Evaluate(statement.Expressions[0], locals);
                break;
            case GuestStatementKind.ReturnLast:
                break;
            case GuestStatementKind.If:
            {
                var whenTrue = (AbstractValue[])locals.Clone();
                var whenFalse = (AbstractValue[])locals.Clone();
                Execute(statement.WhenTrue, whenTrue);
                Execute(statement.WhenFalse, whenFalse);
                for (var local = 0; local < locals.Length; local++)
                {
                    locals[local] = whenTrue[local].Join(whenFalse[local]);
                }

                break;
            }

            default:
                throw new InvalidOperationException($"Unknown statement {statement.Kind}.");
        }
    }

    private AbstractValue Evaluate(GuestExpr expr, AbstractValue[] locals)
    {
        if (expr.IsConstant)
        {
            // A constant used as a value (not an operand of | & ^ + - beside a non-constant): its 1 bits are
            // written by the constant expression itself.
            return AbstractValue.Constant(expr.ConstantValue, Origin.Writer(OriginKind.Sets, expr.Span));
        }

        switch (expr.Kind)
        {
            case GuestExprKind.Parameter:
            {
                var index = IndexOf(method.UlongParameters, expr.Text);
                return AbstractValue.Parameter(index);
            }

            case GuestExprKind.EntryRaw:
                return AbstractValue.Unknown();
            case GuestExprKind.Local:
                return locals[expr.Number];
            case GuestExprKind.Complement:
                return Evaluate(expr.Operands[0], locals).Complement();
            case GuestExprKind.Or:
            case GuestExprKind.And:
            case GuestExprKind.Xor:
            case GuestExprKind.Add:
            case GuestExprKind.Subtract:
            {
                var (left, right) = (expr.Operands[0], expr.Operands[1]);
                if (left.IsConstant && expr.Kind != GuestExprKind.Subtract)
                {
                    // C op x: the same as x op C for the commutative operators.
                    (left, right) = (right, left);
                }

                return Apply(expr.Kind, Evaluate(left, locals), right, locals, expr.Span);
            }

            case GuestExprKind.ShiftLeft:
                return Evaluate(expr.Operands[0], locals).ShiftLeft(expr.Number & 63);
            case GuestExprKind.ShiftRight:
                return Evaluate(expr.Operands[0], locals).ShiftRight(expr.Number & 63);
            case GuestExprKind.Conditional:
                return Evaluate(expr.Operands[0], locals).Join(Evaluate(expr.Operands[1], locals));
            case GuestExprKind.TimesThirtyOne:
                Evaluate(expr.Operands[0], locals);
                return AbstractValue.Number();
            case GuestExprKind.NewEntryRaw:
                ReachEntry(Evaluate(expr.Operands[0], locals), ulong.MaxValue);
                return AbstractValue.Unknown();
            case GuestExprKind.ValueCall:
                Call(expr.Text, expr.Operands, locals);
                return returns.TryGetValue(expr.Text, out var returned)
                    ? AbstractValue.Call(returned, Evaluate(expr.Operands[0], locals), expr.Span)
                    : AbstractValue.Unknown();
            case GuestExprKind.EntryCallRaw:
                Call(expr.Text, expr.Operands, locals);
                return AbstractValue.Unknown();
            default:
                throw new InvalidOperationException($"Unknown expression {expr.Kind}.");
        }
    }

    /// <summary>
    /// <c>left op right</c> where <paramref name="left"/> is not a constant, with the operation located at
    /// <paramref name="at"/> (the binary expression, or the compound assignment).
    /// </summary>
    private AbstractValue Apply(GuestExprKind operation, AbstractValue left, GuestExpr right, AbstractValue[] locals, TextSpan at)
    {
        if (right.IsConstant)
        {
            var constant = right.ConstantValue;
            return operation switch
            {
                GuestExprKind.Or => left.OrConstant(constant, Origin.Writer(OriginKind.Sets, at)),
                GuestExprKind.And => left.AndConstant(constant, Origin.Writer(OriginKind.Clears, at)),
                GuestExprKind.Xor => left.XorConstant(constant, Origin.Writer(OriginKind.Toggles, at)),
                GuestExprKind.Add => left.AddOrSubtractConstant(constant, Origin.Writer(OriginKind.Sets, at)),
                GuestExprKind.Subtract => left.AddOrSubtractConstant(constant, Origin.Writer(OriginKind.Clears, at)),
                _ => throw new InvalidOperationException($"{operation} is not a binary operator."),
            };
        }

        var other = Evaluate(right, locals);
        return operation switch
        {
            GuestExprKind.Or => left.Or(other),
            GuestExprKind.And => left.And(other),
            GuestExprKind.Xor => left.Xor(other),
            GuestExprKind.Add or GuestExprKind.Subtract => AbstractValue.Number(),
            _ => throw new InvalidOperationException($"{operation} is not a binary operator."),
        };
    }

    /// <summary>A call of a helper declared earlier: each argument reaches an entry with the bits of the helper's summary.</summary>
    private void Call(string callee, IReadOnlyList<GuestExpr> arguments, AbstractValue[] locals)
    {
        if (!summaries.TryGetValue(callee, out var summary))
        {
            throw new InvalidOperationException($"{method.Name} calls {callee}, which is not declared before it.");
        }

        for (var index = 0; index < arguments.Count; index++)
        {
            ReachEntry(Evaluate(arguments[index], locals), summary[index]);
        }
    }

    /// <summary>
    /// <paramref name="value"/> becomes (the <paramref name="bits"/> of) an entry: each writer of such a bit reaches
    /// the entry with the bit's state; a parameter's own bit arriving at its own position joins the summary.
    /// </summary>
    private void ReachEntry(AbstractValue value, ulong bits)
    {
        for (var bit = 0; bit < AbstractValue.Width; bit++)
        {
            if (((bits >> bit) & 1) == 0)
            {
                continue;
            }

            foreach (var origin in value.Origins(bit))
            {
                if (origin.IsParameterBit)
                {
                    if (origin.Bit == bit)
                    {
                        _summary[origin.Parameter] |= 1UL << bit;
                    }

                    continue;
                }

                if (!reached.TryGetValue(origin, out var states))
                {
                    reached[origin] = states = [];
                }

                states.Add((bit, value.State(bit)));
            }
        }
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var index = 0; index < names.Count; index++)
        {
            if (names[index] == name)
            {
                return index;
            }
        }

        throw new InvalidOperationException($"'{name}' is not a ulong parameter.");
    }
}
