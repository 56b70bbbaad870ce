using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PteGen.Tests.Infrastructure;

/// <summary>A fixed set of analyzer config options (keys compared as Roslyn compares them: case-insensitively).</summary>
internal sealed class TestAnalyzerConfigOptions : AnalyzerConfigOptions
{
    public static readonly TestAnalyzerConfigOptions Empty = new(ImmutableDictionary<string, string>.Empty);

    private readonly ImmutableDictionary<string, string> _options;

    public TestAnalyzerConfigOptions(IEnumerable<KeyValuePair<string, string>> options) =>
        _options = ImmutableDictionary.CreateRange(KeyComparer, options);

    public override IEnumerable<string> Keys => _options.Keys;

    public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _options.TryGetValue(key, out value);
}
