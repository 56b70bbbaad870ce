using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PteGen.Tests.Infrastructure;

/// <summary>
/// Focused assertions on a generated file, next to its whole-file snapshot: a test that is about one member reads that
/// member's text, so it fails for its own reason only and says which member changed.
/// </summary>
internal static class GeneratedAssert
{
    /// <summary>
    /// The text (declaration and body, without the doc comment before it) of the only member called
    /// <paramref name="name"/> in <paramref name="generated"/>; fails when there is none or more than one.
    /// </summary>
    public static string Member(string generated, string name)
    {
        var members = Members(generated, name);
        Assert.True(members.Count == 1, $"Expected one member '{name}' in the generated file, found {members.Count}.");
        return members[0];
    }

    /// <summary>The texts of every member called <paramref name="name"/> (overloads, or one per type), in file order.</summary>
    public static IReadOnlyList<string> Members(string generated, string name) =>
        CSharpSyntaxTree.ParseText(generated, TestCompilation.ParseOptions)
            .GetRoot()
            .DescendantNodes()
            .OfType<MemberDeclarationSyntax>()
            .Where(member => DeclaredNames(member).Contains(name))
            .Select(member => member.ToString())
            .ToList();

    /// <summary>The generated file has no member called <paramref name="name"/>.</summary>
    public static void NoMember(string generated, string name)
    {
        var members = Members(generated, name);
        Assert.True(members.Count == 0, $"Expected no member '{name}' in the generated file, found:{Environment.NewLine}{string.Join(Environment.NewLine, members)}");
    }

    private static IEnumerable<string> DeclaredNames(MemberDeclarationSyntax member) => member switch
    {
        MethodDeclarationSyntax method => [method.Identifier.ValueText],
        PropertyDeclarationSyntax property => [property.Identifier.ValueText],
        EventDeclarationSyntax @event => [@event.Identifier.ValueText],
        BaseTypeDeclarationSyntax type => [type.Identifier.ValueText],
        DelegateDeclarationSyntax @delegate => [@delegate.Identifier.ValueText],
        BaseFieldDeclarationSyntax field => field.Declaration.Variables.Select(variable => variable.Identifier.ValueText),
        ConstructorDeclarationSyntax constructor => [constructor.Identifier.ValueText],
        _ => [],
    };
}
