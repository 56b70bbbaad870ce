using System;
using System.Text;

namespace PteGen.Generators.Emit;

/// <summary>
/// A small indented text writer with fixed <c>\n</c> line endings, so generated files are byte-for-byte identical on
/// every machine. A line longer than <see cref="LineWrapper.MaxLength"/> is broken as <see cref="LineWrapper"/> says.
/// </summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _text = new();
    private int _indent;

    public SourceWriter Line(string line = "")
    {
        if (line.Length == 0)
        {
            _text.Append('\n');
            return this;
        }

        var indent = Indentation();
        foreach (var piece in LineWrapper.Wrap(line, indent, IndentUnit))
        {
            _text.Append(indent).Append(piece).Append('\n');
        }

        return this;
    }

    /// <summary>Whether <paramref name="line"/>, at the current indentation, needs no break.</summary>
    public bool Fits(string line) => _indent * IndentUnit.Length + line.Length <= LineWrapper.MaxLength;

    /// <summary>Writes <c>{</c>, indents until the returned scope is disposed, then writes <c>}</c> and the suffix.</summary>
    public Scope Block(string closingSuffix = "")
    {
        Line("{");
        _indent++;
        return new Scope(this, closingSuffix);
    }

    public override string ToString() => _text.ToString();

    private string Indentation()
    {
        var indent = new StringBuilder(_indent * IndentUnit.Length);
        for (var level = 0; level < _indent; level++)
        {
            indent.Append(IndentUnit);
        }

        return indent.ToString();
    }

    internal readonly struct Scope : IDisposable
    {
        private readonly SourceWriter _writer;
        private readonly string _closingSuffix;

        public Scope(SourceWriter writer, string closingSuffix)
        {
            _writer = writer;
            _closingSuffix = closingSuffix;
        }

        public void Dispose()
        {
            _writer._indent--;
            _writer.Line("}" + _closingSuffix);
        }
    }
}
