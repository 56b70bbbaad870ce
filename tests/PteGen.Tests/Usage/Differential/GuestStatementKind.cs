namespace PteGen.Tests.Usage.Differential;

/// <summary>The statements of the generated methods: local updates, sinks, non-sinks, branches and returns.</summary>
internal enum GuestStatementKind
{
    /// <summary><c>v{n} = x;</c></summary>
    Assign,

    /// <summary><c>v{n} |= x;</c> (and the four below): <c>v = v op x</c>, a writer at the compound assignment.</summary>
    CompoundOr,
    CompoundAnd,
    CompoundXor,
    CompoundAdd,
    CompoundSubtract,

    /// <summary><c>last = new L1e(x);</c>: a sink.</summary>
    StoreNew,

    /// <summary><c>last = new(x);</c>: a target-typed sink.</summary>
    StoreTargetTypedNew,

    /// <summary><c>last = Entry{k}(a, b);</c>: a helper call, its arguments sinks by the helper's summary.</summary>
    StoreCall,

    /// <summary><c>Console.WriteLine(new L1e(x));</c>: a sink whose entry is then printed.</summary>
    PrintNew,

    /// <summary><c>Console.WriteLine(x);</c>: not a sink.</summary>
    Print,

    /// <summary><c>Console.WriteLine((x).GetHashCode());</c>: hashing, not a sink.</summary>
    PrintHash,

    /// <summary><c>Console.WriteLine((x) * 31);</c>: arithmetic, not a sink.</summary>
    PrintTimes,

    /// <summary><c>Console.WriteLine((x) == Marker);</c>: a comparison, not a sink.</summary>
    PrintComparison,

    /// <summary><c>Console.WriteLine(Value{k}(x));</c>: a helper whose parameter reaches no entry.</summary>
    PrintValueCall,

    /// <summary><c>if (c) { ... } else { ... }</c> on an opaque bool parameter; the else part may be empty (then omitted).</summary>
    If,

    /// <summary><c>return last;</c></summary>
    ReturnLast,

    /// <summary><c>return new L1e(x);</c>: a sink.</summary>
    ReturnNew,

    /// <summary><c>return Entry{k}(a, b);</c></summary>
    ReturnCall,

    /// <summary><c>return x;</c> from a ulong method: a return value is not a sink.</summary>
    ReturnValue,
}
