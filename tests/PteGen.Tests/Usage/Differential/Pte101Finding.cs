using Microsoft.CodeAnalysis.Text;

namespace PteGen.Tests.Usage.Differential;

/// <summary>A PTE101 finding as compared: where, and the exact message (the reference's, or the analyzer's).</summary>
internal sealed record Pte101Finding(TextSpan Span, string Message) : IComparable<Pte101Finding>
{
    public int CompareTo(Pte101Finding? other)
    {
        if (other is null)
        {
            return 1;
        }

        var bySpan = Span.CompareTo(other.Span);
        return bySpan != 0 ? bySpan : string.CompareOrdinal(Message, other.Message);
    }

    /// <summary>The finding with the source text it covers, for failure messages.</summary>
    public string Describe(string source) => $"[{Span.Start}..{Span.End}) '{source.Substring(Span.Start, Span.Length)}': {Message}";
}
