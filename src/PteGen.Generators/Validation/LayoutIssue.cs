using Microsoft.CodeAnalysis;

namespace PteGen.Generators.Validation;

/// <summary>
/// A finding of the validator, located by field index rather than by <see cref="Location"/> so the validator stays a
/// pure function of the model; the analyzer maps the index to the attribute that declared the field.
/// </summary>
/// <param name="Descriptor">The diagnostic to report.</param>
/// <param name="FieldIndex">The field at fault, or -1 for the layout as a whole.</param>
/// <param name="Arguments">The message arguments.</param>
internal sealed record LayoutIssue(DiagnosticDescriptor Descriptor, int FieldIndex, object[] Arguments)
{
    public const int Layout = -1;
}
