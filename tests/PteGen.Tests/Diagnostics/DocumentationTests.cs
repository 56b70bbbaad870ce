extern alias Generators;

using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PteGen.Tests.Infrastructure;
using AbiBaselineAnalyzer = Generators::PteGen.Generators.Abi.AbiBaselineAnalyzer;
using ConfigurationAnalyzer = Generators::PteGen.Generators.Usage.ConfigurationAnalyzer;
using DiagnosticDescriptors = Generators::PteGen.Generators.Diagnostics.DiagnosticDescriptors;
using GuestUsageAnalyzer = Generators::PteGen.Generators.Usage.GuestUsageAnalyzer;
using LayoutAnalyzer = Generators::PteGen.Generators.Diagnostics.LayoutAnalyzer;
using PteGenerator = Generators::PteGen.Generators.PteGenerator;

namespace PteGen.Tests.Diagnostics;

/// <summary>
/// The diagnostics reference in <c>docs/diagnostics</c> against the descriptors: every diagnostic PteGen reports (the
/// layout analyzer's, the generator's PTE013, the guest and configuration analyzers') has a page whose header matches
/// its descriptor, a row in the index, a help link to its page, the category <c>PteGen</c>, and a row in the analyzer
/// release files with its severity. The guest-rule pages (PTE1xx) are compiled like the layout pages are in
/// <see cref="LayoutDiagnosticTests"/>: the example, in a guest project referencing the Xen sample layouts
/// (<c>samples/XenPv</c>) with the MSBuild properties and <c>.editorconfig</c> entries the page shows, produces exactly
/// the quoted messages, and the fix produces no PteGen diagnostic at all.
/// </summary>
public sealed class DocumentationTests
{
    private static readonly string Docs = Path.Combine(Repository.Root, "docs", "diagnostics");

    /// <summary>
    /// Every descriptor a PteGen component reports, with the component's type name. Layout errors come from the layout
    /// analyzer, or from the generator for a layout it cannot complete (then the compiler's own errors stop analyzers).
    /// </summary>
    private static readonly IReadOnlyList<(DiagnosticDescriptor Descriptor, string ReportedBy)> Reported =
    [
        .. new LayoutAnalyzer().SupportedDiagnostics.Select(d => (d, LayoutErrorHosts)),
        .. new GuestUsageAnalyzer().SupportedDiagnostics.Select(d => (d, nameof(GuestUsageAnalyzer))),
        .. new ConfigurationAnalyzer().SupportedDiagnostics.Select(d => (d, nameof(ConfigurationAnalyzer))),
        .. new AbiBaselineAnalyzer().SupportedDiagnostics.Select(d => (d, nameof(AbiBaselineAnalyzer))),
    ];

    private const string LayoutErrorHosts = nameof(LayoutAnalyzer) + "` or `" + nameof(PteGenerator);

    public static TheoryData<string> AllIds() => [.. Reported.Select(r => r.Descriptor.Id).Order(StringComparer.Ordinal)];

    public static TheoryData<string> GuestRuleIds() =>
        [.. Reported.Where(r => r.ReportedBy is not (LayoutErrorHosts or nameof(AbiBaselineAnalyzer))).Select(r => r.Descriptor.Id).Order(StringComparer.Ordinal)];

    private static DiagnosticDescriptor Descriptor(string id) => Reported.Single(r => r.Descriptor.Id == id).Descriptor;

    private static string ReportedBy(string id) => Reported.Single(r => r.Descriptor.Id == id).ReportedBy;

    /// <summary>The severity as the page header and the index show it.</summary>
    private static string DocumentedSeverity(DiagnosticDescriptor descriptor) =>
        descriptor.CustomTags.Contains(WellKnownDiagnosticTags.NotConfigurable) ? "Error (not configurable)"
        : descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity.ToString()
        : $"{descriptor.DefaultSeverity}, off by default";

    /// <summary>The severity column of the analyzer release files (release tracking writes "Disabled" for rules off by default).</summary>
    private static string ReleaseSeverity(DiagnosticDescriptor descriptor) =>
        descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity.ToString() : "Disabled";

    // ---------------------------------------------------------------------------------------------------------------
    // Every descriptor: page, index row, help link, category, release row.

    [Fact]
    public void EveryDeclaredDescriptorIsReportedByExactlyOneComponent()
    {
        var declared = typeof(DiagnosticDescriptors)
            .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id)
            .Order(StringComparer.Ordinal)
            .ToList();
        var reported = Reported.Select(r => r.Descriptor.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(declared, reported);
        Assert.Equal(reported.Count, reported.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(AllIds))]
    public void EachDiagnostic_HasTheCategoryAndAHelpLinkToItsPage(string id)
    {
        var descriptor = Descriptor(id);
        Assert.Equal("PteGen", descriptor.Category);
        Assert.Equal(DiagnosticDescriptors.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
    }

    /// <summary>
    /// The help links have one base, <see cref="DiagnosticDescriptors.HelpLinkBase"/>: the diagnostics folder of the
    /// repository the package names as its own (<c>RepositoryUrl</c>), so the links point at these pages.
    /// </summary>
    [Fact]
    public void TheHelpLinkBase_IsTheDiagnosticsFolderOfThePackagesRepository()
    {
        var project = System.Xml.Linq.XDocument.Load(Path.Combine(Repository.Root, "src", "PteGen", "PteGen.csproj"));
        var repositoryUrl = Assert.Single(project.Descendants("RepositoryUrl")).Value.Trim();

        Assert.Equal(DiagnosticDescriptors.HelpLinkBase, repositoryUrl + "/blob/main/docs/diagnostics/");
    }

    [Theory]
    [MemberData(nameof(AllIds))]
    public void EachDiagnostic_HasAPageWhoseHeaderMatchesTheDescriptor(string id)
    {
        var descriptor = Descriptor(id);
        var page = Path.Combine(Docs, id + ".md");
        Assert.True(File.Exists(page), $"{page} is missing.");
        var lines = File.ReadLines(page).Where(line => line.Trim().Length > 0).Take(2).ToList();
        Assert.Equal($"# {id}: {descriptor.Title}", lines[0]);
        Assert.Equal(
            $"**Severity:** {DocumentedSeverity(descriptor)} · **Category:** `PteGen` · **Reported by:** `{ReportedBy(id)}`",
            lines[1]);
    }

    [Theory]
    [MemberData(nameof(AllIds))]
    public void EachDiagnostic_HasARowInTheIndex(string id)
    {
        var descriptor = Descriptor(id);
        var rows = IndexRows().Where(row => row.Id == id).ToList();
        var row = Assert.Single(rows);
        Assert.Equal($"[{id}]({id}.md)", row.Link);
        Assert.Equal(descriptor.Title.ToString(CultureInfo.InvariantCulture), row.Title);
        Assert.Equal(DocumentedSeverity(descriptor).Replace(" (not configurable)", "", StringComparison.Ordinal), row.Severity);
    }

    [Theory]
    [MemberData(nameof(AllIds))]
    public void EachDiagnostic_HasOneRowInTheAnalyzerReleases(string id)
    {
        var descriptor = Descriptor(id);
        var rows = ReleaseRows().Where(row => row.Id == id).ToList();
        var row = Assert.Single(rows);
        Assert.Equal("PteGen", row.Category);
        Assert.Equal(ReleaseSeverity(descriptor), row.Severity);
        Assert.Equal(descriptor.Title.ToString(CultureInfo.InvariantCulture), row.Notes);
    }

    /// <summary>No page, index row or release row for an id that nothing reports (a removed or renamed diagnostic).</summary>
    [Fact]
    public void TheDocumentationAndTheReleasesNameNoOtherId()
    {
        var ids = Reported.Select(r => r.Descriptor.Id).ToHashSet();
        var pages = Directory.GetFiles(Docs, "PTE*.md").Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.All(pages, page => Assert.Contains(page!, ids));
        Assert.All(IndexRows(), row => Assert.Contains(row.Id, ids));
        Assert.All(ReleaseRows(), row => Assert.Contains(row.Id, ids));
    }

    private static readonly Regex IndexRow = new(@"^\|\s*(?<link>\[(?<id>PTE\d{3})\]\([^)]*\))\s*\|\s*(?<title>[^|]+?)\s*\|\s*(?<severity>[^|]+?)\s*\|\s*$");

    private static List<(string Id, string Link, string Title, string Severity)> IndexRows() =>
        File.ReadLines(Path.Combine(Docs, "README.md"))
            .Select(line => IndexRow.Match(line))
            .Where(match => match.Success)
            .Select(match => (match.Groups["id"].Value, match.Groups["link"].Value, match.Groups["title"].Value, match.Groups["severity"].Value))
            .ToList();

    /// <summary>The rule rows of AnalyzerReleases.Shipped.md and AnalyzerReleases.Unshipped.md ("ID | Category | Severity | Notes").</summary>
    private static List<(string Id, string Category, string Severity, string Notes)> ReleaseRows()
    {
        var directory = Path.Combine(Repository.Root, "src", "PteGen.Generators");
        return new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" }
            .SelectMany(file => File.ReadLines(Path.Combine(directory, file)))
            .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray())
            .Where(cells => cells.Length == 4 && Regex.IsMatch(cells[0], @"^PTE\d{3}$"))
            .Select(cells => (cells[0], cells[1], cells[2], cells[3]))
            .ToList();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The guest-rule pages: the example produces the quoted messages, the fix is clean.

    /// <summary>
    /// The page's "Example" section (its C# file, or an empty guest file; its <c>xml</c> project properties and
    /// <c>ini</c> .editorconfig entries) produces exactly the messages its <c>text</c> block quotes for the page's id,
    /// at the quoted severity, and every other quoted PTE message; the "How to fix" section (its own file and settings
    /// where it shows them, else the example's) compiles and gets no PteGen diagnostic.
    /// </summary>
    [Theory]
    [MemberData(nameof(GuestRuleIds))]
    public void GuestRulePage_ExampleProducesTheQuotedMessagesAndTheFixIsClean(string id)
    {
        var page = File.ReadAllText(Path.Combine(Docs, id + ".md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var example = Section(page, "Example");
        var fix = Section(page, "How to fix");

        var exampleSource = SingleOrNone(FencedBlocks(example, "csharp"), id, "Example") ?? EmptyGuest;
        var exampleSettings = Settings(example, inherited: null);
        var produced = RunGuest(exampleSource, exampleSettings, id + " example");

        var quoted = FencedBlocks(example, "text")
            .SelectMany(block => block.Split('\n'))
            .Select(line => QuotedLine.Match(line))
            .Where(match => match.Success)
            .Select(match => (Id: match.Groups["id"].Value, Line: match.Value))
            .ToList();
        Assert.True(quoted.Any(q => q.Id == id), $"{id}.md quotes no '{id}' message in its example.");

        var producedLines = produced.Select(Format).ToList();
        var expected = quoted.Where(q => q.Id == id).Select(q => q.Line).Order(StringComparer.Ordinal).ToList();
        var actual = producedLines.Where(line => line.Contains($" {id}: ", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.True(
            expected.SequenceEqual(actual),
            $"{id}.md quotes:{Environment.NewLine}{string.Join(Environment.NewLine, expected)}{Environment.NewLine}"
            + $"the example produces:{Environment.NewLine}{string.Join(Environment.NewLine, producedLines)}");
        foreach (var (_, line) in quoted.Where(q => q.Id != id))
        {
            Assert.True(producedLines.Contains(line), $"{id}.md quotes a message the example does not produce:{Environment.NewLine}{line}");
        }

        var fixSource = SingleOrNone(FencedBlocks(fix, "csharp"), id, "How to fix") ?? exampleSource;
        var fixedRun = RunGuest(fixSource, Settings(fix, exampleSettings), id + " fix");
        Assert.True(fixedRun.Count == 0, $"The fix in {id}.md is not clean:{Environment.NewLine}{string.Join(Environment.NewLine, fixedRun.Select(Format))}");
    }

    /// <summary>The guest file of a page that shows no C# (the example is in the project properties).</summary>
    private const string EmptyGuest = "namespace Guest;\n";

    private static readonly Regex QuotedLine = new(@"^(?:error|warning|info|hidden) (?<id>PTE\d{3}): .+$");

    private static readonly Lazy<MetadataReference> XenPv = new(() => MetadataReference.CreateFromFile(typeof(global::XenPv.L1e).Assembly.Location));

    /// <summary>Compiles a guest file against PteGen.dll and the Xen sample layouts, and runs the guest analyzers on it.</summary>
    private static IReadOnlyList<Diagnostic> RunGuest(string source, UsageSettings settings, string what)
    {
        var compilation = CSharpCompilation.Create(
            "Guest",
            [CSharpSyntaxTree.ParseText(source, UsageHarness.ParseOptions, path: "Guest.cs")],
            [.. UsageHarness.BaseReferences, XenPv.Value],
            settings.Apply(UsageHarness.CompilationOptions));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"The {what} does not compile:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        return UsageHarness.Analyze(compilation, settings.ToAnalyzerOptions(), UsageHarness.GuestAnalyzers);
    }

    /// <summary>As <c>dotnet build</c> writes a diagnostic, without its location: "warning PTE101: ...".</summary>
    private static string Format(Diagnostic diagnostic)
    {
        var severity = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Info => "info",
            _ => "hidden",
        };
        return $"{severity} {diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}";
    }

    /// <summary>
    /// The settings a section shows: <c>PteGenConfiguration</c> and <c>PteGenRole</c> from its <c>xml</c> blocks and the
    /// entries of its <c>ini</c> blocks. A section without <c>xml</c> (or <c>ini</c>) blocks keeps the inherited ones.
    /// </summary>
    private static UsageSettings Settings(string section, UsageSettings? inherited)
    {
        var xml = FencedBlocks(section, "xml");
        var ini = FencedBlocks(section, "ini");
        var settings = inherited ?? UsageSettings.Default;
        if (xml.Count > 0)
        {
            settings = settings with { Configuration = Property(xml, "PteGenConfiguration"), Role = Property(xml, "PteGenRole") };
        }

        if (ini.Count > 0)
        {
            var entries = ini
                .SelectMany(block => block.Split('\n'))
                .Select(line => line.Split('#')[0].Trim())
                .Where(line => line.Length > 0 && !line.StartsWith('[') && line.Contains('=', StringComparison.Ordinal))
                .Select(line => line.Split('=', 2))
                .ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim());
            settings = settings with { TreeOptions = entries };
        }

        return settings;
    }

    private static string? Property(IEnumerable<string> xml, string name) =>
        xml.Select(block => Regex.Match(block, $"<{name}>(?<value>[^<]*)</{name}>"))
            .Where(match => match.Success)
            .Select(match => match.Groups["value"].Value)
            .SingleOrDefault();

    private static string? SingleOrNone(List<string> blocks, string id, string section)
    {
        Assert.True(blocks.Count <= 1, $"{id}.md shows {blocks.Count} C# files in its '{section}' section; the test compiles one.");
        return blocks.SingleOrDefault();
    }

    /// <summary>The text of the <c>## heading</c> section, up to the next <c>## </c> heading.</summary>
    private static string Section(string markdown, string heading)
    {
        var lines = markdown.Split('\n');
        var start = Array.FindIndex(lines, line => line.TrimEnd() == "## " + heading);
        Assert.True(start >= 0, $"No '## {heading}' section.");
        var end = Array.FindIndex(lines, start + 1, line => line.StartsWith("## ", StringComparison.Ordinal));
        return string.Join("\n", lines[(start + 1)..(end < 0 ? lines.Length : end)]);
    }

    private static List<string> FencedBlocks(string markdown, string language)
    {
        var blocks = new List<string>();
        var lines = markdown.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            if (lines[index].Trim() != "```" + language)
            {
                continue;
            }

            var block = new List<string>();
            for (index++; index < lines.Length && lines[index].Trim() != "```"; index++)
            {
                block.Add(lines[index]);
            }

            blocks.Add(string.Join("\n", block) + "\n");
        }

        return blocks;
    }
}
