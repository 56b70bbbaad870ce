using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PteGen.Generators.Abi;

namespace PteGen.CodeFixes.Abi;

/// <summary>
/// Rewrites a project's <c>PteAbi.Unshipped.txt</c> as <c>PteAbiBaseline.Write</c> of its facts plus the added ones,
/// minus the removed ones; creates it next to <c>PteAbi.Shipped.txt</c> when the project has only that.
/// </summary>
internal static class UnshippedFileEdit
{
    /// <summary>The facts a PTE202 diagnostic carries.</summary>
    public static List<PteAbiFact> AddedFacts(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(AbiBaselineAnalyzer.FactsProperty, out var lines) && lines is not null
            ? ParseLines(lines.Split('\n'))
            : new List<PteAbiFact>();

    /// <summary>The stale fact a PTE203 diagnostic carries.</summary>
    public static List<PteAbiFact> StaleFacts(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(AbiBaselineAnalyzer.FactProperty, out var line) && line is not null
            ? ParseLines(new[] { line })
            : new List<PteAbiFact>();

    /// <summary>The project's unshipped file: the first by path, as the analyzer reads them.</summary>
    public static TextDocument? Unshipped(Project project) => Named(project, PteAbiBaseline.UnshippedFileName);

    /// <summary>The unshipped file a diagnostic (PTE203) is located in.</summary>
    public static TextDocument? Containing(Project project, Diagnostic diagnostic)
    {
        var path = diagnostic.Location.GetLineSpan().Path;
        return project.AdditionalDocuments.FirstOrDefault(document => string.Equals(document.FilePath, path, StringComparison.Ordinal)
            && IsNamed(document, PteAbiBaseline.UnshippedFileName));
    }

    /// <summary>The solution with <paramref name="target"/> (or the project's unshipped file, created if need be) rewritten.</summary>
    public static async Task<Solution> ApplyAsync(
        Project project,
        TextDocument? target,
        IEnumerable<PteAbiFact> added,
        IEnumerable<PteAbiFact> removed,
        CancellationToken cancellationToken)
    {
        target ??= Unshipped(project);
        var removedSet = new HashSet<PteAbiFact>(removed);
        var facts = new List<PteAbiFact>();
        if (target is not null)
        {
            var text = await target.GetTextAsync(cancellationToken).ConfigureAwait(false);
            facts.AddRange(PteAbiBaseline.Read(text.ToString()).Select(line => line.Fact).OfType<PteAbiFact>().Where(fact => !removedSet.Contains(fact)));
        }

        facts.AddRange(added.Where(fact => !removedSet.Contains(fact)));
        var written = SourceText.From(PteAbiBaseline.Write(facts));
        if (target is not null)
        {
            return project.Solution.WithAdditionalDocumentText(target.Id, written);
        }

        var shipped = Named(project, PteAbiBaseline.ShippedFileName);
        var folder = Path.GetDirectoryName(shipped?.FilePath ?? project.FilePath ?? "");
        var filePath = string.IsNullOrEmpty(folder) ? null : Path.Combine(folder, PteAbiBaseline.UnshippedFileName);
        return project.AddAdditionalDocument(PteAbiBaseline.UnshippedFileName, written, shipped?.Folders, filePath).Project.Solution;
    }

    private static TextDocument? Named(Project project, string name) =>
        project.AdditionalDocuments
            .Where(document => IsNamed(document, name))
            .OrderBy(document => document.FilePath ?? document.Name, StringComparer.Ordinal)
            .FirstOrDefault();

    private static bool IsNamed(TextDocument document, string name) =>
        string.Equals(Path.GetFileName(document.FilePath ?? document.Name), name, StringComparison.OrdinalIgnoreCase);

    private static List<PteAbiFact> ParseLines(IEnumerable<string> lines)
    {
        var facts = new List<PteAbiFact>();
        foreach (var line in lines)
        {
            if (PteAbiFact.TryParse(line, out var fact, out _))
            {
                facts.Add(fact);
            }
        }

        return facts;
    }
}
