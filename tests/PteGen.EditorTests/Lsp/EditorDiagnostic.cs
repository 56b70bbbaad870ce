using System.Text.Json.Nodes;

namespace PteGen.EditorTests.Lsp;

/// <summary>One diagnostic as the language server hands it to an editor (lines and characters count from 0).</summary>
/// <param name="Code">The diagnostic id, e.g. <c>PTE101</c>.</param>
/// <param name="Line">The line its range starts on.</param>
/// <param name="Character">The character its range starts at.</param>
/// <param name="Message">The message.</param>
/// <param name="Severity">LSP's severity: 1 error, 2 warning, 3 information, 4 hint.</param>
internal sealed record EditorDiagnostic(string Code, int Line, int Character, string Message, int Severity)
{
    public static EditorDiagnostic From(JsonNode item)
    {
        var start = item["range"]!["start"]!;
        return new EditorDiagnostic(
            item["code"]?.ToString() ?? "",
            start["line"]!.GetValue<int>(),
            start["character"]!.GetValue<int>(),
            item["message"]?.GetValue<string>() ?? "",
            item["severity"]?.GetValue<int>() ?? 0);
    }

    /// <summary>As a person reads it, with 1-based line and column like <c>dotnet build</c>.</summary>
    public override string ToString() => $"({Line + 1},{Character + 1}) {Code}: {Message}";
}
