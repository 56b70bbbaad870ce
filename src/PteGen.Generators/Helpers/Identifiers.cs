using Microsoft.CodeAnalysis.CSharp;

namespace PteGen.Generators.Helpers;

internal static class Identifiers
{
    /// <summary>Prefixes <c>@</c> to names that are C# keywords, so they can be written in generated code.</summary>
    public static string Escape(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    public static string Unescape(string name) => name.Length > 0 && name[0] == '@' ? name.Substring(1) : name;
}
