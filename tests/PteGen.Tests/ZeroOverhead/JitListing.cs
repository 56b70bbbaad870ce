using System.Globalization;
using System.Text.RegularExpressions;

namespace PteGen.Tests.ZeroOverhead;

/// <summary>One method's block of a <c>DOTNET_JitDisasm</c> listing.</summary>
/// <param name="Name">The method's simple name (<c>Generated_Get_Present</c>).</param>
/// <param name="Header">The <c>; Assembly listing for method ...</c> line.</param>
/// <param name="CodeBytes">The <c>; Total bytes of code N</c> of the block.</param>
/// <param name="Text">The whole block, header to total.</param>
internal sealed record MethodListing(string Name, string Header, int CodeBytes, string Text)
{
    /// <summary>The JIT's description of the code it produced (<c>FullOpts</c>, <c>Tier1</c>, <c>Tier0</c>, <c>MinOpts</c>, ...).</summary>
    public string Tier => HeaderTier.Match(Header) is { Success: true } match ? match.Groups["tier"].Value : "";

    /// <summary>Optimized code: what a release build runs once it is hot.</summary>
    public bool IsOptimized => Tier is "FullOpts" or "Tier1" || Tier.StartsWith("Tier1", StringComparison.Ordinal);

    private static readonly Regex HeaderTier = new(@"\((?<tier>[^()]*)\)\s*$", RegexOptions.CultureInvariant);
}

/// <summary>Splits the text the JIT writes under <c>DOTNET_JitDisasm</c> into one block per method.</summary>
internal static class JitListing
{
    private const string HeaderPrefix = "; Assembly listing for method ";

    // "; Assembly listing for method ZeroOverheadProbe.Probes:Generated_Get_Present(ZeroOverheadProbe.L1e):ubyte (FullOpts)"
    private static readonly Regex Header = new(@"^; Assembly listing for method (?:[^:(]*):(?<name>[^:(]+)\(", RegexOptions.CultureInvariant);
    private static readonly Regex Total = new(@"^; Total bytes of code (?<bytes>\d+)\s*$", RegexOptions.CultureInvariant | RegexOptions.Multiline);

    public static IReadOnlyList<MethodListing> Parse(string listing)
    {
        var lines = listing.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var starts = Enumerable.Range(0, lines.Length).Where(i => lines[i].StartsWith(HeaderPrefix, StringComparison.Ordinal)).ToList();
        var methods = new List<MethodListing>();
        for (var k = 0; k < starts.Count; k++)
        {
            var start = starts[k];
            var end = k + 1 < starts.Count ? starts[k + 1] : lines.Length;
            var text = string.Join('\n', lines[start..end]).TrimEnd();
            var header = lines[start].TrimEnd();
            var name = Header.Match(header);
            var totals = Total.Matches(text);
            if (!name.Success || totals.Count != 1)
            {
                throw new FormatException($"Cannot read this JIT listing block (name found: {name.Success}, totals: {totals.Count}):\n{text}");
            }

            methods.Add(new MethodListing(
                name.Groups["name"].Value,
                header,
                int.Parse(totals[0].Groups["bytes"].Value, NumberStyles.None, CultureInfo.InvariantCulture),
                text));
        }

        return methods;
    }
}
