using System;
using System.Collections.Generic;
using System.Text;
using PteGen.Generators.Helpers;

namespace PteGen.Generators.Model;

/// <summary>
/// A parsed <c>When</c> condition: a boolean expression over configuration switches. Records give the tree value
/// equality, so it can live in pipeline models. An <c>&amp;&amp;</c> or <c>||</c> chain is one node with all its
/// operands, so a tree is only as deep as the condition's <c>!</c> and parentheses nest (the parser bounds that): the
/// records' own equality and hashing recurse no deeper. Evaluation and formatting use explicit stacks, and every walk
/// is linear in the size of the condition.
/// </summary>
internal abstract record Condition
{
    // Built on first use; not part of the value (equal conditions have equal tables) and not copied by 'with'.
    private TruthTable? _truthTable;

    protected Condition()
    {
    }

    protected Condition(Condition original)
    {
    }

    /// <summary>Whether the condition holds in <paramref name="configuration"/>; constant time after the first call.</summary>
    public bool Holds(ulong configuration) => (_truthTable ??= TruthTable.Of(this)).Holds(configuration);

    public virtual bool Equals(Condition? other) => other is not null && EqualityContract == other.EqualityContract;

    public override int GetHashCode() => EqualityContract.GetHashCode();

    /// <summary>The condition in C# syntax with the fewest parentheses that keep its meaning.</summary>
    public sealed override string ToString()
    {
        var text = new StringBuilder();
        WriteTo(text, static (builder, item, negated) => builder.Append(negated ? "!" : "").Append(item.Name));
        return text.ToString();
    }

    /// <summary>
    /// Writes the condition with <c>!</c>, <c>&amp;&amp;</c>, <c>||</c> and the parentheses precedence needs: an
    /// <c>||</c> chain inside an <c>&amp;&amp;</c> chain, and a negated chain. <paramref name="writeSwitch"/> writes a
    /// switch test, negated for <c>!Switch</c>.
    /// </summary>
    public void WriteTo(StringBuilder text, Action<StringBuilder, SwitchCondition, bool> writeSwitch)
    {
        // Pending work, last first: a node to write or a piece of text between nodes.
        var pending = new Stack<(Condition? Node, string? Text)>();
        pending.Push((this, null));
        while (pending.Count > 0)
        {
            var (node, literal) = pending.Pop();
            switch (node)
            {
                case null:
                    text.Append(literal);
                    break;
                case SwitchCondition item:
                    writeSwitch(text, item, false);
                    break;
                case NotCondition { Operand: SwitchCondition item }:
                    writeSwitch(text, item, true);
                    break;
                case NotCondition not:
                    text.Append("!(");
                    pending.Push((null, ")"));
                    pending.Push((not.Operand, null));
                    break;
                case AndCondition and:
                    PushChain(pending, and.Operands, " && ", parenthesizeOr: true);
                    break;
                case OrCondition or:
                    PushChain(pending, or.Operands, " || ", parenthesizeOr: false);
                    break;
            }
        }
    }

    private static void PushChain(Stack<(Condition? Node, string? Text)> pending, EquatableArray<Condition> operands, string separator, bool parenthesizeOr)
    {
        for (var index = operands.Count - 1; index >= 0; index--)
        {
            var operand = operands[index];
            var wrap = parenthesizeOr && operand is OrCondition;
            if (wrap)
            {
                pending.Push((null, ")"));
            }

            pending.Push((operand, null));
            if (wrap)
            {
                pending.Push((null, "("));
            }

            if (index > 0)
            {
                pending.Push((null, separator));
            }
        }
    }

    /// <summary>How many operands the node has: none for a switch, one for a negation.</summary>
    internal int OperandCount => this switch
    {
        NotCondition => 1,
        AndCondition and => and.Operands.Count,
        OrCondition or => or.Operands.Count,
        _ => 0,
    };

    internal Condition OperandAt(int index) => this switch
    {
        NotCondition not when index == 0 => not.Operand,
        AndCondition and => and.Operands[index],
        OrCondition or => or.Operands[index],
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    /// <summary>Every switch test in the condition, in no particular order.</summary>
    public IEnumerable<SwitchCondition> Switches()
    {
        var pending = new Stack<Condition>();
        pending.Push(this);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node is SwitchCondition item)
            {
                yield return item;
                continue;
            }

            for (var index = 0; index < node.OperandCount; index++)
            {
                pending.Push(node.OperandAt(index));
            }
        }
    }
}

/// <summary>True when the switch is on.</summary>
internal sealed record SwitchCondition(string Name, ulong Value) : Condition;

internal sealed record NotCondition(Condition Operand) : Condition;

/// <summary>True when every operand holds; two or more operands.</summary>
internal sealed record AndCondition(EquatableArray<Condition> Operands) : Condition;

/// <summary>True when any operand holds; two or more operands.</summary>
internal sealed record OrCondition(EquatableArray<Condition> Operands) : Condition;
