extern alias Generators;

using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ConfigurationAnalyzer = Generators::PteGen.Generators.Usage.ConfigurationAnalyzer;
using GuestUsageAnalyzer = Generators::PteGen.Generators.Usage.GuestUsageAnalyzer;

namespace PteGen.Tests.Infrastructure;

/// <summary>
/// The MSBuild/.editorconfig side of a guest build: <c>PteGenConfiguration</c> and <c>PteGenRole</c> (null: the property
/// is absent), tree options (the .editorconfig entries: given to the analyzers through the options provider, and their
/// <c>dotnet_diagnostic.*.severity</c> entries to the compilation, as the compiler does), per-id severities on the
/// compilation options, and whether the off-by-default PTE103 is turned on.
/// </summary>
internal sealed record UsageSettings(
    string? Configuration = null,
    string? Role = null,
    bool EnableReads = false,
    IReadOnlyDictionary<string, string>? TreeOptions = null,
    IReadOnlyDictionary<string, ReportDiagnostic>? Severities = null)
{
    public static readonly UsageSettings Default = new();

    public static UsageSettings Config(string? configuration) => new(Configuration: configuration);

    public AnalyzerOptions ToAnalyzerOptions()
    {
        var global = new Dictionary<string, string>();
        if (Configuration is not null)
        {
            global["build_property.PteGenConfiguration"] = Configuration;
        }

        if (Role is not null)
        {
            global["build_property.PteGenRole"] = Role;
        }

        var provider = new TestAnalyzerConfigOptionsProvider(
            new TestAnalyzerConfigOptions(global),
            new TestAnalyzerConfigOptions(TreeOptions ?? new Dictionary<string, string>()));
        return new AnalyzerOptions([], provider);
    }

    public CSharpCompilationOptions Apply(CSharpCompilationOptions options)
    {
        var severities = new Dictionary<string, ReportDiagnostic>(Severities ?? new Dictionary<string, ReportDiagnostic>());
        if (EnableReads)
        {
            severities.TryAdd("PTE103", ReportDiagnostic.Info);
        }

        options = options.WithSpecificDiagnosticOptions(severities);
        return TreeOptions is null ? options : options.WithSyntaxTreeOptionsProvider(new TestSyntaxTreeOptionsProvider(TreeOptions));
    }
}
