using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PteGen.Tests.Infrastructure;

/// <summary>
/// The compiler's side of the same .editorconfig entries: <c>dotnet_diagnostic.{id}.severity</c> becomes a per-tree
/// diagnostic option (the command-line compiler hands these to the compilation, not to the analyzers), as Roslyn's
/// AnalyzerConfigSet does.
/// </summary>
internal sealed class TestSyntaxTreeOptionsProvider(IReadOnlyDictionary<string, string> treeOptions) : SyntaxTreeOptionsProvider
{
    private const string Prefix = "dotnet_diagnostic.";
    private const string Suffix = ".severity";

    private readonly ImmutableDictionary<string, ReportDiagnostic> _severities = ImmutableDictionary.CreateRange(
        StringComparer.OrdinalIgnoreCase,
        treeOptions
            .Where(p => p.Key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && p.Key.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase))
            .Select(p => KeyValuePair.Create(p.Key[Prefix.Length..^Suffix.Length], ToReportDiagnostic(p.Value))));

    public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

    public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
        _severities.TryGetValue(diagnosticId, out severity);

    public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
    {
        severity = ReportDiagnostic.Default;
        return false;
    }

    public static ReportDiagnostic ToReportDiagnostic(string value) => value.Trim().ToLowerInvariant() switch
    {
        "error" => ReportDiagnostic.Error,
        "warning" => ReportDiagnostic.Warn,
        "suggestion" => ReportDiagnostic.Info,
        "silent" => ReportDiagnostic.Hidden,
        "none" => ReportDiagnostic.Suppress,
        _ => ReportDiagnostic.Default,
    };
}
