using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using PteGen.Benchmarks.Infrastructure;
using XenPv;

namespace PteGen.Benchmarks.Accessors;

/// <summary>The data of the accessor benchmarks and the check of the quick mode (the methods are in the .Methods file).</summary>
public partial class AccessorBenchmarks : ICheckedBenchmark
{
    /// <summary>Entries per benchmark call: one 8 KiB page-table-sized array per side, well inside L1 with the values.</summary>
    public const int Count = 1024;

    private L1e[] _entries = [];
    private ulong[] _raw = [];
    private bool[] _flags = [];
    private byte[] _values3 = [];
    private byte[] _values4 = [];
    private byte[] _values6 = [];
    private ulong[] _frames = [];

    /// <summary>
    /// Random entries (the same in <c>_raw</c> and <c>_entries</c>), and the values to write: in range for their field and
    /// loaded from arrays, so the JIT cannot fold them or drop the range checks; the bools follow a period-3 pattern the
    /// branch predictor learns, so a branch where hand-written code has none would show.
    /// </summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20160112);
        _raw = new ulong[Count];
        random.NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_raw.AsSpan()));
        _entries = [.. _raw.Select(raw => new L1e(raw))];
        _flags = [.. Enumerable.Range(0, Count).Select(i => i % 3 == 0)];
        _values3 = [.. Enumerable.Range(0, Count).Select(_ => (byte)random.Next(8))];
        _values4 = [.. Enumerable.Range(0, Count).Select(_ => (byte)random.Next(16))];
        _values6 = [.. Enumerable.Range(0, Count).Select(_ => (byte)random.Next(64))];
        _frames = [.. Enumerable.Range(0, Count).Select(_ => (ulong)random.NextInt64(1L << 40))];
    }

    /// <summary>Quick mode: each generated accessor's result equals its hand-written twin's.</summary>
    public void Check(string method, object? result)
    {
        var twin = method.EndsWith("_Hand", StringComparison.Ordinal) ? method[..^"_Hand".Length] : method + "_Hand";
        var other = GetType().GetMethod(twin)?.Invoke(this, null)
            ?? throw new InvalidOperationException($"{method} has no twin {twin}.");
        if (!Equals(result, other))
        {
            throw new InvalidOperationException($"{method} returned {result}, its twin {twin} {other}: the generated accessor and the mask expression disagree.");
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowValueOutOfRange(ulong value) =>
        throw new ArgumentOutOfRangeException(nameof(value), value, "The value does not fit its field.");
}
