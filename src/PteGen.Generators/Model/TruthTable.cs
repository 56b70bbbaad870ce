using System;
using System.Collections.Generic;

namespace PteGen.Generators.Model;

/// <summary>
/// The value of a condition in every combination of the switches it names: built in one pass over the condition,
/// so that each <see cref="Condition.Holds"/> afterwards is a lookup, however long the condition is (the validator and
/// the emitters ask about every configuration of every claim).
/// </summary>
internal sealed class TruthTable
{
    /// <summary>
    /// Entry <c>i</c> of the table is the combination in which switch <c>j</c> is on when bit <c>j</c> of <c>i</c> is
    /// set; these are the 64-entry words of "switch j is on" for the first six switches (the others are on in whole words).
    /// </summary>
    private static readonly ulong[] FirstSwitchWords =
    [
        0xAAAA_AAAA_AAAA_AAAAUL,
        0xCCCC_CCCC_CCCC_CCCCUL,
        0xF0F0_F0F0_F0F0_F0F0UL,
        0xFF00_FF00_FF00_FF00UL,
        0xFFFF_0000_FFFF_0000UL,
        0xFFFF_FFFF_0000_0000UL,
    ];

    private readonly Condition _condition;

    /// <summary>The configuration bit of each switch of the table, in table order.</summary>
    private readonly ulong[] _switchBits;

    /// <summary>The table, one bit per combination; <see langword="null"/> when it would be too large.</summary>
    private readonly ulong[]? _words;

    private TruthTable(Condition condition, ulong[] switchBits, ulong[]? words)
    {
        _condition = condition;
        _switchBits = switchBits;
        _words = words;
    }

    public static TruthTable Of(Condition condition)
    {
        ulong named = 0;
        foreach (var item in condition.Switches())
        {
            named |= item.Value;
        }

        var switchBits = new List<ulong>();
        for (var rest = named; rest != 0; rest &= rest - 1)
        {
            switchBits.Add(rest & (~rest + 1));
        }

        // A layout has at most SwitchSet.MaxSwitches switches; a condition built otherwise is evaluated directly.
        if (switchBits.Count > SwitchSet.MaxSwitches)
        {
            return new TruthTable(condition, switchBits.ToArray(), null);
        }

        var bits = switchBits.ToArray();
        var wordCount = bits.Length <= 6 ? 1 : 1 << (bits.Length - 6);
        var words = Evaluate(condition, wordCount, (item, into) =>
        {
            for (var index = 0; index < bits.Length; index++)
            {
                if ((item.Value & bits[index]) == 0)
                {
                    continue;
                }

                for (var word = 0; word < into.Length; word++)
                {
                    into[word] |= index < 6 ? FirstSwitchWords[index] : ((word >> (index - 6)) & 1) != 0 ? ulong.MaxValue : 0;
                }
            }
        });
        return new TruthTable(condition, bits, words);
    }

    public bool Holds(ulong configuration)
    {
        if (_words is null)
        {
            var value = Evaluate(_condition, 1, (item, into) => into[0] = (configuration & item.Value) != 0 ? ulong.MaxValue : 0);
            return (value[0] & 1) != 0;
        }

        var entry = 0;
        for (var index = 0; index < _switchBits.Length; index++)
        {
            if ((configuration & _switchBits[index]) != 0)
            {
                entry |= 1 << index;
            }
        }

        return ((_words[entry >> 6] >> (entry & 63)) & 1) != 0;
    }

    /// <summary>
    /// Evaluates <paramref name="root"/> on <paramref name="wordCount"/> words of cases at once, in post-order with an
    /// explicit stack; <paramref name="writeSwitch"/> sets the words of a switch test into a zeroed array.
    /// </summary>
    private static ulong[] Evaluate(Condition root, int wordCount, Action<SwitchCondition, ulong[]> writeSwitch)
    {
        // One frame per open node: the node, its next operand and the value of its operands so far.
        var nodes = new List<Condition>();
        var next = new List<int>();
        var values = new List<ulong[]>();
        var spare = new Stack<ulong[]>();

        void Open(Condition node)
        {
            var value = spare.Count > 0 ? spare.Pop() : new ulong[wordCount];
            var start = node is AndCondition ? ulong.MaxValue : 0;
            for (var word = 0; word < wordCount; word++)
            {
                value[word] = start;
            }

            nodes.Add(node);
            next.Add(0);
            values.Add(value);
        }

        Open(root);
        while (true)
        {
            var top = nodes.Count - 1;
            var node = nodes[top];
            var finished = values[top];
            if (node is SwitchCondition item)
            {
                writeSwitch(item, finished);
            }
            else if (next[top] < node.OperandCount)
            {
                next[top]++;
                Open(node.OperandAt(next[top] - 1));
                continue;
            }
            else if (node is NotCondition)
            {
                for (var word = 0; word < wordCount; word++)
                {
                    finished[word] = ~finished[word];
                }
            }

            nodes.RemoveAt(top);
            next.RemoveAt(top);
            values.RemoveAt(top);
            if (top == 0)
            {
                return finished;
            }

            var parent = nodes[top - 1];
            var into = values[top - 1];
            for (var word = 0; word < wordCount; word++)
            {
                into[word] = parent switch
                {
                    AndCondition => into[word] & finished[word],
                    OrCondition => into[word] | finished[word],
                    _ => finished[word],
                };
            }

            spare.Push(finished);
        }
    }
}
