using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
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

/// <summary>
/// PTE102: moves a guest software-bit constant (or flags-enum member) that collides in some configuration to the
/// lowest bit that is guest-available in every configuration and not used by its siblings. When the analyzer found
/// no such bit, no fix is offered (the diagnostic says so).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MoveSoftwareBitCodeFix))]
[Shared]
public sealed class MoveSoftwareBitCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.SoftwareBitNotPortable.Id);

    public override FixAllProvider? GetFixAllProvider() => null; // Each move depends on the bits its siblings use.

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(GuestUsageAnalyzer.MoveToProperty, out var text)
                || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bit)
                || root?.FindNode(diagnostic.Location.SourceSpan) is not { } node)
            {
                continue;
            }

            var value = node switch
            {
                VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                EnumMemberDeclarationSyntax member => member.EqualsValue?.Value,
                _ => null,
            };
            if (value is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Move to bit {bit}, guest-available in every configuration",
                    cancellationToken => MoveAsync(context.Document, node, value, bit, cancellationToken),
                    equivalenceKey: nameof(MoveSoftwareBitCodeFix)),
                diagnostic);
        }
    }

    private static async Task<Document> MoveAsync(Document document, SyntaxNode declaration, ExpressionSyntax value, int bit, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var symbol = model?.GetDeclaredSymbol(declaration, cancellationToken) as IFieldSymbol;
        var type = symbol?.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying } ? underlying : symbol?.Type;
        var one = type?.SpecialType switch
        {
            SpecialType.System_UInt64 => "1UL",
            SpecialType.System_Int64 => "1L",
            SpecialType.System_UInt32 => "1U",
            _ => "1",
        };
        var replacement = SyntaxFactory.ParseExpression($"{one} << {bit}").WithTriviaFrom(value);
        return document.WithSyntaxRoot(root!.ReplaceNode(value, replacement));
    }
}
