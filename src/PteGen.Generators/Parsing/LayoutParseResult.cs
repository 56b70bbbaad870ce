using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PteGen.Generators.Model;

namespace PteGen.Generators.Parsing;

/// <summary>
/// What the parser found: the model (plain values, for the generator), the diagnostics it reported, and the
/// locations the validator's findings map to (for the analyzer). Never stored in the incremental pipeline.
/// </summary>
internal sealed class LayoutParseResult
{
    public LayoutParseResult(
        LayoutModel layout,
        bool canEmit,
        IReadOnlyList<Diagnostic> diagnostics,
        Location layoutLocation,
        ImmutableArray<Location> fieldLocations)
    {
        Layout = layout;
        CanEmit = canEmit;
        Diagnostics = diagnostics;
        LayoutLocation = layoutLocation;
        FieldLocations = fieldLocations;
    }

    public LayoutModel Layout { get; }

    /// <summary>
    /// Whether the generator may add a part to the type at all: false when the type is not a partial non-generic
    /// struct in partial containing types, or the language version has no partial properties.
    /// </summary>
    public bool CanEmit { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public bool HasErrors
    {
        get
        {
            foreach (var diagnostic in Diagnostics)
            {
                if (diagnostic.Severity == DiagnosticSeverity.Error)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The <c>[PteLayout]</c> attribute.</summary>
    public Location LayoutLocation { get; }

    /// <summary>The ownership attribute of each field, by field index.</summary>
    public ImmutableArray<Location> FieldLocations { get; }
}
