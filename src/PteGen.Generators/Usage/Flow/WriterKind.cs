namespace PteGen.Generators.Usage.Flow;

/// <summary>What a forcing operation does to the bits it forces; the verb of PTE101 when the bits end up unknown.</summary>
internal enum WriterKind
{
    /// <summary><c>x | C</c>, <c>x + C</c>, a constant that becomes (part of) an entry.</summary>
    Sets,

    /// <summary><c>x &amp; C</c>, <c>x - C</c>.</summary>
    Clears,

    /// <summary><c>x ^ C</c>.</summary>
    Toggles,
}
