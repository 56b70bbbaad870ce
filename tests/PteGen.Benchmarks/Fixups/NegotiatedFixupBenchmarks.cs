using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using PteGen.Benchmarks.Infrastructure;
using XenPv;
using XenPv.Abis;

namespace PteGen.Benchmarks.Fixups;

/// <summary>
/// The per-domain negotiated fixup (<see cref="NegotiatedL1e"/>, kernel marker chosen by <see cref="NegotiatedL1e.Negotiate"/>)
/// against the constant-mask one (<see cref="L1e"/>, bit 52 as a literal), on the same realistic table, for a 64-bit PV
/// domain in a release configuration. Two categories, each with the constant form as baseline, so Ratio is
/// negotiated / constant (target: at most 1.05): the scalar fixup in a loop (src → dst), and the batch form (src → dst,
/// as in <see cref="FixupBenchmarks"/>).
/// </summary>
/// <remarks>
/// The tables are those of <see cref="FixupBenchmarks"/>' realistic data set, one per call in turn (64 different tables of
/// 512 entries). The guest leaves bits 52 and 62 and 53-56 unused, so negotiation gives it today's ABI (kernel marker on bit 52): both
/// forms compute the same table, which the quick mode checks. The scalar loop reads the negotiation into a local once per
/// table, as a hypervisor validating a table would; passing a field of a heap object by <c>in</c> inside the loop would
/// make the JIT reload it after every store.
/// </remarks>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class NegotiatedFixupBenchmarks : ICheckedBenchmark
{
    /// <summary>The software bits the guest declares unused: 52, 53-56 and 62.</summary>
    public const ulong GuestUnusedBits = (1UL << 52) | (0xFUL << 53) | (1UL << 62);

    private readonly PvDomainKind _kind = PvDomainKind.Pv64;
    private NegotiatedL1e.Negotiation _domain;
    private L1e[][] _constantSources = [];
    private NegotiatedL1e[][] _negotiatedSources = [];
    private ulong[][] _expected = [];
    private L1e[] _constantDestination = [];
    private NegotiatedL1e[] _negotiatedDestination = [];
    private int _next;
    private int _last;

    /// <summary>Entries per table: one page of entries (512), and 1 Mi entries (8 MiB).</summary>
    [Params(512, 1024 * 1024)]
    public int Entries { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _domain = NegotiatedL1e.Negotiate(GuestUnusedBits, XenConfig.None);
        if (!_domain.Succeeded || _domain.GuestKernelMask != L1e.GuestKernelMask)
        {
            throw new InvalidOperationException($"Negotiation should give the kernel marker bit 52, gave: {_domain}.");
        }

        // The tables of FixupBenchmarks' realistic data set, cycled through the same way.
        var tables = Enumerable.Range(0, PageTables.TablesFor(Entries)).Select(variant => PageTables.Create(DataSet.Realistic, Entries, variant)).ToArray();
        _constantSources = [.. tables.Select(table => table.Select(raw => new L1e(raw)).ToArray())];
        _negotiatedSources = [.. tables.Select(table => table.Select(raw => new NegotiatedL1e(raw)).ToArray())];
        _expected = [.. tables.Select(table => PageTables.Reference(table, _kind))];
        _constantDestination = new L1e[Entries];
        _negotiatedDestination = new NegotiatedL1e[Entries];
        _next = 0;
    }

    /// <summary>The constant-mask scalar fixup in a loop.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Scalar")]
    public void ConstantScalar()
    {
        var sourceTable = _constantSources[Next()];
        var count = (nint)sourceTable.Length;
        ref var source = ref MemoryMarshal.GetArrayDataReference(sourceTable);
        ref var destination = ref MemoryMarshal.GetArrayDataReference(_constantDestination);
        var kind = _kind;
        for (nint index = 0; index < count; index++)
        {
            Unsafe.Add(ref destination, index) = L1e.AdjustGuestL1e(Unsafe.Add(ref source, index), kind);
        }
    }

    /// <summary>The negotiated scalar fixup in a loop.</summary>
    [Benchmark, BenchmarkCategory("Scalar")]
    public void NegotiatedScalar()
    {
        var sourceTable = _negotiatedSources[Next()];
        var count = (nint)sourceTable.Length;
        ref var source = ref MemoryMarshal.GetArrayDataReference(sourceTable);
        ref var destination = ref MemoryMarshal.GetArrayDataReference(_negotiatedDestination);
        var kind = _kind;
        var domain = _domain;
        for (nint index = 0; index < count; index++)
        {
            Unsafe.Add(ref destination, index) = NegotiatedL1e.AdjustGuestL1e(Unsafe.Add(ref source, index), kind, in domain);
        }
    }

    /// <summary>The constant-mask batch fixup: src → dst.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Batch")]
    public void ConstantBatch() => L1e.AdjustGuestL1e(_constantSources[Next()], _constantDestination, _kind);

    /// <summary>The negotiated batch fixup: src → dst.</summary>
    [Benchmark, BenchmarkCategory("Batch")]
    public void NegotiatedBatch() => NegotiatedL1e.AdjustGuestL1e(_negotiatedSources[Next()], _negotiatedDestination, _kind, in _domain);

    public void Prepare(string method)
    {
        Array.Clear(_constantDestination);
        Array.Clear(_negotiatedDestination);
    }

    /// <summary>Quick mode: both forms give the reference table (docs/xen-pv-abi.md §1).</summary>
    public void Check(string method, object? result)
    {
        var actual = method.StartsWith("Constant", StringComparison.Ordinal)
            ? MemoryMarshal.Cast<L1e, ulong>(_constantDestination.AsSpan())
            : MemoryMarshal.Cast<NegotiatedL1e, ulong>(_negotiatedDestination.AsSpan());
        var expected = _expected[_last];
        for (var index = 0; index < expected.Length; index++)
        {
            if (actual[index] != expected[index])
            {
                throw new InvalidOperationException(
                    $"{method} ({Entries} entries): entry {index} is 0x{actual[index]:x16}, the reference gives 0x{expected[index]:x16}.");
            }
        }
    }

    /// <summary>The index of the next source table, round robin.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Next()
    {
        var index = _next;
        _last = index;
        _next = index + 1 == _expected.Length ? 0 : index + 1;
        return index;
    }
}
