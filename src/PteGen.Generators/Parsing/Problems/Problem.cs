using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using PteGen.Generators.Helpers;

namespace PteGen.Generators.Parsing.Problems;

/// <summary>One finding about a declaration: the diagnostic, where it points, and its message arguments as text.</summary>
internal sealed record Problem(DiagnosticDescriptor Descriptor, Site Site, EquatableArray<string> Arguments)
{
    public static Problem Create(DiagnosticDescriptor descriptor, Site site, params object[] arguments) =>
        new(descriptor, site, arguments.Select(argument => System.Convert.ToString(argument, CultureInfo.InvariantCulture) ?? "").ToEquatableArray());

    public bool IsError => Descriptor.DefaultSeverity == DiagnosticSeverity.Error;

    public Diagnostic ToDiagnostic(Location location) => Diagnostic.Create(Descriptor, location, Arguments.Cast<object>().ToArray());
}
