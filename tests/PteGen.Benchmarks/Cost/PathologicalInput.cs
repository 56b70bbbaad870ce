namespace PteGen.Benchmarks.Cost;

/// <summary>
/// The pathological guest inputs of <see cref="PathologicalGuestBenchmarks"/>: each one method, built by
/// <see cref="PathologicalGuest"/>, that stresses one dimension of the guest analyzer's bit-level data flow.
/// </summary>
public enum PathologicalInput
{
    /// <summary>One method of straight-line compound bit operations on a raw entry (<c>v |= C; v &amp;= ~C; v ^= C; ...</c>).</summary>
    BitOperations,

    /// <summary>One expression of nested <c>|</c> with constant operands, left-nested as C# parses <c>raw | C0 | C1 | ...</c>.</summary>
    LeftNestedOr,

    /// <summary>One expression of nested <c>|</c>, right-nested with parentheses, non-constant leaves alternating with constants.</summary>
    RightNestedOr,

    /// <summary>A chain of locals, each the previous one with a constant or-ed in.</summary>
    LocalChain,

    /// <summary><c>With…</c> calls over a layout with 12 switches (4,096 configurations) and 64 conditional claims.</summary>
    WithCalls,
}
