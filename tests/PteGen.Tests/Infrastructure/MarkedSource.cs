using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace PteGen.Tests.Infrastructure;

/// <summary>
/// Test source with expected diagnostic locations marked as <c>[|...|]</c>: <see cref="Source"/> is the text without the
/// markers, <see cref="Spans"/> the marked spans in that text, in order of appearance.
/// </summary>
internal sealed class MarkedSource
{
    private const string Open = "[|";
    private const string Close = "|]";

    private MarkedSource(string source, ImmutableArray<TextSpan> spans)
    {
        Source = source;
        Spans = spans;
    }

    public string Source { get; }

    public ImmutableArray<TextSpan> Spans { get; }

    /// <summary>The only marked span.</summary>
    public TextSpan Span
    {
        get
        {
            Assert.True(Spans.Length == 1, $"The test source marks {Spans.Length} spans, not one.");
            return Spans[0];
        }
    }

    public static MarkedSource Parse(string markup)
    {
        var text = new StringBuilder(markup.Length);
        var spans = ImmutableArray.CreateBuilder<TextSpan>();
        var position = 0;
        while (true)
        {
            var open = markup.IndexOf(Open, position, StringComparison.Ordinal);
            if (open < 0)
            {
                text.Append(markup, position, markup.Length - position);
                break;
            }

            var close = markup.IndexOf(Close, open + Open.Length, StringComparison.Ordinal);
            Assert.True(close >= 0, $"'{Open}' at {open} has no '{Close}'.");
            var nested = markup.IndexOf(Open, open + Open.Length, close - open - Open.Length, StringComparison.Ordinal);
            Assert.True(nested < 0, "Marked spans cannot nest.");
            text.Append(markup, position, open - position);
            var start = text.Length;
            text.Append(markup, open + Open.Length, close - open - Open.Length);
            spans.Add(TextSpan.FromBounds(start, text.Length));
            position = close + Close.Length;
        }

        return new MarkedSource(text.ToString(), spans.ToImmutable());
    }
}
