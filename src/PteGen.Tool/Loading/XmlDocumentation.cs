using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Xml;

namespace PteGen.Tool.Loading;

/// <summary>
/// The XML documentation file the compiler writes next to an assembly (<c>GenerateDocumentationFile</c>): the
/// summaries and remarks of the layouts, their claims and their switches, by documentation id (<c>T:XenPv.L1e</c>,
/// <c>P:XenPv.L1e.GrantMapping</c>, <c>F:XenPv.XenConfig.Debug</c>).
/// </summary>
internal sealed class XmlDocumentation
{
    private readonly Dictionary<string, DocText> _summaries;
    private readonly Dictionary<string, DocText> _remarks;

    private XmlDocumentation(Dictionary<string, DocText> summaries, Dictionary<string, DocText> remarks)
    {
        _summaries = summaries;
        _remarks = remarks;
    }

    /// <summary>No documentation.</summary>
    public static XmlDocumentation Empty { get; } = new(new(StringComparer.Ordinal), new(StringComparer.Ordinal));

    /// <summary>The documentation next to <paramref name="assemblyPath"/> (same name, <c>.xml</c>), or <see cref="Empty"/>.</summary>
    public static XmlDocumentation ForAssembly(string assemblyPath)
    {
        var path = Path.ChangeExtension(assemblyPath, ".xml");
        if (!File.Exists(path))
        {
            return Empty;
        }

        try
        {
            using var stream = File.OpenRead(path);
            return Read(stream);
        }
        catch (Exception exception) when (exception is XmlException or IOException or UnauthorizedAccessException)
        {
            // Documentation is optional: a broken file leaves the export without summaries, not without an ABI.
            return Empty;
        }
    }

    /// <summary>Reads a documentation file in one pass (no recursion, however deep its elements nest).</summary>
    public static XmlDocumentation Read(Stream stream)
    {
        var summaries = new Dictionary<string, DocText>(StringComparer.Ordinal);
        var remarks = new Dictionary<string, DocText>(StringComparer.Ordinal);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        using var reader = XmlReader.Create(stream, settings);
        string? member = null;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Name == "member")
            {
                member = reader.GetAttribute("name");
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.Name == "member")
            {
                member = null;
            }
            else if (reader.NodeType == XmlNodeType.Element && member is not null && reader.Depth == 3 && reader.Name is "summary" or "remarks")
            {
                var target = reader.Name == "summary" ? summaries : remarks;
                var text = ReadText(reader);
                if (!text.IsEmpty)
                {
                    target[member] = text;
                }
            }
        }

        return new XmlDocumentation(summaries, remarks);
    }

    public DocText? Summary(string documentationId) => _summaries.GetValueOrDefault(documentationId);

    public DocText? Remarks(string documentationId) => _remarks.GetValueOrDefault(documentationId);

    // Reads the element the reader is on, to its end, into spans: <c> and friends become code, <para> a break.
    private static DocText ReadText(XmlReader reader)
    {
        var spans = new List<DocSpan>();
        var prose = new StringBuilder();
        var code = new StringBuilder();
        var codeDepth = 0;
        string? linkTarget = null;
        var link = new StringBuilder();
        var start = reader.Depth;
        if (reader.IsEmptyElement)
        {
            return new DocText(spans);
        }

        void FlushProse()
        {
            if (prose.Length > 0)
            {
                spans.Add(new DocSpan(DocSpanKind.Text, prose.ToString()));
                prose.Clear();
            }
        }

        void Break()
        {
            FlushProse();
            if (spans.Count > 0 && spans[^1].Kind != DocSpanKind.Break)
            {
                spans.Add(new DocSpan(DocSpanKind.Break, ""));
            }
        }

        void Code(string text)
        {
            FlushProse();
            spans.Add(new DocSpan(DocSpanKind.Code, text));
        }

        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == start))
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (codeDepth > 0)
                    {
                        code.Append(reader.Value);
                    }
                    else if (linkTarget is not null)
                    {
                        link.Append(reader.Value);
                    }
                    else
                    {
                        AppendProse(prose, reader.Value);
                    }

                    break;
                case XmlNodeType.Element:
                    var empty = reader.IsEmptyElement;
                    switch (reader.Name)
                    {
                        case "c" or "code":
                            if (!empty)
                            {
                                codeDepth++;
                            }

                            break;
                        case "para" or "br":
                            Break();
                            break;
                        case "see" or "seealso" when reader.GetAttribute("href") is { } href && !empty && codeDepth == 0:
                            FlushProse();
                            linkTarget = href;
                            break;
                        case "see" or "seealso" or "paramref" or "typeparamref" when !empty:
                            // <see cref="X">text</see>: the text is shown instead of the name, as code.
                            codeDepth++;
                            break;
                        case "see" or "seealso" or "paramref" or "typeparamref":
                            var name = reader.GetAttribute("langword") ?? CrefName(reader.GetAttribute("cref")) ?? reader.GetAttribute("name") ?? reader.GetAttribute("href");
                            if (name is not null)
                            {
                                if (codeDepth > 0)
                                {
                                    code.Append(name);
                                }
                                else
                                {
                                    Code(name);
                                }
                            }

                            break;
                    }

                    break;
                case XmlNodeType.EndElement:
                    switch (reader.Name)
                    {
                        case "c" or "code" or "paramref" or "typeparamref" when codeDepth > 0:
                            if (--codeDepth == 0)
                            {
                                Code(Collapse(code.ToString()).Trim());
                                code.Clear();
                            }

                            break;
                        case "para":
                            Break();
                            break;
                        case "see" or "seealso" when linkTarget is not null:
                            spans.Add(new DocSpan(DocSpanKind.Link, Collapse(link.ToString()).Trim(), linkTarget));
                            link.Clear();
                            linkTarget = null;
                            break;
                        case "see" or "seealso" when codeDepth > 0:
                            if (--codeDepth == 0)
                            {
                                Code(Collapse(code.ToString()).Trim());
                                code.Clear();
                            }

                            break;
                    }

                    break;
            }
        }

        FlushProse();
        return Tidy(spans);
    }

    // Collapses white space across spans, and drops breaks and spaces at either end.
    private static DocText Tidy(List<DocSpan> spans)
    {
        var tidy = new List<DocSpan>();
        foreach (var span in spans)
        {
            if (span.Kind == DocSpanKind.Text)
            {
                var text = span.Text;
                if (tidy.Count == 0 || tidy[^1].Kind == DocSpanKind.Break)
                {
                    text = text.TrimStart();
                }

                if (text.Length > 0)
                {
                    tidy.Add(span with { Text = text });
                }
            }
            else if (span.Kind == DocSpanKind.Break)
            {
                if (tidy.Count > 0 && tidy[^1].Kind == DocSpanKind.Text)
                {
                    tidy[^1] = tidy[^1] with { Text = tidy[^1].Text.TrimEnd() };
                }

                if (tidy.Count > 0 && tidy[^1].Kind != DocSpanKind.Break)
                {
                    tidy.Add(span);
                }
            }
            else if (span.Text.Length > 0)
            {
                tidy.Add(span);
            }
        }

        while (tidy.Count > 0 && tidy[^1].Kind == DocSpanKind.Break)
        {
            tidy.RemoveAt(tidy.Count - 1);
        }

        if (tidy.Count > 0 && tidy[^1].Kind == DocSpanKind.Text)
        {
            tidy[^1] = tidy[^1] with { Text = tidy[^1].Text.TrimEnd() };
        }

        return new DocText(tidy);
    }

    private static void AppendProse(StringBuilder prose, string text)
    {
        foreach (var character in text)
        {
            if (char.IsWhiteSpace(character))
            {
                if (prose.Length == 0 || prose[^1] != ' ')
                {
                    prose.Append(' ');
                }
            }
            else
            {
                prose.Append(character);
            }
        }
    }

    private static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        AppendProse(builder, text);
        return builder.ToString();
    }

    // "M:XenPv.L1e.AdjustGuestL1e(XenPv.L1e,PteGen.PvDomainKind)" -> "AdjustGuestL1e"; "T:XenPv.XenConfig" -> "XenConfig".
    private static string? CrefName(string? cref)
    {
        if (string.IsNullOrEmpty(cref))
        {
            return null;
        }

        var text = cref.Length > 2 && cref[1] == ':' ? cref.Substring(2) : cref;
        var parameters = text.IndexOf('(');
        if (parameters >= 0)
        {
            text = text.Substring(0, parameters);
        }

        var generic = text.IndexOf('`');
        if (generic >= 0)
        {
            text = text.Substring(0, generic);
        }

        var dot = text.LastIndexOf('.');
        return dot >= 0 ? text.Substring(dot + 1) : text;
    }
}
