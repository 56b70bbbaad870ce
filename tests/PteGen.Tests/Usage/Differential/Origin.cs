using Microsoft.CodeAnalysis.Text;

namespace PteGen.Tests.Usage.Differential;

/// <summary>
/// One element of a bit's writer set: a writer (its kind and the exact source span PTE101 must be reported at), or a
/// parameter-bit marker. Equality is by value, so the same writer reached along two paths (an if/else join, a
/// conditional expression) is one writer, and is reported once.
/// </summary>
internal sealed record Origin(OriginKind Kind, TextSpan Span, int Parameter = -1, int Bit = -1)
{
    public bool IsParameterBit => Kind == OriginKind.ParameterBit;

    public static Origin Writer(OriginKind kind, TextSpan span) => new(kind, span);

    public static Origin ParameterBitOf(int parameter, int bit) => new(OriginKind.ParameterBit, default, parameter, bit);

    /// <summary>The verb PTE101 uses when the reached states do not decide it (spec: "otherwise by kind").</summary>
    public string KindVerb => Kind switch
    {
        OriginKind.Sets => "sets",
        OriginKind.Clears => "clears",
        OriginKind.Toggles => "toggles",
        _ => throw new InvalidOperationException("A parameter-bit marker is not a writer."),
    };
}
