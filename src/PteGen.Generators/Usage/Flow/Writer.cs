using Microsoft.CodeAnalysis;

namespace PteGen.Generators.Usage.Flow;

/// <summary>
/// A forcing operation of one analyzed body. Values refer to writers by their index in the body's
/// <see cref="WriterTable"/>, so a bit's provenance costs an integer, not an object.
/// </summary>
internal sealed class Writer
{
    public Writer(WriterKind kind, SyntaxNode syntax)
    {
        Kind = kind;
        Syntax = syntax;
    }

    public WriterKind Kind { get; }

    /// <summary>Where PTE101 is reported: the bit operation, the compound assignment or the constant expression.</summary>
    public SyntaxNode Syntax { get; }

    /// <summary>The verb when the bits it decided are not known at the entry (a join, a toggle of an unknown bit).</summary>
    public string Verb => Kind switch
    {
        WriterKind.Clears => "clears",
        WriterKind.Toggles => "toggles",
        _ => "sets",
    };
}
