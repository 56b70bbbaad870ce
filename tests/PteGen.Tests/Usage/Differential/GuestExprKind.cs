namespace PteGen.Tests.Usage.Differential;

/// <summary>The shapes of <c>ulong</c> expressions the generator writes (each maps to one rule of pte101-spec.md).</summary>
internal enum GuestExprKind
{
    /// <summary>A <c>ulong</c> parameter of the method, by name.</summary>
    Parameter,

    /// <summary><c>e.Raw</c>, a property read of the method's <c>L1e e</c> parameter.</summary>
    EntryRaw,

    /// <summary>A named <c>const ulong</c> or a literal, with its value.</summary>
    ConstantLeaf,

    /// <summary>A <c>ulong</c> local <c>v{n}</c>.</summary>
    Local,

    Complement,
    Or,
    And,
    Xor,
    Add,
    Subtract,
    ShiftLeft,
    ShiftRight,

    /// <summary><c>c ? a : b</c> with an opaque <c>bool</c> parameter as the condition.</summary>
    Conditional,

    /// <summary><c>x * 31</c>: other arithmetic.</summary>
    TimesThirtyOne,

    /// <summary><c>Value{k}(x)</c>: a call of a helper whose parameter reaches no entry; the result is a call's result.</summary>
    ValueCall,

    /// <summary><c>new L1e(x).Raw</c>: a sink inside an expression.</summary>
    NewEntryRaw,

    /// <summary><c>Entry{k}(a, b).Raw</c>: a helper call (its arguments sinks by its summary) inside an expression.</summary>
    EntryCallRaw,
}
