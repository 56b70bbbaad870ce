using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using CsCheck;

namespace PteGen.Tests.Robustness;

// Conditions: trees over switch indexes, written out with random spacing and redundant parentheses; malformed ones;
// and long chains, equivalent to a short condition or broken in one place.
internal sealed partial class LayoutGenerators
{
    private static readonly string[] Whitespace = [" ", " ", " ", " ", "", "  ", "\t", "\n", "\r\n", "\u00A0", "\u2003", "\u2028"];

    internal abstract record Cond;

    internal sealed record CSwitch(int Index) : Cond;

    internal sealed record CNot(Cond Operand) : Cond;

    internal sealed record CBinary(bool IsAnd, Cond Left, Cond Right) : Cond;

    private static Gen<Cond> Conditions(int switchCount, int depth)
    {
        Gen<Cond> leaf = Gen.Int[0, switchCount - 1].Select(index => (Cond)new CSwitch(index));
        if (depth == 0)
        {
            return leaf;
        }

        var sub = Conditions(switchCount, depth - 1);
        return Pick(
            (5, leaf),
            (2, sub.Select(operand => (Cond)new CNot(operand))),
            (2, Gen.Select(sub, sub, (left, right) => (Cond)new CBinary(true, left, right))),
            (2, Gen.Select(sub, sub, (left, right) => (Cond)new CBinary(false, left, right))));
    }

    private static bool Holds(Cond condition, ImmutableArray<SwitchMember> switches, ulong configuration) => condition switch
    {
        CSwitch s => (configuration & switches[s.Index].Value) != 0,
        CNot n => !Holds(n.Operand, switches, configuration),
        CBinary { IsAnd: true } b => Holds(b.Left, switches, configuration) && Holds(b.Right, switches, configuration),
        CBinary b => Holds(b.Left, switches, configuration) || Holds(b.Right, switches, configuration),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>Writes a condition; style 0 is the plain style, any other seeds random spacing and parentheses.</summary>
    private sealed class ConditionWriter(ImmutableArray<SwitchMember> switches, int style)
    {
        private readonly Random? _random = style == 0 ? null : new Random(style);

        private string Space() => _random is null ? " " : Whitespace[_random.Next(Whitespace.Length)];

        private bool Chance(int percent) => _random is not null && _random.Next(100) < percent;

        public string Write(Cond condition)
        {
            var text = condition switch
            {
                CSwitch s => Chance(15) ? "!!" + switches[s.Index].Name : switches[s.Index].Name,
                CNot { Operand: CSwitch } n when !Chance(30) => "!" + Write(n.Operand),
                CNot n => "!(" + Space() + Write(n.Operand) + Space() + ")",
                CBinary b => Operand(b.Left, b.IsAnd) + Space() + (b.IsAnd ? "&&" : "||") + Space() + Operand(b.Right, b.IsAnd),
                _ => throw new InvalidOperationException(),
            };
            return Chance(10) ? "(" + text + ")" : text;
        }

        private string Operand(Cond operand, bool inAnd) =>
            inAnd && operand is CBinary { IsAnd: false } ? "(" + Write(operand) + ")" : Write(operand);

        /// <summary>The conjunction of the decisions on the path to a claim.</summary>
        public string WritePath(ImmutableArray<(Cond Condition, bool Holds)> path) =>
            string.Join(
                Space() + "&&" + Space(),
                path.Select(step => step.Holds
                    ? Operand(step.Condition, inAnd: true)
                    : step.Condition is CSwitch ? "!" + Write(step.Condition) : "!(" + Write(step.Condition) + ")"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Long chains

    /// <summary>How a long chain is made from a claim's condition.</summary>
    internal enum ChainKind
    {
        /// <summary><c>(c) &amp;&amp; (S || !S) &amp;&amp; ...</c>: means <c>c</c>.</summary>
        And,

        /// <summary><c>(c) || (S &amp;&amp; !S) || ...</c>: means <c>c</c>.</summary>
        Or,

        /// <summary>Either chain, then one term replaced by a name that is no switch.</summary>
        UnknownName,

        /// <summary>Either chain, then one <c>&amp;&amp;</c> or <c>||</c> written <c>&amp;</c> or <c>|</c>.</summary>
        SingleOperator,

        /// <summary>The condition inside 100 to 300 parentheses: deeper than PteGen allows.</summary>
        TooDeep,
    }

    /// <summary>The term count of a long chain: mostly tens or hundreds, now and then up to <see cref="GenerationOptions.MaxChainTerms"/>.</summary>
    private Gen<int> ChainTerms => Pick(
        (6, Gen.Int[2, Math.Min(60, options.MaxChainTerms)]),
        (3, Gen.Int[2, Math.Min(250, options.MaxChainTerms)]),
        (1, Gen.Int[2, options.MaxChainTerms]));

    /// <summary>
    /// A long form of <paramref name="condition"/> (null: always) over the switch <paramref name="name"/>: an
    /// equivalent chain of <paramref name="terms"/> terms, inside <paramref name="parentheses"/> more parentheses, or
    /// one broken in one place (<paramref name="position"/>).
    /// </summary>
    internal static string LongCondition(string? condition, string name, ChainKind kind, int terms, int parentheses, int position)
    {
        var isAnd = kind != ChainKind.Or && (kind == ChainKind.And || position % 2 == 0);
        var filler = isAnd ? $"({name} || !{name})" : $"({name} && !{name})";
        var separator = position % 7 == 0 ? (isAnd ? "\n&& " : "\n|| ") : (isAnd ? " && " : " || ");
        var text = new StringBuilder();
        text.Append(condition is null ? (isAnd ? filler : $"{name} || !{name}") : "(" + condition + ")");
        var broken = position % terms;
        for (var term = 0; term < terms; term++)
        {
            text.Append(kind == ChainKind.SingleOperator && term == broken ? (isAnd ? " & " : " | ") : separator);
            text.Append(kind == ChainKind.UnknownName && term == broken ? "NotASwitch" + term.ToString(CultureInfo.InvariantCulture) : filler);
        }

        var depth = kind == ChainKind.TooDeep ? 100 + (position % 201) : parentheses;
        return new string('(', depth) + text + new string(')', depth);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Malformed conditions

    private static readonly string[] Templates =
    [
        "&&", "||", "(", ")", "()", "!", "!!", "&", "|", "{0} &", "&& {0}", "{0} ||", "{0} && && {1}", "(({0})",
        "({0}))", "{0} {1}", "{0},{1}", "{0}|{1}", "{0}&{1}", "~{0}", "{0} == {1}", "!!{0}", "!(!{0})",
        "({0} || {1}) && !({0})", "{0} &&& {1}", "{0} ||| {1}", "{0} && ({1} ||)", "{0}!", "{0} !{1}", "1{0}", "{0}1",
        "@{0}", "\"{0}\"", "{0};", "{0}\0", "{0} && {1} || !{0}", "{0}.{1}", "Cfg.{0}", "{0} and {1}", "not {0}",
        "true", "false", "null", "0", "None", "All", "Release", "Foo", "{0}()", "({0} && {1}", "!({0} || {1}))",
        "{0} || ({1} && (!{0}))", "( {0} )", "!\t{0}", "{0}\n&&\n{1}", "{0}\u2028&&{1}", "{0} \u00A0|| {1}",
        "\u00A0{0}\u00A0", "ǅ", "_", "_{0}", "{0}_",
    ];

    private static readonly char[] JunkAlphabet =
        "!&|() \t\n~^-+*/=<>?:;,.'\"\\{}[]#$%019aAzZ_é\u00A0\u2028\u0000\uFFFF".ToCharArray();

    private static Gen<string> MalformedConditions(string[] switchNames)
    {
        var names = switchNames.Length > 0 ? switchNames : ["A", "B"];
        var name = Gen.OneOf(names);
        var junk = Gen.OneOf(JunkAlphabet).Array[1, 12].Select(chars => new string(chars));
        var depth = Pick((3, Gen.Int[1, 40]), (1, Gen.Int[100, 3000]));
        return Pick(
            (6, from template in Gen.OneOf(Templates)
                from first in name
                from second in name
                select string.Format(CultureInfo.InvariantCulture, template, first, second)),
            (3, junk),
            (1, Gen.OneOf("", " ", "\t", " \n ", "\u00A0", "\u2028")),
            (1, name.Select(n => n.ToLowerInvariant() == n ? n.ToUpperInvariant() : n.ToLowerInvariant())),
            (3, from d in depth
                from kind in Gen.Int[0, 3]
                from n in name
                select kind switch
                {
                    0 => new string('(', d) + n + new string(')', d),
                    1 => new string('!', d) + n,
                    2 => string.Concat(Enumerable.Repeat("!(", Math.Max(1, d / 2))) + n + new string(')', Math.Max(1, d / 2)),
                    _ => new string('(', d) + n, // unbalanced
                }),
            (1, from count in Pick((3, Gen.Int[2, 20]), (1, Gen.Int[200, 600]))
                from and in Gen.Bool
                from n in name
                select string.Join(and ? " && " : " || ", Enumerable.Repeat(n, count))),
            (3, from condition in switchNames.Length > 0 ? Conditions(switchNames.Length, 2) : Const<Cond>(new CSwitch(0))
                from style in Gen.Int[0, 1000]
                from position in Gen.Int[0, 1000]
                from kind in Gen.Int[0, 2]
                from insert in Gen.OneOf(JunkAlphabet)
                select Corrupt(switchNames.Length > 0 ? new ConditionWriter([.. switchNames.Select(n => new SwitchMember(n, n, 1))], style).Write(condition) : "A", position, kind, insert)));
    }

    private static string Corrupt(string text, int position, int kind, char insert)
    {
        var at = position % (text.Length + 1);
        return kind switch
        {
            0 => text.Insert(at, insert.ToString()),
            1 when text.Length > 0 => text.Remove(at % text.Length, 1),
            _ => text + " " + insert,
        };
    }
}
