using System.Collections.Generic;
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
/// with the usual C# precedence (<c>!</c> binds tightest, then <c>&amp;&amp;</c>, then <c>||</c>).
/// </summary>
internal sealed class ConditionParser
{
    private readonly string _text;
    private readonly SwitchSet _switches;
    private readonly List<string> _unknownNames = new();
    private int _position;
    private int _depth;

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
        var left = ParseAnd();
        while (TryConsume("||"))
        {
            left = new OrCondition(left, ParseAnd());
        }

        return left;
    }

    private Condition ParseAnd()
    {
        var left = ParseUnary();
        while (TryConsume("&&"))
        {
            left = new AndCondition(left, ParseUnary());
        }

        return left;
    }

    /// <summary>Deeper nesting is certainly a mistake, and unbounded recursion could overflow the stack.</summary>
    private const int MaxDepth = 64;

    private Condition ParseUnary()
    {
        if (++_depth > MaxDepth)
        {
            throw new ConditionSyntaxException($"the condition is nested more than {MaxDepth} levels deep");
        }

        try
        {
            return ParseUnaryCore();
        }
        finally
        {
            _depth--;
        }
    }

    private Condition ParseUnaryCore()
    {
        SkipWhitespace();
        if (_position >= _text.Length)
        {
            throw new ConditionSyntaxException("the condition ends where a switch name, '!' or '(' was expected");
        }

        var current = _text[_position];
        if (current == '!')
        {
            _position++;
            return new NotCondition(ParseUnary());
        }

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

            var name = _text.Substring(start, _position - start);
            if (_switches.TryGetSwitch(name, out var member))
            {
                return new SwitchCondition(member.Name, member.Value);
            }

            if (!_unknownNames.Contains(name))
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

    private sealed class ConditionSyntaxException : System.Exception
    {
        public ConditionSyntaxException(string message)
            : base(message)
        {
        }
    }
}
