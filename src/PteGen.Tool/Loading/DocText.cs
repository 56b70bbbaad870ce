using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace PteGen.Tool.Loading;

/// <summary>What one piece of documentation text is.</summary>
internal enum DocSpanKind
{
    /// <summary>Prose.</summary>
    Text,

    /// <summary>Code (<c>&lt;c&gt;</c>, a <c>cref</c>, a <c>langword</c>, a parameter name).</summary>
    Code,

    /// <summary>A link (<c>&lt;see href&gt;</c>): the text and its target.</summary>
    Link,

    /// <summary>A paragraph break (<c>&lt;para&gt;</c>, a blank line).</summary>
    Break,
}

/// <summary>One piece of a documentation comment.</summary>
internal sealed record DocSpan(DocSpanKind Kind, string Text, string Target = "");

/// <summary>
/// A documentation comment (a claim's summary, a layout's remarks), white space already collapsed, that each format
/// renders its own way: Markdown, or plain text for JSON, SVG tooltips and C comments.
/// </summary>
internal sealed class DocText
{
    public DocText(IReadOnlyList<DocSpan> spans)
    {
        Spans = spans;
    }

    public IReadOnlyList<DocSpan> Spans { get; }

    public bool IsEmpty => Spans.All(span => span.Kind == DocSpanKind.Break || span.Text.Length == 0);

    /// <summary>Plain text: code as <c>`code`</c>, paragraphs separated by a blank line (or a space, when <paramref name="oneLine"/>).</summary>
    public string ToPlainText(bool oneLine = false)
    {
        var text = new StringBuilder();
        foreach (var span in Spans)
        {
            switch (span.Kind)
            {
                case DocSpanKind.Code:
                    text.Append('`').Append(span.Text).Append('`');
                    break;
                case DocSpanKind.Break:
                    text.Append(oneLine ? " " : "\n\n");
                    break;
                default:
                    text.Append(span.Text);
                    break;
            }
        }

        return text.ToString().Trim();
    }

    /// <summary>Markdown; <paramref name="inTable"/> keeps it on one line and escapes <c>|</c> inside code too.</summary>
    public string ToMarkdown(bool inTable)
    {
        var text = new StringBuilder();
        foreach (var span in Spans)
        {
            switch (span.Kind)
            {
                case DocSpanKind.Code:
                    text.Append(Formats.Markdown.Code(span.Text, inTable));
                    break;
                case DocSpanKind.Link:
                    text.Append('[').Append(Formats.Markdown.Escape(span.Text)).Append("](").Append(span.Target.Replace(" ", "%20").Replace(")", "%29")).Append(')');
                    break;
                case DocSpanKind.Break:
                    text.Append(inTable ? " " : "\n\n");
                    break;
                default:
                    text.Append(Formats.Markdown.Escape(span.Text));
                    break;
            }
        }

        return text.ToString().Trim();
    }
}
