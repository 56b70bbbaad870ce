extern alias Generators;

using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ConfigurationAnalyzer = Generators::PteGen.Generators.Usage.ConfigurationAnalyzer;
using GuestUsageAnalyzer = Generators::PteGen.Generators.Usage.GuestUsageAnalyzer;

namespace PteGen.Tests.Infrastructure;

/// <summary>The outcome of analyzing one guest source: its analyzer diagnostics, and the marked spans of the source.</summary>
internal sealed class GuestRun(MarkedSource source, Compilation compilation, ImmutableArray<Diagnostic> diagnostics)
{
    public MarkedSource Source { get; } = source;

    public Compilation Compilation { get; } = compilation;

    public ImmutableArray<Diagnostic> Diagnostics { get; } = diagnostics;

    public IReadOnlyList<Diagnostic> Of(string id) =>
        Diagnostics.Where(d => d.Id == id).OrderBy(d => d.Location.SourceSpan.Start).ToList();

    /// <summary>
    /// <paramref name="id"/> is reported exactly once per marked span, in the guest file, at the marked spans (in order),
    /// with <paramref name="messages"/> (one per span, or one for all).
    /// </summary>
    public IReadOnlyList<Diagnostic> Expect(string id, params string[] messages)
    {
        var found = Of(id);
        Assert.True(
            found.Count == Source.Spans.Length,
            $"Expected {Source.Spans.Length} {id} (one per marked span), got {found.Count}:{Environment.NewLine}{Describe()}");
        for (var index = 0; index < found.Count; index++)
        {
            var diagnostic = found[index];
            Assert.Equal(UsageHarness.GuestPath, diagnostic.Location.SourceTree?.FilePath);
            var expected = Source.Spans[index];
            Assert.True(
                expected == diagnostic.Location.SourceSpan,
                $"{id} expected at '{Text(expected)}', reported at '{Text(diagnostic.Location.SourceSpan)}':{Environment.NewLine}{Describe()}");
            if (messages.Length > 0)
            {
                Assert.Equal(messages[Math.Min(index, messages.Length - 1)], diagnostic.GetMessage(CultureInfo.InvariantCulture));
            }
        }

        return found;
    }

    /// <summary>The one <paramref name="id"/>, at the one marked span, with <paramref name="message"/>.</summary>
    public Diagnostic ExpectSingle(string id, string message)
    {
        Assert.True(Source.Spans.Length == 1, $"The test source marks {Source.Spans.Length} spans, not one.");
        return Expect(id, message)[0];
    }

    public void ExpectNone(params string[] ids)
    {
        var found = Diagnostics.Where(d => ids.Contains(d.Id)).ToList();
        Assert.True(found.Count == 0, $"Expected no {string.Join(", ", ids)}, got:{Environment.NewLine}{Describe()}");
    }

    /// <summary>No PteGen diagnostic of any kind.</summary>
    public void ExpectClean() => Assert.True(Diagnostics.IsEmpty, $"Expected no diagnostic, got:{Environment.NewLine}{Describe()}");

    /// <summary>The guest source text a diagnostic span covers.</summary>
    public string Text(TextSpan span) => Source.Source.Substring(span.Start, span.Length);

    public string Describe() =>
        Diagnostics.IsEmpty
            ? "(no diagnostics)"
            : string.Join(Environment.NewLine, Diagnostics.Select(d => $"{d.Id} {d.Severity} '{(d.Location.IsInSource ? d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan) : "")}': {d.GetMessage(CultureInfo.InvariantCulture)}"));
}
