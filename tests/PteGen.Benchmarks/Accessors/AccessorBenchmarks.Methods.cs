// The accessor benchmarks: one category per accessor of XenPv.L1e, the generated getter or With method against the
// hand-written mask expression on a raw ulong (the baseline). Written out as plain loops, one pair per accessor, so each
// method is compiled on its own and its JIT code can be read with --disasm (see README.md).
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using XenPv;

namespace PteGen.Benchmarks.Accessors;

/// <summary>
/// Every getter and <c>With…</c> of the Xen L1 layout (samples/XenPv) against the hand-written mask-and-shift code that
/// does the same (the baseline of its category, so the Ratio column is generated / hand-written). Each benchmark runs
/// over <see cref="Count"/> entries and returns a sum of its results, so the JIT cannot drop the work. The hand-written
/// With methods of multi-bit fields range-check their value and throw through a non-inlined helper, as the generated
/// ones do (the same convention as tests/PteGen.Tests/ZeroOverhead).
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public partial class AccessorBenchmarks
{
    /// <summary>Hand-written read of bit 0 (Present).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Get Present")]
    public ulong GetPresent_Hand()
    {
        var raw = _raw;
        var sum = 0UL;
        for (var i = 0; i < raw.Length; i++)
        {
            sum += (raw[i] & 0x0000_0000_0000_0001UL) != 0 ? 1UL : 0UL;
        }

        return sum;
    }

    /// <summary>The generated getter <see cref="L1e.Present"/>.</summary>
    [Benchmark, BenchmarkCategory("Get Present")]
    public ulong GetPresent()
    {
        var entries = _entries;
        var sum = 0UL;
        for (var i = 0; i < entries.Length; i++)
        {
            sum += entries[i].Present ? 1UL : 0UL;
        }

        return sum;
    }

    /// <summary>Hand-written write of bit 0 (Present).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("With Present")]
    public ulong WithPresent_Hand()
    {
        var raw = _raw;
        var values = _flags;
        var sum = 0UL;
        for (var i = 0; i < raw.Length; i++)
        {
            sum += values[i] ? raw[i] | 0x0000_0000_0000_0001UL : raw[i] & ~0x0000_0000_0000_0001UL;
        }

        return sum;
    }

    /// <summary>The generated <see cref="L1e.WithPresent"/>.</summary>
    [Benchmark, BenchmarkCategory("With Present")]
    public ulong WithPresent()
    {
        var entries = _entries;
        var values = _flags;
        var sum = 0UL;
        for (var i = 0; i < entries.Length; i++)
        {
            sum += entries[i].WithPresent(values[i]).Raw;
        }

        return sum;
    }

    /// <summary>Hand-written read of bit 1 (Writable).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Get Writable")]
    public ulong GetWritable_Hand()
    {
        var raw = _raw;
        var sum = 0UL;
        for (var i = 0; i < raw.Length; i++)
        {
            sum += (raw[i] & 0x0000_0000_0000_0002UL) != 0 ? 1UL : 0UL;
        }

        return sum;
    }

    /// <summary>The generated getter <see cref="L1e.Writable"/>.</summary>
    [Benchmark, BenchmarkCategory("Get Writable")]
    public ulong GetWritable()
    {
        var entries = _entries;
        var sum = 0UL;
        for (var i = 0; i < entries.Length; i++)
        {
            sum += entries[i].Writable ? 1UL : 0UL;
        }

        return sum;
    }

    /// <summary>Hand-written write of bit 1 (Writable).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("With Writable")]
    public ulong WithWritable_Hand()
    {
        var raw = _raw;
        var values = _flags;
        var sum = 0UL;
        for (var i = 0; i < raw.Length; i++)
        {
            sum += values[i] ? raw[i] | 0x0000_0000_0000_0002UL : raw[i] & ~0x0000_0000_0000_0002UL;
        }

        return sum;
    }

    /// <summary>The generated <see cref="L1e.WithWritable"/>.</summary>
    [Benchmark, BenchmarkCategory("With Writable")]
    public ulong WithWritable()
    {
        var entries = _entries;
        var values = _flags;
        var sum = 0UL;
        for (var i = 0; i < entries.Length; i++)
        {
            sum += entries[i].WithWritable(values[i]).Raw;
        }

        return sum;
    }

    /// <summary>Hand-written read of bit 2 (User).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Get User")]
    public ulong GetUser_Hand()
    {
        var raw = _raw;
        var sum = 0UL;
        for (var i = 0; i < raw.Length; i++)
        {
            sum += (raw[i] & 0x0000_0000_0000_0004UL) != 0 ? 1UL : 0UL;
        }

        return sum;
    }

    /// <summary>The generated getter <see cref="L1e.User"/>.</summary>
    [Benchmark, BenchmarkCategory("Get User")]
    public ulong GetUser()
    {
        var entries = _entries;
        var sum = 0UL;
        for (var i = 0; i < entries.Length; i++)
        {
            sum += entries[i].User ? 1UL : 0UL;
        }

        return sum;
    }

    /// <summary>Hand-written write of bit 2 (User).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("With User")]
    public ulong WithUser_Hand()
    {
        var raw = _raw;
        var values = _flags;
        var sum = 0UL;
        for (var i = 0; i < raw.Length; i++)
        {
            sum += values[i] ? raw[i] | 0x0000_0000_0000_0004UL : raw[i] & ~0x0000_0000_0000_0004UL;
        }

        return sum;
    }

    /// <summary>The generated <see cref="L1e.WithUser"/>.</summary>
    [Benchmark, BenchmarkCategory("With User")]
    public ulong WithUser()
    {
        var entries = _entries;
        var values = _flags;
        var sum = 0UL;
        for (var i = 0; i < entries.Length; i++)
        {
            sum += entries[i].WithUser(values[i]).Raw;
        }

        return sum;
    }

    /// <summary>Hand-written read of bit 3 (WriteThrough).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Get WriteThrough")]
    public ulong GetWriteThrough_Hand()
    {
        var raw = _raw;
        var sum = 0UL;
        for (var i = 0; i < raw.Length; i++)
        {
            sum += (raw[i] & 0x0000_0000_0000_0008UL) != 0 ? 1UL : 0UL;
        }

        return sum;
    }

    /// <summary>The generated getter <see cref="L1e.WriteThrough"/>.</summary>
    [Benchmark, BenchmarkCategory("Get WriteThrough")]
    public ulong GetWriteThrough()
    {
        var entries = _entries;
        var sum = 0UL;
        for (var i = 0; i < entries.Length; i++)
        {
            sum += entries[i].WriteThrough ? 1UL : 0UL;
        }

        return sum;
    }

    /// <summary>Hand-written write of bit 3 (WriteThrough).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("With WriteThrough")]
    public ulong WithWriteThrough_Hand()
    {
        var raw = _raw;
        var values = _flags;
        var sum = 0UL;
        for (var i = 0; i < raw.Length; i++)
        {
            sum += values[i] ? raw[i] | 0x0000_0000_0000_0008UL : raw[i] & ~0x0000_0000_0000_0008UL;
        }

        return sum;
    }

    /// <summary>The generated <see cref="L1e.WithWriteThrough"/>.</summary>
    [Benchmark, BenchmarkCategory("With WriteThrough")]
    public ulong WithWriteThrough()
    {
        var entries = _entries;
        var values = _flags;
        var sum = 0UL;
        for (var i = 0; i < entries.Length; i++)
        {
            sum += entries[i].WithWriteThrough(values[i]).Raw;
        }

        return sum;
    }

    /// <summary>Hand-written read of bit 4 (CacheDisable).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Get CacheDisable")]
    public ulong GetCacheDisable_Hand()
    {
        var raw = _raw;
        var sum = 0UL;
        for (var i = 0; i < raw.Length; i++)
        {
            sum += (raw[i] & 0x0000_0000_0000_0010UL) != 0 ? 1UL : 0UL;
        }

        return sum;
    }

    /// <summary>The generated getter <see cref="L1e.CacheDisable"/>.</summary>
    [Benchmark, BenchmarkCategory("Get CacheDisable")]
    public ulong GetCacheDisable()
    {
        var entries = _entries;
        var sum = 0UL;
        for (var i = 0; i < entries.Length; i++)
        {
            sum += entries[i].CacheDisable ? 1UL : 0UL;
        }

        return sum;
    }

    /// <summary>Hand-written write of bit 4 (CacheDisable).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("With CacheDisable")]
    public ulong WithCacheDisable_Hand()
    {
        var raw = _raw;
        var values = _flags;
        var sum = 0UL;
        for (var i = 0; i < raw.Length; i++)
        {
            sum += values[i] ? raw[i] | 0x0000_0000_0000_0010UL : raw[i] & ~0x0000_0000_0000_0010UL;
        }

        return sum;
    }

    /// <summary>The generated <see cref="L1e.WithCacheDisable"/>.</summary>
    [Benchmark, BenchmarkCategory("With CacheDisable")]
    public ulong WithCacheDisable()
    {
        var entries = _entries;
        var values = _flags;
        var sum = 0UL;
        for (var i = 0; i < entries.Length; i++)
        {
            sum += entries[i].WithCacheDisable(values[i]).Raw;
        }

        return sum;
    }

    /// <summary>Hand-written read of bit 5 (Accessed).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Get Accessed")]
    public ulong GetAccessed_Hand()
    {
        var raw = _raw;
        var sum = 0UL;
        for (var i = 0; i < raw.Length; i++)
        {
            sum += (raw[i] & 0x0000_0000_0000_0020UL) != 0 ? 1UL : 0UL;
        }

        return sum;
    }

    /// <summary>The generated getter <see cref="L1e.Accessed"/>.</summary>
    [Benchmark, BenchmarkCategory("Get Accessed")]
    public ulong GetAccessed()
    {
        var entries = _entries;
        var sum = 0UL;
        for (var i = 0; i < entries.Length; i++)
        {
            sum += entries[i].Accessed ? 1UL : 0UL;
        }

        return sum;
    }

    /// <summary>Hand-written write of bit 5 (Accessed).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("With Accessed")]
    public ulong WithAccessed_Hand()
    {
        var raw = _raw;
        var values = _flags;
        var sum = 0UL;
        for (var i = 0; i < raw.Length; i++)
        {
            sum += values[i] ? raw[i] | 0x0000_0000_0000_0020UL : raw[i] & ~0x0000_0000_0000_0020UL;
        }

        return sum;
    }

    /// <summary>The generated <see cref="L1e.WithAccessed"/>.</summary>
    [Benchmark, BenchmarkCategory("With Accessed")]
    public ulong WithAccessed()
    {
        var entries = _entries;
        var values = _flags;
        var sum = 0UL;
        for (var i = 0; i < entries.Length; i++)
        {
            sum += entries[i].WithAccessed(values[i]).Raw;
        }

        return sum;
    }

    /// <summary>Hand-written read of bit 6 (Dirty).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Get Dirty")]
    public ulong GetDirty_Hand()
    {
        var raw = _raw;
        var sum = 0UL;
        for (var i = 0; i < raw.Length; i++)
        {
            sum += (raw[i] & 0x0000_0000_0000_0040UL) != 0 ? 1UL : 0UL;
        }

        return sum;
    }

    /// <summary>The generated getter <see cref="L1e.Dirty"/>.</summary>
    [Benchmark, BenchmarkCategory("Get Dirty")]
    public ulong GetDirty()
    {
        var entries = _entries;
        var sum = 0UL;
        for (var i = 0; i < entries.Length; i++)
        {
            sum += entries[i].Dirty ? 1UL : 0UL;
        }

        return sum;
    }

    /// <summary>Hand-written write of bit 6 (Dirty).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("With Dirty")]
    public ulong WithDirty_Hand()
    {
        var raw = _raw;
        var values = _flags;
        var sum = 0UL;
        for (var i = 0; i < raw.Length; i++)
        {
            sum += values[i] ? raw[i] | 0x0000_0000_0000_0040UL : raw[i] & ~0x0000_0000_0000_0040UL;
        }

        return sum;
    }

    /// <summary>The generated <see cref="L1e.WithDirty"/>.</summary>
    [Benchmark, BenchmarkCategory("With Dirty")]
    public ulong WithDirty()
    {
        var entries = _entries;
        var values = _flags;
        var sum = 0UL;
        for (var i = 0; i < entries.Length; i++)
        {
            sum += entries[i].WithDirty(values[i]).Raw;
        }

        return sum;
    }

    /// <summary>Hand-written read of bit 7 (Pat).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Get Pat")]
    public ulong GetPat_Hand()
    {
        var raw = _raw;
        var sum = 0UL;
        for (var i = 0; i < raw.Length; i++)
        {
            sum += (raw[i] & 0x0000_0000_0000_0080UL) != 0 ? 1UL : 0UL;
        }

        return sum;
    }

    /// <summary>The generated getter <see cref="L1e.Pat"/>.</summary>
    [Benchmark, BenchmarkCategory("Get Pat")]
    public ulong GetPat()
    {
        var entries = _entries;
        var sum = 0UL;
        for (var i = 0; i < entries.Length; i++)
        {
            sum += entries[i].Pat ? 1UL : 0UL;
        }

        return sum;
    }

    /// <summary>Hand-written write of bit 7 (Pat).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("With Pat")]
    public ulong WithPat_Hand()
    {
        var raw = _raw;
        var values = _flags;
        var sum = 0UL;
        for (var i = 0; i < raw.Length; i++)
        {
            sum += values[i] ? raw[i] | 0x0000_0000_0000_0080UL : raw[i] & ~0x0000_0000_0000_0080UL;
        }

        return sum;
    }

    /// <summary>The generated <see cref="L1e.WithPat"/>.</summary>
    [Benchmark, BenchmarkCategory("With Pat")]
    public ulong WithPat()
    {
        var entries = _entries;
        var values = _flags;
        var sum = 0UL;
        for (var i = 0; i < entries.Length; i++)
        {
            sum += entries[i].WithPat(values[i]).Raw;
        }

        return sum;
    }

    /// <summary>Hand-written read of bit 8 (Global).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Get Global")]
    public ulong GetGlobal_Hand()
    {
        var raw = _raw;
        var sum = 0UL;
        for (var i = 0; i < raw.Length; i++)
        {
            sum += (raw[i] & 0x0000_0000_0000_0100UL) != 0 ? 1UL : 0UL;
        }

        return sum;
    }

    /// <summary>The generated getter <see cref="L1e.Global"/>.</summary>
    [Benchmark, BenchmarkCategory("Get Global")]
    public ulong GetGlobal()
    {
        var entries = _entries;
        var sum = 0UL;
        for (var i = 0; i < entries.Length; i++)
        {
            sum += entries[i].Global ? 1UL : 0UL;
        }

        return sum;
    }

    /// <summary>Hand-written write of bit 8 (Global).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("With Global")]
    public ulong WithGlobal_Hand()
    {
        var raw = _raw;
        var values = _flags;
        var sum = 0UL;
        for (var i = 0; i < raw.Length; i++)
        {
            sum += values[i] ? raw[i] | 0x0000_0000_0000_0100UL : raw[i] & ~0x0000_0000_0000_0100UL;
        }

        return sum;
    }

    /// <summary>The generated <see cref="L1e.WithGlobal"/>.</summary>
    [Benchmark, BenchmarkCategory("With Global")]
    public ulong WithGlobal()
    {
        var entries = _entries;
        var values = _flags;
        var sum = 0UL;
        for (var i = 0; i < entries.Length; i++)
        {
            sum += entries[i].WithGlobal(values[i]).Raw;
        }

        return sum;
    }

    /// <summary>Hand-written read of bits 9-11 (Available).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Get Available")]
    public ulong GetAvailable_Hand()
    {
        var raw = _raw;
        var sum = 0UL;
        for (var i = 0; i < raw.Length; i++)
        {
            sum += (byte)((raw[i] & 0x0000_0000_0000_0E00UL) >> 9);
        }

        return sum;
    }

    /// <summary>The generated getter <see cref="L1e.Available"/>.</summary>
    [Benchmark, BenchmarkCategory("Get Available")]
    public ulong GetAvailable()
    {
        var entries = _entries;
        var sum = 0UL;
        for (var i = 0; i < entries.Length; i++)
        {
            sum += entries[i].Available;
        }

        return sum;
    }

    /// <summary>Hand-written write of bits 9-11 (Available).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("With Available")]
    public ulong WithAvailable_Hand()
    {
        var raw = _raw;
        var values = _values3;
        var sum = 0UL;
        for (var i = 0; i < raw.Length; i++)
        {
            var value = values[i];
            if (value > 0x7UL)
            {
                ThrowValueOutOfRange(value);
            }

            sum += (raw[i] & ~0x0000_0000_0000_0E00UL) | ((ulong)value << 9);
        }

        return sum;
    }

    /// <summary>The generated <see cref="L1e.WithAvailable"/>.</summary>
    [Benchmark, BenchmarkCategory("With Available")]
    public ulong WithAvailable()
    {
        var entries = _entries;
        var values = _values3;
        var sum = 0UL;
        for (var i = 0; i < entries.Length; i++)
        {
            sum += entries[i].WithAvailable(values[i]).Raw;
        }

        return sum;
    }

    /// <summary>Hand-written read of bits 12-51 (Frame).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Get Frame")]
    public ulong GetFrame_Hand()
    {
        var raw = _raw;
        var sum = 0UL;
        for (var i = 0; i < raw.Length; i++)
        {
            sum += (raw[i] & 0x000F_FFFF_FFFF_F000UL) >> 12;
        }

        return sum;
    }

    /// <summary>The generated getter <see cref="L1e.Frame"/>.</summary>
    [Benchmark, BenchmarkCategory("Get Frame")]
    public ulong GetFrame()
    {
        var entries = _entries;
        var sum = 0UL;
        for (var i = 0; i < entries.Length; i++)
        {
            sum += entries[i].Frame;
        }

        return sum;
    }

    /// <summary>Hand-written write of bits 12-51 (Frame).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("With Frame")]
    public ulong WithFrame_Hand()
    {
        var raw = _raw;
        var values = _frames;
        var sum = 0UL;
        for (var i = 0; i < raw.Length; i++)
        {
            var value = values[i];
            if (value > 0xFFFFFFFFFFUL)
            {
                ThrowValueOutOfRange(value);
            }

            sum += (raw[i] & ~0x000F_FFFF_FFFF_F000UL) | ((ulong)value << 12);
        }

        return sum;
    }

    /// <summary>The generated <see cref="L1e.WithFrame"/>.</summary>
    [Benchmark, BenchmarkCategory("With Frame")]
    public ulong WithFrame()
    {
        var entries = _entries;
        var values = _frames;
        var sum = 0UL;
        for (var i = 0; i < entries.Length; i++)
        {
            sum += entries[i].WithFrame(values[i]).Raw;
        }

        return sum;
    }

    /// <summary>Hand-written read of bit 52 (GuestKernel).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Get GuestKernel")]
    public ulong GetGuestKernel_Hand()
    {
        var raw = _raw;
        var sum = 0UL;
        for (var i = 0; i < raw.Length; i++)
        {
            sum += (raw[i] & 0x0010_0000_0000_0000UL) != 0 ? 1UL : 0UL;
        }

        return sum;
    }

    /// <summary>The generated getter <see cref="L1e.GuestKernel"/>.</summary>
    [Benchmark, BenchmarkCategory("Get GuestKernel")]
    public ulong GetGuestKernel()
    {
        var entries = _entries;
        var sum = 0UL;
        for (var i = 0; i < entries.Length; i++)
        {
            sum += entries[i].GuestKernel ? 1UL : 0UL;
        }

        return sum;
    }

    /// <summary>Hand-written write of bit 52 (GuestKernel).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("With GuestKernel")]
    public ulong WithGuestKernel_Hand()
    {
        var raw = _raw;
        var values = _flags;
        var sum = 0UL;
        for (var i = 0; i < raw.Length; i++)
        {
            sum += values[i] ? raw[i] | 0x0010_0000_0000_0000UL : raw[i] & ~0x0010_0000_0000_0000UL;
        }

        return sum;
    }

    /// <summary>The generated <see cref="L1e.WithGuestKernel"/>.</summary>
    [Benchmark, BenchmarkCategory("With GuestKernel")]
    public ulong WithGuestKernel()
    {
        var entries = _entries;
        var values = _flags;
        var sum = 0UL;
        for (var i = 0; i < entries.Length; i++)
        {
            sum += entries[i].WithGuestKernel(values[i]).Raw;
        }

        return sum;
    }

    /// <summary>Hand-written read of bits 53-58 (AvailableHigh).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Get AvailableHigh")]
    public ulong GetAvailableHigh_Hand()
    {
        var raw = _raw;
        var sum = 0UL;
        for (var i = 0; i < raw.Length; i++)
        {
            sum += (byte)((raw[i] & 0x07E0_0000_0000_0000UL) >> 53);
        }

        return sum;
    }

    /// <summary>The generated getter <see cref="L1e.AvailableHigh"/>.</summary>
    [Benchmark, BenchmarkCategory("Get AvailableHigh")]
    public ulong GetAvailableHigh()
    {
        var entries = _entries;
        var sum = 0UL;
        for (var i = 0; i < entries.Length; i++)
        {
            sum += entries[i].AvailableHigh;
        }

        return sum;
    }

    /// <summary>Hand-written write of bits 53-58 (AvailableHigh).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("With AvailableHigh")]
    public ulong WithAvailableHigh_Hand()
    {
        var raw = _raw;
        var values = _values6;
        var sum = 0UL;
        for (var i = 0; i < raw.Length; i++)
        {
            var value = values[i];
            if (value > 0x3FUL)
            {
                ThrowValueOutOfRange(value);
            }

            sum += (raw[i] & ~0x07E0_0000_0000_0000UL) | ((ulong)value << 53);
        }

        return sum;
    }

    /// <summary>The generated <see cref="L1e.WithAvailableHigh"/>.</summary>
    [Benchmark, BenchmarkCategory("With AvailableHigh")]
    public ulong WithAvailableHigh()
    {
        var entries = _entries;
        var values = _values6;
        var sum = 0UL;
        for (var i = 0; i < entries.Length; i++)
        {
            sum += entries[i].WithAvailableHigh(values[i]).Raw;
        }

        return sum;
    }

    /// <summary>Hand-written read of bits 59-62 (ProtectionKey).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Get ProtectionKey")]
    public ulong GetProtectionKey_Hand()
    {
        var raw = _raw;
        var sum = 0UL;
        for (var i = 0; i < raw.Length; i++)
        {
            sum += (byte)((raw[i] & 0x7800_0000_0000_0000UL) >> 59);
        }

        return sum;
    }

    /// <summary>The generated getter <see cref="L1e.ProtectionKey"/>.</summary>
    [Benchmark, BenchmarkCategory("Get ProtectionKey")]
    public ulong GetProtectionKey()
    {
        var entries = _entries;
        var sum = 0UL;
        for (var i = 0; i < entries.Length; i++)
        {
            sum += entries[i].ProtectionKey;
        }

        return sum;
    }

    /// <summary>Hand-written write of bits 59-62 (ProtectionKey).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("With ProtectionKey")]
    public ulong WithProtectionKey_Hand()
    {
        var raw = _raw;
        var values = _values4;
        var sum = 0UL;
        for (var i = 0; i < raw.Length; i++)
        {
            var value = values[i];
            if (value > 0xFUL)
            {
                ThrowValueOutOfRange(value);
            }

            sum += (raw[i] & ~0x7800_0000_0000_0000UL) | ((ulong)value << 59);
        }

        return sum;
    }

    /// <summary>The generated <see cref="L1e.WithProtectionKey"/>.</summary>
    [Benchmark, BenchmarkCategory("With ProtectionKey")]
    public ulong WithProtectionKey()
    {
        var entries = _entries;
        var values = _values4;
        var sum = 0UL;
        for (var i = 0; i < entries.Length; i++)
        {
            sum += entries[i].WithProtectionKey(values[i]).Raw;
        }

        return sum;
    }

    /// <summary>Hand-written read of bits 59-61 (SoftwareKeyBits).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Get SoftwareKeyBits")]
    public ulong GetSoftwareKeyBits_Hand()
    {
        var raw = _raw;
        var sum = 0UL;
        for (var i = 0; i < raw.Length; i++)
        {
            sum += (byte)((raw[i] & 0x3800_0000_0000_0000UL) >> 59);
        }

        return sum;
    }

    /// <summary>The generated getter <see cref="L1e.SoftwareKeyBits"/>.</summary>
    [Benchmark, BenchmarkCategory("Get SoftwareKeyBits")]
    public ulong GetSoftwareKeyBits()
    {
        var entries = _entries;
        var sum = 0UL;
        for (var i = 0; i < entries.Length; i++)
        {
            sum += entries[i].SoftwareKeyBits;
        }

        return sum;
    }

    /// <summary>Hand-written write of bits 59-61 (SoftwareKeyBits).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("With SoftwareKeyBits")]
    public ulong WithSoftwareKeyBits_Hand()
    {
        var raw = _raw;
        var values = _values3;
        var sum = 0UL;
        for (var i = 0; i < raw.Length; i++)
        {
            var value = values[i];
            if (value > 0x7UL)
            {
                ThrowValueOutOfRange(value);
            }

            sum += (raw[i] & ~0x3800_0000_0000_0000UL) | ((ulong)value << 59);
        }

        return sum;
    }

    /// <summary>The generated <see cref="L1e.WithSoftwareKeyBits"/>.</summary>
    [Benchmark, BenchmarkCategory("With SoftwareKeyBits")]
    public ulong WithSoftwareKeyBits()
    {
        var entries = _entries;
        var values = _values3;
        var sum = 0UL;
        for (var i = 0; i < entries.Length; i++)
        {
            sum += entries[i].WithSoftwareKeyBits(values[i]).Raw;
        }

        return sum;
    }

    /// <summary>Hand-written read of bit 62 (Software62).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Get Software62")]
    public ulong GetSoftware62_Hand()
    {
        var raw = _raw;
        var sum = 0UL;
        for (var i = 0; i < raw.Length; i++)
        {
            sum += (raw[i] & 0x4000_0000_0000_0000UL) != 0 ? 1UL : 0UL;
        }

        return sum;
    }

    /// <summary>The generated getter <see cref="L1e.Software62"/>.</summary>
    [Benchmark, BenchmarkCategory("Get Software62")]
    public ulong GetSoftware62()
    {
        var entries = _entries;
        var sum = 0UL;
        for (var i = 0; i < entries.Length; i++)
        {
            sum += entries[i].Software62 ? 1UL : 0UL;
        }

        return sum;
    }

    /// <summary>Hand-written write of bit 62 (Software62).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("With Software62")]
    public ulong WithSoftware62_Hand()
    {
        var raw = _raw;
        var values = _flags;
        var sum = 0UL;
        for (var i = 0; i < raw.Length; i++)
        {
            sum += values[i] ? raw[i] | 0x4000_0000_0000_0000UL : raw[i] & ~0x4000_0000_0000_0000UL;
        }

        return sum;
    }

    /// <summary>The generated <see cref="L1e.WithSoftware62"/>.</summary>
    [Benchmark, BenchmarkCategory("With Software62")]
    public ulong WithSoftware62()
    {
        var entries = _entries;
        var values = _flags;
        var sum = 0UL;
        for (var i = 0; i < entries.Length; i++)
        {
            sum += entries[i].WithSoftware62(values[i]).Raw;
        }

        return sum;
    }

    /// <summary>Hand-written read of bit 62 (GrantMapping).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Get GrantMapping")]
    public ulong GetGrantMapping_Hand()
    {
        var raw = _raw;
        var sum = 0UL;
        for (var i = 0; i < raw.Length; i++)
        {
            sum += (raw[i] & 0x4000_0000_0000_0000UL) != 0 ? 1UL : 0UL;
        }

        return sum;
    }

    /// <summary>The generated getter <see cref="L1e.GrantMapping"/>.</summary>
    [Benchmark, BenchmarkCategory("Get GrantMapping")]
    public ulong GetGrantMapping()
    {
        var entries = _entries;
        var sum = 0UL;
        for (var i = 0; i < entries.Length; i++)
        {
            sum += entries[i].GrantMapping ? 1UL : 0UL;
        }

        return sum;
    }

    /// <summary>Hand-written write of bit 62 (GrantMapping).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("With GrantMapping")]
    public ulong WithGrantMapping_Hand()
    {
        var raw = _raw;
        var values = _flags;
        var sum = 0UL;
        for (var i = 0; i < raw.Length; i++)
        {
            sum += values[i] ? raw[i] | 0x4000_0000_0000_0000UL : raw[i] & ~0x4000_0000_0000_0000UL;
        }

        return sum;
    }

    /// <summary>The generated <see cref="L1e.WithGrantMapping"/>.</summary>
    [Benchmark, BenchmarkCategory("With GrantMapping")]
    public ulong WithGrantMapping()
    {
        var entries = _entries;
        var values = _flags;
        var sum = 0UL;
        for (var i = 0; i < entries.Length; i++)
        {
            sum += entries[i].WithGrantMapping(values[i]).Raw;
        }

        return sum;
    }

    /// <summary>Hand-written read of bit 63 (NoExecute).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Get NoExecute")]
    public ulong GetNoExecute_Hand()
    {
        var raw = _raw;
        var sum = 0UL;
        for (var i = 0; i < raw.Length; i++)
        {
            sum += (raw[i] & 0x8000_0000_0000_0000UL) != 0 ? 1UL : 0UL;
        }

        return sum;
    }

    /// <summary>The generated getter <see cref="L1e.NoExecute"/>.</summary>
    [Benchmark, BenchmarkCategory("Get NoExecute")]
    public ulong GetNoExecute()
    {
        var entries = _entries;
        var sum = 0UL;
        for (var i = 0; i < entries.Length; i++)
        {
            sum += entries[i].NoExecute ? 1UL : 0UL;
        }

        return sum;
    }

    /// <summary>Hand-written write of bit 63 (NoExecute).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("With NoExecute")]
    public ulong WithNoExecute_Hand()
    {
        var raw = _raw;
        var values = _flags;
        var sum = 0UL;
        for (var i = 0; i < raw.Length; i++)
        {
            sum += values[i] ? raw[i] | 0x8000_0000_0000_0000UL : raw[i] & ~0x8000_0000_0000_0000UL;
        }

        return sum;
    }

    /// <summary>The generated <see cref="L1e.WithNoExecute"/>.</summary>
    [Benchmark, BenchmarkCategory("With NoExecute")]
    public ulong WithNoExecute()
    {
        var entries = _entries;
        var values = _flags;
        var sum = 0UL;
        for (var i = 0; i < entries.Length; i++)
        {
            sum += entries[i].WithNoExecute(values[i]).Raw;
        }

        return sum;
    }
}
