using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using PteGen.Tests.Infrastructure;
using static PteGen.Tests.Abi.AbiBaselineAnalyzerTests;

namespace PteGen.Tests.Abi;

/// <summary>
/// The pages of PTE201-PTE204 quote only messages the analyzer gives: each quoted <c>error</c>/<c>warning</c> line is
/// produced by one of the scenarios below (the pages' examples), at the quoted severity.
/// </summary>
public class AbiDiagnosticPagesTests
{
    private static readonly Regex QuotedLine = new(@"^(?<origin>\S+: )?(?<severity>error|warning) (?<id>PTE20\d): (?<message>.+)$");

    private static readonly Lazy<HashSet<string>> Produced = new(ProduceAll);

    [Theory]
    [InlineData("PTE201")]
    [InlineData("PTE202")]
    [InlineData("PTE203")]
    [InlineData("PTE204")]
    public void The_page_quotes_only_messages_the_analyzer_gives(string id)
    {
        var page = File.ReadAllLines(Path.Combine(Repository.Root, "docs", "diagnostics", id + ".md"));
        var quoted = page.Select(line => QuotedLine.Match(line)).Where(match => match.Success).ToList();
        Assert.Contains(quoted, match => match.Groups["id"].Value == id);
        foreach (var match in quoted)
        {
            var line = $"{match.Groups["origin"].Value}{match.Groups["severity"].Value} {match.Groups["id"].Value}: {match.Groups["message"].Value}";
            Assert.True(Produced.Value.Contains(line), $"{id}.md quotes a message no scenario produces:{Environment.NewLine}{line}");
        }
    }

    private static HashSet<string> ProduceAll()
    {
        var twoShippedLines = Header + TinyNoneLines;
        var sampleFiles = SampleBaselineTests.SampleFiles();
        var sampleRun = BaselineHarness.Analyze(
            sampleFiles.Select(file => SampleBaselineTests.GiveBit62ToXenInReleaseBuilds(file.Text)).ToArray(),
            File.ReadAllText(Path.Combine(Repository.Root, "samples", "XenPv", PteAbiBaseline.ShippedFileName)),
            null);
        var runs = new List<IEnumerable<Diagnostic>>
        {
            // PTE201: the sample's bit 62, and each kind of change of Tiny.
            sampleRun,
            BaselineHarness.Analyze(Tiny.Replace("[Hardware(0, Role = PteRole.Present)]", "[Hardware(0)]", StringComparison.Ordinal), TinyBaseline, null),
            BaselineHarness.Analyze(
                Tiny.Replace(
                    "[GuestAvailable(52, 61)] public partial ushort Software { get; }",
                    "[GuestAvailable(52, 60)] public partial ushort Software { get; }\n    [GuestAvailable(61)] public partial bool Extra { get; }",
                    StringComparison.Ordinal),
                TinyBaseline,
                null),
            BaselineHarness.Analyze(Tiny.Replace("[GuestAvailable(52, 61)]", "[GuestAvailable(52, 61, When = \"Debug || !Debug\")]", StringComparison.Ordinal), TinyBaseline, null),
            BaselineHarness.Analyze(
                Tiny.Replace("[XenReserved(62, When = \"Debug\")]", "[XenReserved(62, When = \"Debug\", GuestWrite = GuestWrite.Allowed)]", StringComparison.Ordinal),
                TinyBaseline,
                null),
            BaselineHarness.Analyze(Tiny, TinyBaseline + TinyNoneLines.Replace(" under None:", " under Verbose:", StringComparison.Ordinal), null),

            // PTE202, PTE203, PTE204.
            BaselineHarness.Analyze(Tiny, twoShippedLines, null),
            BaselineHarness.Analyze(Tiny, TinyBaseline, Header + "Abi.Tests.Tiny under None: [62] Ghost GuestAvailable role=None guest=allowed when=!Debug\n"),
            BaselineHarness.Analyze(Tiny, TinyBaseline + "Abi.Tests.Tiny under None: [9] Spare GuestAvailable role=None guest=allowed when=always\n", null),
        };

        var lines = new HashSet<string>(StringComparer.Ordinal);
        foreach (var diagnostic in runs.SelectMany(run => run))
        {
            var severity = diagnostic.Severity == DiagnosticSeverity.Error ? "error" : "warning";
            var message = $"{severity} {diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}";
            lines.Add(message);

            // As dotnet build prints it for the sample (path shortened, help link left out); the harness names the
            // sample's files Source{index}.cs in SampleFiles' order.
            var span = diagnostic.Location.GetLineSpan();
            var source = Regex.Match(span.Path, @"^Source(?<index>\d+)\.cs$");
            if (sampleRun.Contains(diagnostic) && source.Success)
            {
                var file = sampleFiles[int.Parse(source.Groups["index"].Value, CultureInfo.InvariantCulture)].Path;
                lines.Add($"{file}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {message}");
            }
        }

        return lines;
    }
}
