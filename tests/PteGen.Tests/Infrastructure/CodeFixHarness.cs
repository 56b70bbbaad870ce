extern alias Generators;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using GuestUsageAnalyzer = Generators::PteGen.Generators.Usage.GuestUsageAnalyzer;

namespace PteGen.Tests.Infrastructure;

/// <summary>
/// Runs a code fix the way the IDE does: the guest source is a document of an <see cref="AdhocWorkspace"/> project
/// (with the layout assembly among its metadata references), the analyzer's diagnostics come from that project's
/// compilation, the provider registers its actions on a <see cref="CodeFixContext"/>, and the action's
/// <see cref="ApplyChangesOperation"/> gives the changed solution.
/// </summary>
internal static class CodeFixHarness
{
    /// <summary>
    /// Analyzes <paramref name="source"/>, takes its only <paramref name="id"/>, asks <paramref name="provider"/> for
    /// fixes and applies the single one it offers (<see cref="FixOutcome.Fixed"/> is null when it offers none).
    /// </summary>
    public static FixOutcome Fix(string source, CodeFixProvider provider, string id, UsageSettings? settings = null)
    {
        settings ??= UsageSettings.Default;
        Assert.Contains(id, provider.FixableDiagnosticIds);
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var documentId = DocumentId.CreateNewId(projectId);
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Create(),
                "Guest",
                "Guest",
                LanguageNames.CSharp,
                compilationOptions: settings.Apply(UsageHarness.CompilationOptions),
                parseOptions: UsageHarness.ParseOptions,
                metadataReferences: UsageHarness.GuestReferences))
            .AddDocument(documentId, UsageHarness.GuestPath, SourceText.From(source), filePath: UsageHarness.GuestPath);
        var document = solution.GetDocument(documentId)!;

        var compilation = document.Project.GetCompilationAsync().GetAwaiter().GetResult()!;
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"The source to fix does not compile:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        var diagnostics = UsageHarness.Analyze(compilation, settings.ToAnalyzerOptions(), new GuestUsageAnalyzer())
            .Where(d => d.Id == id)
            .ToList();
        Assert.True(diagnostics.Count == 1, $"Expected one {id}, got {diagnostics.Count}.");
        var diagnostic = diagnostics[0];

        var actions = ImmutableArray.CreateBuilder<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        provider.RegisterCodeFixesAsync(context).GetAwaiter().GetResult();
        if (actions.Count == 0)
        {
            return new FixOutcome(diagnostic, actions.ToImmutable(), null);
        }

        Assert.Single(actions);
        var operations = actions[0].GetOperationsAsync(CancellationToken.None).GetAwaiter().GetResult();
        var apply = Assert.Single(operations.OfType<ApplyChangesOperation>());
        var changed = apply.ChangedSolution.GetDocument(documentId)!;
        var text = changed.GetTextAsync().GetAwaiter().GetResult().ToString();
        return new FixOutcome(diagnostic, actions.ToImmutable(), text);
    }
}
