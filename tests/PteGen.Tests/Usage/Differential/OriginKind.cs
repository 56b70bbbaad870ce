namespace PteGen.Tests.Usage.Differential;

/// <summary>
/// What an <see cref="Origin"/> is: a forcing operation of the guest code with the verb its kind gives it (the
/// message's verb falls back to the kind when the reached states are mixed or unknown), or the reference's own marker
/// for "this bit is still the method parameter's bit", used to compute helper summaries.
/// </summary>
internal enum OriginKind
{
    /// <summary><c>| C</c>, <c>+ C</c>, or a constant expression used as a value.</summary>
    Sets,

    /// <summary><c>&amp; C</c>, <c>- C</c>.</summary>
    Clears,

    /// <summary><c>^ C</c>.</summary>
    Toggles,

    /// <summary>Not a writer: bit <see cref="Origin.Bit"/> of parameter <see cref="Origin.Parameter"/>, unchanged so far.</summary>
    ParameterBit,
}
