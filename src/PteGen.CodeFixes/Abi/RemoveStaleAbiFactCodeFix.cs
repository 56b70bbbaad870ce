using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using PteGen.Generators.Diagnostics;

namespace PteGen.CodeFixes.Abi;

/// <summary>PTE203: removes a line of <c>PteAbi.Unshipped.txt</c> that no current claim matches.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveStaleAbiFactCodeFix))]
[Shared]
public sealed class RemoveStaleAbiFactCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = nameof(RemoveStaleAbiFactCodeFix);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.AbiStaleEntry.Id);

    public override FixAllProvider GetFixAllProvider() => UnshippedFixAllProvider.Instance;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.TextDocument;
        foreach (var diagnostic in context.Diagnostics)
        {
            var stale = UnshippedFileEdit.StaleFacts(diagnostic);
            if (stale.Count == 0)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Remove the stale line from {PteGen.PteAbiBaseline.UnshippedFileName}",
                    cancellationToken => UnshippedFileEdit.ApplyAsync(
                        document.Project,
                        UnshippedFileEdit.Containing(document.Project, diagnostic) ?? document,
                        Enumerable.Empty<PteAbiFact>(),
                        stale,
                        cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }

        return Task.CompletedTask;
    }
}
