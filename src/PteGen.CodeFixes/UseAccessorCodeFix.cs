using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PteGen.Generators.Diagnostics;
using PteGen.Generators.Usage;

namespace PteGen.CodeFixes;

/// <summary>PTE104: replaces raw arithmetic on <c>.Raw</c> with the generated accessor the analyzer found.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseAccessorCodeFix))]
[Shared]
public sealed class UseAccessorCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.UseGeneratedAccessor.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax node
                || !diagnostic.Properties.TryGetValue(GuestUsageAnalyzer.ReplacementProperty, out var replacement)
                || replacement is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Use '{replacement}'",
                    cancellationToken => ReplaceAsync(context.Document, node, replacement, cancellationToken),
                    equivalenceKey: nameof(UseAccessorCodeFix)),
                diagnostic);
        }
    }

    private static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax node, string replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var expression = SyntaxFactory.ParseExpression(replacement).WithTriviaFrom(node);
        if (node.Parent is ExpressionSyntax and not ParenthesizedExpressionSyntax && expression is PrefixUnaryExpressionSyntax)
        {
            expression = SyntaxFactory.ParenthesizedExpression(expression.WithoutTrivia()).WithTriviaFrom(node);
        }

        return document.WithSyntaxRoot(root!.ReplaceNode(node, expression));
    }
}
