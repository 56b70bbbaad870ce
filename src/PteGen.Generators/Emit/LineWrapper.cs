using System.Collections.Generic;
using System.Text;

namespace PteGen.Generators.Emit;

/// <summary>
/// Breaks a generated line that is longer than <see cref="MaxLength"/> into lines that are not, the way a person
/// would: after <c>=&gt;</c> or a comma, or before an operator, where there is one, else at the last space; inside a
/// string literal, by splitting it into two joined with <c>+</c>. Code continues one indent deeper; a comment continues
/// as a comment. Spaces inside a string literal or an XML tag of a doc comment are never break points, so a
/// <c>cref="..."</c> stays whole. One pass over the line, so a condition of 100,000 characters is wrapped in linear time.
/// </summary>
internal static class LineWrapper
{
    /// <summary>The longest line a generated file has, indentation included (a token longer than that aside).</summary>
    public const int MaxLength = 140;

    /// <summary>A better break is taken over the last space only when it leaves at least this much on the line.</summary>
    private const int MinimumFill = MaxLength / 2;

    /// <summary>How good a break is: 0 any space, 1 before | &amp; + ^, 2 before &amp;&amp; || ? : or after a comma, 3 after =&gt;.</summary>
    private const int Ranks = 4;

    private static readonly (string Operator, int Rank)[] BreaksBefore =
        [("&&", 2), ("||", 2), ("?", 2), (":", 2), ("|", 1), ("&", 1), ("+", 1), ("^", 1)];

    /// <summary>The pieces of <paramref name="line"/>, each written after <paramref name="indent"/>.</summary>
    public static IReadOnlyList<string> Wrap(string line, string indent, string indentUnit)
    {
        if (indent.Length + line.Length <= MaxLength)
        {
            return new[] { line };
        }

        // Code continues one unit deeper than the line's own start (some lines begin with spaces of their own).
        var leading = 0;
        while (leading < line.Length && line[leading] == ' ')
        {
            leading++;
        }

        return new Wrapping(line, indent.Length, leading, line.Substring(0, leading) + indentUnit).Run();
    }

    /// <param name="line">The line.</param>
    /// <param name="indent">The writer's indentation before every piece.</param>
    /// <param name="leading">The spaces the line itself starts with: no break there.</param>
    /// <param name="indentUnit">The start of a continued line of code.</param>
    private sealed class Wrapping(string line, int indent, int leading, string indentUnit)
    {
        private readonly List<string> _pieces = [];
        private readonly StringBuilder _current = new();
        private readonly int[] _breaks = new int[Ranks];
        private string _prefix = "";
        private string? _comment = line.StartsWith("///", System.StringComparison.Ordinal) ? "/// "
            : line.StartsWith("//", System.StringComparison.Ordinal) ? "// "
            : null;

        /// <summary>Where a comment after code starts in the current piece, or -1.</summary>
        private int _trailingComment = -1;
        private bool _inString;
        private bool _interpolated;
        private bool _inTag;

        /// <summary>Where the current piece's open string literal may be split after a space, or -1.</summary>
        private int _stringSpace = -1;

        /// <summary>Where the current piece's open string literal starts (its quote).</summary>
        private int _stringStart;

        private bool InCodeString => _inString && _comment is null;

        private int Width => indent + _prefix.Length + _current.Length;

        public IReadOnlyList<string> Run()
        {
            ClearBreaks();
            var index = 0;
            while (index < line.Length)
            {
                var c = line[index];
                if (InCodeString && Width + EscapeLength(index) + 3 > MaxLength && LastBreak() < 0 && !_interpolated && c != '"')
                {
                    // A literal longer than the line: close it here and go on with a second one (never inside an escape).
                    // At a space of the literal (kept on the first line) when there is one near the end, else here.
                    var at = _stringSpace > 0 && _current.Length - _stringSpace < MaxLength / 4 ? _stringSpace : _current.Length;
                    var limit = MaxLength - indent - _prefix.Length - 3;
                    if (at > limit)
                    {
                        // The piece came over already (a continued line is indented deeper): split earlier, between escapes.
                        at = SplitPointUpTo(limit);
                    }

                    var rest = _current.ToString(at, _current.Length - at);
                    _pieces.Add(_prefix + _current.ToString(0, at) + "\" +");
                    _current.Clear().Append('"').Append(rest);
                    _stringSpace = -1;
                    _stringStart = 0;
                    _prefix = Continuation();
                    ClearBreaks();
                    continue;
                }

                if (Width + (InCodeString ? 3 : 0) >= MaxLength && LastBreak() >= 0)
                {
                    Break();
                    continue;
                }

                index = Take(index);
            }

            _pieces.Add(_prefix + _current);
            return _pieces;
        }

        /// <summary>Appends the character at <paramref name="index"/> (an escape as a whole), noting what it opens or closes.</summary>
        private int Take(int index)
        {
            var c = line[index];
            if (InCodeString && !_interpolated && c == '\\')
            {
                var length = EscapeLength(index);
                _current.Append(line, index, length);
                return index + length;
            }

            if (_comment is null && !_inString && c == '/' && index + 1 < line.Length && line[index + 1] == '/')
            {
                // A comment after the code: what follows a break in it is still comment.
                _trailingComment = _current.Length;
                _comment = "// ";
            }

            if (_comment is null && c == '"')
            {
                _interpolated = !_inString && _current.Length > 0 && _current[_current.Length - 1] == '$';
                _inString = !_inString;
                _stringSpace = -1;
                _stringStart = _current.Length;
            }
            else if (c == ' ' && InCodeString && !_interpolated)
            {
                _stringSpace = _current.Length + 1;
            }
            else if (_comment is not null && (c == '<' || c == '>'))
            {
                _inTag = c == '<';
            }
            else if (c == ' ' && !_inString && !_inTag && (_pieces.Count > 0 || _current.Length > leading) && !EndsWithNew())
            {
                NoteBreak(_current.Length, Rank(line, index));
            }

            _current.Append(c);
            return index + 1;
        }

        /// <summary>The last place at or before <paramref name="limit"/> where the open literal may be split (not in an escape).</summary>
        private int SplitPointUpTo(int limit)
        {
            var position = _stringStart + 1;
            var last = position;
            while (position <= limit && position < _current.Length)
            {
                last = position;
                position += _current[position] != '\\' ? 1 : position + 1 < _current.Length && _current[position + 1] == 'u' ? 6 : 2;
            }

            return position <= limit ? position : last;
        }

        /// <summary>Whether the piece ends in the keyword <c>new</c>, which stays with its type.</summary>
        private bool EndsWithNew() =>
            _current.Length >= 3 && _current[_current.Length - 1] == 'w' && _current[_current.Length - 2] == 'e' && _current[_current.Length - 3] == 'n'
            && (_current.Length == 3 || !char.IsLetterOrDigit(_current[_current.Length - 4]) && _current[_current.Length - 4] != '_');

        /// <summary>
        /// How many characters move together from <paramref name="index"/>: an escape of a string literal as a whole
        /// (\", \\ or \u and its four digits), else one.
        /// </summary>
        private int EscapeLength(int index) =>
            !InCodeString || _interpolated || line[index] != '\\' ? 1
            : System.Math.Min(index + 1 < line.Length && line[index + 1] == 'u' ? 6 : 2, line.Length - index);

        /// <summary>Ends the current piece at its best break and carries the rest over.</summary>
        private void Break()
        {
            var at = LastBreak();
            for (var rank = Ranks - 1; rank > 0; rank--)
            {
                if (_breaks[rank] >= 0 && indent + _prefix.Length + _breaks[rank] >= MinimumFill)
                {
                    at = _breaks[rank];
                    break;
                }
            }

            _pieces.Add(_prefix + _current.ToString(0, at));
            var rest = _current.ToString(at + 1, _current.Length - at - 1);
            _current.Clear().Append(rest);
            if (_trailingComment >= 0 && _trailingComment < at)
            {
                _prefix = indentUnit + "// ";
                _trailingComment = 0;
            }
            else
            {
                _prefix = Continuation();
                _trailingComment = _trailingComment < 0 ? -1 : _trailingComment - at - 1;
            }

            // The rest is short (it fitted on the line), so finding its breaks again keeps the whole pass linear.
            ClearBreaks();
            _stringSpace = -1;
            _stringStart -= at + 1;
            var inString = false;
            var inTag = false;
            for (var index = 0; index < rest.Length; index++)
            {
                var c = rest[index];
                if (c == '"' && _comment is null)
                {
                    inString = !inString;
                }
                else if ((c == '<' || c == '>') && _comment is not null)
                {
                    inTag = c == '<';
                }
                else if (c == ' ' && !inString && !inTag && index > 0 && rest[index - 1] != ' ')
                {
                    NoteBreak(index, Rank(rest, index));
                }
            }
        }

        private string Continuation() => _comment is { } comment && _trailingComment < 0 ? comment : indentUnit;

        private void NoteBreak(int position, int rank)
        {
            for (var level = 0; level <= rank; level++)
            {
                _breaks[level] = position;
            }
        }

        private int LastBreak() => _breaks[0];

        private void ClearBreaks()
        {
            for (var rank = 0; rank < Ranks; rank++)
            {
                _breaks[rank] = -1;
            }
        }

        /// <summary>The rank of a break at the space <paramref name="space"/> of <paramref name="text"/>.</summary>
        private int Rank(string text, int space)
        {
            if (_comment is not null)
            {
                return 0;
            }

            if (space >= 2 && text[space - 1] == '>' && text[space - 2] == '=')
            {
                return 3;
            }

            if (space >= 1 && text[space - 1] == ',')
            {
                return 2;
            }

            foreach (var (op, rank) in BreaksBefore)
            {
                var end = space + 1 + op.Length;
                if (end < text.Length && text[end] == ' ' && string.CompareOrdinal(text, space + 1, op, 0, op.Length) == 0)
                {
                    return rank;
                }
            }

            return 0;
        }
    }
}
