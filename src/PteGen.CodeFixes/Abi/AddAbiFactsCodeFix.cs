using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using PteGen.Generators.Diagnostics;

namespace PteGen.CodeFixes.Abi;

/// <summary>PTE202: accepts a layout's new ABI facts by adding them to <c>PteAbi.Unshipped.txt</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddAbiFactsCodeFix))]
[Shared]
public sealed class AddAbiFactsCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = nameof(AddAbiFactsCodeFix);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.AbiAddition.Id);

    public override FixAllProvider GetFixAllProvider() => UnshippedFixAllProvider.Instance;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var project = context.TextDocument.Project;
        foreach (var diagnostic in context.Diagnostics)
        {
            var facts = UnshippedFileEdit.AddedFacts(diagnostic);
            if (facts.Count == 0)
            {
                continue;
            }

            var title = facts.Count == 1
                ? $"Add the new ABI fact of '{facts[0].LayoutName}' to {PteGen.PteAbiBaseline.UnshippedFileName}"
                : $"Add the {facts.Count} new ABI facts of '{facts[0].LayoutName}' to {PteGen.PteAbiBaseline.UnshippedFileName}";
            context.RegisterCodeFix(
                CodeAction.Create(
                    title,
                    cancellationToken => UnshippedFileEdit.ApplyAsync(project, null, facts, Enumerable.Empty<PteAbiFact>(), cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }

        return Task.CompletedTask;
    }
}
