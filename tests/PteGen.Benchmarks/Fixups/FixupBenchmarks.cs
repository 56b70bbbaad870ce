using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using PteGen.Benchmarks.Infrastructure;
using XenPv;

namespace PteGen.Benchmarks.Fixups;

/// <summary>
/// Xen's <c>adjust_guest_l1e</c> over whole page tables, for a 64-bit PV domain: the generated scalar fixup in a loop,
/// the same semantics in C (gcc -O2, one P/Invoke per table), the generated batch form over <c>Span&lt;L1e&gt;</c>, and a
/// plain <c>Span.CopyTo</c> of the table (the baseline: the memory-bound limit).
/// </summary>
/// <remarks>
/// <para>
/// Restoring the input: no benchmark writes its input. The scalar loop, the C function and the batch form each read
/// the source table and write a destination table in one pass (the batch form's source-to-destination overload, the
/// one a hypervisor uses to validate a guest page into its own copy), exactly what <c>CopyTo</c>, the baseline, does.
/// </para>
/// <para>
/// Each call takes the next of <see cref="PageTables.TablesFor"/> different source tables (64 for 512 entries), so the
/// branch predictor cannot learn a small table's branches by heart over millions of calls: "random" stays unpredictable,
/// as for a hypervisor that validates a new guest page each time. The domain kind is an instance field, not a
/// constant, as in a hypervisor (the C function gets it as an argument). The scalar loop uses unchecked refs, like
/// the C pointer loop, so it measures the fixup, not bounds checks.
/// </para>
/// </remarks>
[Config(typeof(Config))]
public class FixupBenchmarks : ICheckedBenchmark
{
    private readonly PvDomainKind _kind = PvDomainKind.Pv64;
    private L1e[][] _sources = [];
    private ulong[][] _expected = [];
    private L1e[] _destination = [];
    private int _next;
    private int _last;

    /// <summary>Entries per table: one page of entries (512), and 1 Mi entries (8 MiB, beyond the caches).</summary>
    [Params(512, 1024 * 1024)]
    public int Entries { get; set; }

    /// <summary>Random 64-bit entries, or a realistic guest table (see <see cref="DataSet"/>).</summary>
    [Params(DataSet.Random, DataSet.Realistic)]
    public DataSet Data { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var tables = Enumerable.Range(0, PageTables.TablesFor(Entries)).Select(variant => PageTables.Create(Data, Entries, variant)).ToArray();
        _sources = [.. tables.Select(table => table.Select(raw => new L1e(raw)).ToArray())];
        _expected = [.. tables.Select(table => PageTables.Reference(table, _kind))];
        _destination = new L1e[Entries];
        _next = 0;
        if (tables.Zip(_expected).Any(pair => pair.First.SequenceEqual(pair.Second)))
        {
            throw new InvalidOperationException("A table has no entry the fixup changes: a useless data set.");
        }
    }

    /// <summary>The memory-bound limit: copies the table, nothing else.</summary>
    [Benchmark(Baseline = true)]
    public void CopyTo() => NextSource().AsSpan().CopyTo(_destination);

    /// <summary>The generated scalar <see cref="L1e.AdjustGuestL1e(L1e, PvDomainKind)"/> in a loop: src → dst.</summary>
    [Benchmark]
    public void Scalar()
    {
        var sourceTable = NextSource();
        var count = (nint)sourceTable.Length;
        if (_destination.Length < count)
        {
            throw new InvalidOperationException("The destination is too short.");
        }

        ref var source = ref MemoryMarshal.GetArrayDataReference(sourceTable);
        ref var destination = ref MemoryMarshal.GetArrayDataReference(_destination);
        var kind = _kind;
        for (nint index = 0; index < count; index++)
        {
            Unsafe.Add(ref destination, index) = L1e.AdjustGuestL1e(Unsafe.Add(ref source, index), kind);
        }
    }

    /// <summary>The C implementation (Native/adjust_guest_l1e.c, gcc -O2), one P/Invoke per table: src → dst.</summary>
    [Benchmark]
    public void C()
    {
        if (!NativeAdjust.Available)
        {
            throw new InvalidOperationException("The C benchmark cannot run: " + NativeAdjust.UnavailableReason);
        }

        NativeAdjust.AdjustTable(
            MemoryMarshal.Cast<L1e, ulong>(NextSource().AsSpan()),
            MemoryMarshal.Cast<L1e, ulong>(_destination.AsSpan()),
            _kind);
    }

    /// <summary>The generated batch <see cref="L1e.AdjustGuestL1e(ReadOnlySpan{L1e}, Span{L1e}, PvDomainKind)"/>: src → dst.</summary>
    [Benchmark]
    public void Batch() => L1e.AdjustGuestL1e(NextSource(), _destination, _kind);

    public void Prepare(string method) => Array.Clear(_destination);

    /// <summary>Quick mode: the copy is the source; every fixup's table is the reference's (docs/xen-pv-abi.md §1).</summary>
    public void Check(string method, object? result)
    {
        var source = _sources[_last];
        var expected = method == nameof(CopyTo) ? [.. source.Select(e => e.Raw)] : _expected[_last];
        var actual = MemoryMarshal.Cast<L1e, ulong>(_destination.AsSpan());
        for (var index = 0; index < expected.Length; index++)
        {
            if (actual[index] != expected[index])
            {
                throw new InvalidOperationException(
                    $"{method} ({Data}, {Entries} entries): entry {index} of source 0x{source[index].Raw:x16} is 0x{actual[index]:x16}, the reference gives 0x{expected[index]:x16}.");
            }
        }
    }

    /// <summary>The next source table, round robin.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private L1e[] NextSource()
    {
        var index = _next;
        _last = index;
        _next = index + 1 == _sources.Length ? 0 : index + 1;
        return _sources[index];
    }

    /// <summary>Adds the "vs C" and "vs Scalar" columns: the performance targets are ratios to the C loop.</summary>
    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddColumn(new RatioToMethodColumn(nameof(C)), new RatioToMethodColumn(nameof(Scalar)));
        }
    }
}
