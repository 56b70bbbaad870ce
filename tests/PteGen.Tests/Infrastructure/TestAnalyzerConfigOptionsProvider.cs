using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PteGen.Tests.Infrastructure;

/// <summary>
/// What MSBuild and .editorconfig hand the analyzers: <see cref="GlobalOptions"/> holds the
/// <c>build_property.*</c> entries (PteGenConfiguration, PteGenRole); every syntax tree gets the same tree options
/// (the <c>.editorconfig</c> section that covers it, e.g. <c>dotnet_analyzer_diagnostic.category-PteGen.severity</c>).
/// </summary>
internal sealed class TestAnalyzerConfigOptionsProvider(AnalyzerConfigOptions global, AnalyzerConfigOptions tree) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => TreeOptions;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => TreeOptions;

    private AnalyzerConfigOptions TreeOptions { get; } = tree;
}
