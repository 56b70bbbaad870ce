namespace PteGen.Tests.Usage.Differential;

/// <summary>
/// What the reference knows about one bit of an integer value (pte101-spec.md, "Abstract value"): a known 0 or 1, or
/// unknown. Unknown bits are split by where they may come from, because the spec treats them differently: an
/// <see cref="Entry"/> bit may carry an entry's own bit (clearing it is a write), a <see cref="Number"/> bit is a
/// number's bit (a shifted frame, a product), and masking it away writes nothing.
/// </summary>
internal enum BitState
{
    Zero,
    One,
    Entry,
    Number,
}
