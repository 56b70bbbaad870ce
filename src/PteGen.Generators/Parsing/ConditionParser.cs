using System;
using System.Collections.Generic;
using System.Linq;
using PteGen.Generators.Helpers;
using PteGen.Generators.Model;

namespace PteGen.Generators.Parsing;

/// <summary>The result of parsing a <c>When</c> condition.</summary>
/// <param name="Condition">The condition; <see langword="null"/> when the text is empty (always) or has an error.</param>
/// <param name="SyntaxError">A description of the syntax error, or <see langword="null"/>.</param>
/// <param name="UnknownNames">Identifiers that are not switches of the layout, in order of appearance.</param>
internal sealed record ConditionParseResult(Condition? Condition, string? SyntaxError, IReadOnlyList<string> UnknownNames)
{
    public bool IsValid => SyntaxError is null && UnknownNames.Count == 0;
}

/// <summary>
/// Parses <c>When</c> conditions: identifiers (switch names), <c>!</c>, <c>&amp;&amp;</c>, <c>||</c> and parentheses,
/// with the usual C# precedence (<c>!</c> binds tightest, then <c>&amp;&amp;</c>, then <c>||</c>). In one pass and
/// linear in the text: a chain of <c>&amp;&amp;</c> or <c>||</c> becomes one node (a repeated operand counts once),
/// an even run of <c>!</c> cancels out, and only <c>!</c> and <c>(</c> nest, at most <see cref="MaxDepth"/> levels
/// deep, so the recursion is bounded and so is every tree the rest of PteGen walks.
/// </summary>
internal sealed class ConditionParser
{
    /// <summary>Deeper nesting of <c>!</c> and <c>(</c> is certainly a mistake, and unbounded nesting could overflow the stack.</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// The most operands (switch names) a condition may have, once an operand repeated in its chain is counted once:
    /// every condition is written into the generated code several times, as C#.
    /// </summary>
    public const int MaxOperands = 256;

    private readonly string _text;
    private readonly SwitchSet _switches;
    private readonly List<string> _unknownNames = new();
    private readonly HashSet<string> _unknownNameSet = new(StringComparer.Ordinal);
    private int _position;
    private int _depth;

    /// <summary>The switch names in the tree so far (those of dropped repeats subtracted).</summary>
    private int _operands;

    private ConditionParser(string text, SwitchSet switches)
    {
        _text = text;
        _switches = switches;
    }

    public static ConditionParseResult Parse(string? text, SwitchSet switches)
    {
        if (text is null || text.Trim().Length == 0)
        {
            return new ConditionParseResult(null, null, new List<string>());
        }

        var parser = new ConditionParser(text, switches);
        try
        {
            var condition = parser.ParseOr();
            parser.SkipWhitespace();
            if (parser._position < text.Length)
            {
                throw text[parser._position] == ')'
                    ? new ConditionSyntaxException($"')' at position {parser._position + 1} has no matching '('")
                    : parser.Unexpected("'&&', '||' or the end of the condition");
            }

            if (parser._operands > MaxOperands)
            {
                throw TooManyOperands();
            }

            return parser._unknownNames.Count == 0
                ? new ConditionParseResult(condition, null, parser._unknownNames)
                : new ConditionParseResult(null, null, parser._unknownNames);
        }
        catch (ConditionSyntaxException error)
        {
            return new ConditionParseResult(null, error.Message, parser._unknownNames);
        }
    }

    private Condition ParseOr()
    {
        var chain = new Chain(this, isAnd: false);
        chain.Add(ParseAnd());
        while (TryConsume("||"))
        {
            chain.Add(ParseAnd());
        }

        return chain.Build();
    }

    private Condition ParseAnd()
    {
        var chain = new Chain(this, isAnd: true);
        chain.Add(ParseUnary());
        while (TryConsume("&&"))
        {
            chain.Add(ParseUnary());
        }

        return chain.Build();
    }

    /// <summary>An operand with its run of <c>!</c>, read in a loop; each <c>!</c> is a level of nesting.</summary>
    private Condition ParseUnary()
    {
        var negations = 0;
        try
        {
            SkipWhitespace();
            while (_position < _text.Length && _text[_position] == '!')
            {
                Enter();
                negations++;
                _position++;
                SkipWhitespace();
            }

            var operand = ParsePrimary();
            return negations % 2 == 0 ? operand : Negate(operand);
        }
        finally
        {
            _depth -= negations;
        }
    }

    private static Condition Negate(Condition operand) => operand is NotCondition not ? not.Operand : new NotCondition(operand);

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw new ConditionSyntaxException($"the condition is nested more than {MaxDepth} levels deep");
        }
    }

    private Condition ParsePrimary()
    {
        Enter();
        try
        {
            return ParsePrimaryCore();
        }
        finally
        {
            _depth--;
        }
    }

    private Condition ParsePrimaryCore()
    {
        SkipWhitespace();
        if (_position >= _text.Length)
        {
            throw new ConditionSyntaxException("the condition ends where a switch name, '!' or '(' was expected");
        }

        var current = _text[_position];
        if (current == '(')
        {
            _position++;
            var inner = ParseOr();
            if (!TryConsume(")"))
            {
                throw _position >= _text.Length
                    ? new ConditionSyntaxException($"missing ')' for the '(' at position {FindOpening() + 1}")
                    : Unexpected("'&&', '||' or ')'");
            }

            return inner;
        }

        if (IsIdentifierStart(current))
        {
            var start = _position;
            while (_position < _text.Length && IsIdentifierPart(_text[_position]))
            {
                _position++;
            }

            _operands++;
            var name = _text.Substring(start, _position - start);
            if (_switches.TryGetSwitch(name, out var member))
            {
                return new SwitchCondition(member.Name, member.Value);
            }

            if (_unknownNameSet.Add(name))
            {
                _unknownNames.Add(name);
            }

            return new SwitchCondition(name, 0);
        }

        if (current == '&' || current == '|')
        {
            var doubled = _position + 1 < _text.Length && _text[_position + 1] == current;
            throw new ConditionSyntaxException(doubled
                ? $"'{current}{current}' at position {_position + 1} has no left operand"
                : $"'{current}' at position {_position + 1} is not an operator; use '{current}{current}'");
        }

        throw new ConditionSyntaxException($"unexpected '{current}' at position {_position + 1}; expected a switch name, '!' or '('");
    }

    private static ConditionSyntaxException TooManyOperands() =>
        new($"it has more than {MaxOperands} operands (switch names; an operand repeated in the same && or || chain counts once), more than PteGen writes into generated code");

    /// <summary>
    /// The error for the character at the current position where an operator (or the end) was expected; a single
    /// <c>&amp;</c> or <c>|</c> is named as such, since it is the likely mistake.
    /// </summary>
    private ConditionSyntaxException Unexpected(string expected)
    {
        var current = _text[_position];
        if (current == '&' || current == '|')
        {
            return new ConditionSyntaxException($"'{current}' at position {_position + 1} is not an operator; use '{current}{current}'");
        }

        return new ConditionSyntaxException($"unexpected '{current}' at position {_position + 1}; expected {expected}");
    }

    private int FindOpening()
    {
        var depth = 0;
        for (var index = _position - 1; index >= 0; index--)
        {
            if (_text[index] == ')')
            {
                depth++;
            }
            else if (_text[index] == '(')
            {
                if (depth == 0)
                {
                    return index;
                }

                depth--;
            }
        }

        return 0;
    }

    private bool TryConsume(string token)
    {
        SkipWhitespace();
        if (string.CompareOrdinal(_text, _position, token, 0, token.Length) == 0)
        {
            _position += token.Length;
            return true;
        }

        return false;
    }

    private void SkipWhitespace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>
    /// The operands of one <c>&amp;&amp;</c> or <c>||</c> chain: a parenthesized chain of the same kind is spliced in,
    /// and an operand equal to an earlier one is dropped (<c>A &amp;&amp; A</c> is <c>A</c>).
    /// </summary>
    private sealed class Chain
    {
        private readonly ConditionParser _parser;
        private readonly bool _isAnd;
        private readonly List<Condition> _operands = new();
        private readonly HashSet<Condition> _seen = new();

        public Chain(ConditionParser parser, bool isAnd)
        {
            _parser = parser;
            _isAnd = isAnd;
        }

        public void Add(Condition operand)
        {
            var spliced = _isAnd
                ? (operand as AndCondition)?.Operands
                : (operand as OrCondition)?.Operands;
            if (spliced is not { } operands)
            {
                AddOne(operand);
                return;
            }

            foreach (var item in operands)
            {
                AddOne(item);
            }
        }

        private void AddOne(Condition operand)
        {
            if (_seen.Add(operand))
            {
                _operands.Add(operand);

                // Operands of open chains may yet be dropped as repeats, but no open chain (two per level of nesting)
                // holds more than the finished condition will: beyond this many it is too large whatever follows.
                if (_parser._operands > (2 * (MaxDepth + 1) * MaxOperands) + 1)
                {
                    throw TooManyOperands();
                }
            }
            else
            {
                _parser._operands -= operand.Switches().Count();
            }
        }

        public Condition Build()
        {
            if (_operands.Count == 1)
            {
                return _operands[0];
            }

            var operands = new EquatableArray<Condition>(_operands);
            return _isAnd ? new AndCondition(operands) : new OrCondition(operands);
        }
    }

    private sealed class ConditionSyntaxException : System.Exception
    {
        public ConditionSyntaxException(string message)
            : base(message)
        {
        }
    }
}
