using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace PteGen.CodeFixes.Abi;

/// <summary>
/// Fix All for PTE202 and PTE203: one rewrite of each project's unshipped file with every added fact and without every
/// stale one, so the result is the same whatever order the diagnostics come in.
/// </summary>
internal sealed class UnshippedFixAllProvider : FixAllProvider
{
    public static readonly UnshippedFixAllProvider Instance = new();

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
        ImmutableArray.Create(FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution);

    public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext) =>
        Task.FromResult<CodeAction?>(CodeAction.Create(
            $"Update {PteGen.PteAbiBaseline.UnshippedFileName}",
            cancellationToken => FixAsync(fixAllContext, cancellationToken),
            fixAllContext.CodeActionEquivalenceKey));

    private static async Task<Solution> FixAsync(FixAllContext context, CancellationToken cancellationToken)
    {
        var solution = context.Solution;
        var projects = context.Scope == FixAllScope.Solution ? solution.Projects.ToList() : new List<Project> { context.Project };
        foreach (var projectId in projects.Select(project => project.Id))
        {
            var project = solution.GetProject(projectId)!;
            var diagnostics = (await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false))
                .Where(diagnostic => context.DiagnosticIds.Contains(diagnostic.Id))
                .ToList();
            var added = diagnostics.SelectMany(UnshippedFileEdit.AddedFacts).ToList();

            // Stale lines are removed from the file they are in; additions go to the first unshipped file.
            var staleByFile = diagnostics
                .Select(diagnostic => (Document: UnshippedFileEdit.Containing(project, diagnostic), Stale: UnshippedFileEdit.StaleFacts(diagnostic)))
                .Where(item => item.Document is not null && item.Stale.Count > 0)
                .GroupBy(item => item.Document!.Id)
                .ToDictionary(group => group.Key, group => group.SelectMany(item => item.Stale).ToList());
            if (added.Count == 0 && staleByFile.Count == 0)
            {
                continue;
            }

            var target = UnshippedFileEdit.Unshipped(project);
            var removed = target is not null && staleByFile.TryGetValue(target.Id, out var inTarget) ? inTarget : new List<PteAbiFact>();
            if (added.Count > 0 || removed.Count > 0)
            {
                solution = await UnshippedFileEdit.ApplyAsync(project, target, added, removed, cancellationToken).ConfigureAwait(false);
            }

            foreach (var pair in staleByFile.Where(pair => pair.Key != target?.Id))
            {
                var current = solution.GetProject(projectId)!;
                solution = await UnshippedFileEdit.ApplyAsync(current, current.GetAdditionalDocument(pair.Key), Enumerable.Empty<PteAbiFact>(), pair.Value, cancellationToken)
                    .ConfigureAwait(false);
            }
        }

        return solution;
    }
}
