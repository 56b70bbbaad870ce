using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PteGen.Generators.Parsing;

/// <summary>Finds the most precise location for a diagnostic about an attribute or one of its arguments.</summary>
internal static class SyntaxLocations
{
    public static Location Of(AttributeData attribute, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? Location.None;

    /// <summary>The location of a named argument (<c>When = "..."</c>), else of the attribute.</summary>
    public static Location OfNamedArgument(AttributeData attribute, string name, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax syntax)
        {
            var argument = syntax.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
            return (argument ?? (SyntaxNode)syntax).GetLocation();
        }

        return Location.None;
    }

    /// <summary>The location of the constructor arguments (the bit range), else of the attribute.</summary>
    public static Location OfConstructorArguments(AttributeData attribute, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax syntax)
        {
            // Constructor arguments are those without 'Name =' (with or without 'low:'); property assignments are not.
            var positional = syntax.ArgumentList?.Arguments.Where(a => a.NameEquals is null).ToList();
            if (positional is { Count: > 0 })
            {
                var span = Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(positional[0].SpanStart, positional[positional.Count - 1].Span.End);
                return Location.Create(syntax.SyntaxTree, span);
            }

            return syntax.GetLocation();
        }

        return Location.None;
    }

    /// <summary>The location of the <paramref name="index"/>th positional argument, else of the attribute.</summary>
    public static Location OfPositionalArgument(AttributeData attribute, int index, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax syntax)
        {
            var positional = syntax.ArgumentList?.Arguments.Where(a => a.NameEquals is null).ToList();
            return positional is not null && index < positional.Count ? positional[index].GetLocation() : syntax.GetLocation();
        }

        return Location.None;
    }
}
