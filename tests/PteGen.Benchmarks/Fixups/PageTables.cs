namespace PteGen.Benchmarks.Fixups;

/// <summary>The kinds of page table the fixup benchmarks adjust.</summary>
public enum DataSet
{
    /// <summary>Uniformly random 64-bit entries: half are present, and the branches of a scalar fixup are unpredictable.</summary>
    Random,

    /// <summary>
    /// What a 64-bit PV guest submits: runs of mappings, mostly present user entries (about 85%), some present kernel
    /// entries (about 10%, no User), a few non-present ones (about 5%, zero or swap-like).
    /// </summary>
    Realistic,
}

/// <summary>Deterministic page tables (fixed seeds), and Xen's fixup written independently of PteGen as the reference.</summary>
internal static class PageTables
{
    public const int Seed = 20160112; // The date of the seed discussion on xen-devel.

    private const ulong Present = 1UL << 0;
    private const ulong Writable = 1UL << 1;
    private const ulong User = 1UL << 2;
    private const ulong Accessed = 1UL << 5;
    private const ulong Dirty = 1UL << 6;
    private const ulong Global = 1UL << 8;
    private const ulong GuestKernel = 1UL << 52;
    private const ulong NoExecute = 1UL << 63;
    private const ulong FrameMask = 0x000F_FFFF_FFFF_F000UL;

    /// <summary>
    /// How many different tables a benchmark of <paramref name="count"/> entries cycles through, one per call: enough
    /// that the branch predictor cannot learn the sequence of a small table by heart (64 tables of 512 entries: 256 KiB,
    /// in L2), and one for a large table, which no predictor memorizes.
    /// </summary>
    public static int TablesFor(int count) => count <= 4096 ? 64 : 1;

    /// <summary>
    /// Table number <paramref name="variant"/> of <paramref name="count"/> entries of <paramref name="kind"/>: the same for
    /// the same arguments, different for different variants.
    /// </summary>
    public static ulong[] Create(DataSet kind, int count, int variant = 0) => kind switch
    {
        DataSet.Random => CreateRandom(count, variant),
        DataSet.Realistic => CreateRealistic(count, variant),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// docs/xen-pv-abi.md §1, release build (no warning), written from the spec without PteGen: the reference every
    /// implementation is checked against.
    /// </summary>
    public static ulong Reference(ulong entry, PvDomainKind kind)
    {
        if ((entry & Present) != 0 && kind != PvDomainKind.Pv32)
        {
            if ((entry & User) == 0)
            {
                entry |= GuestKernel | User;
            }

            if ((entry & GuestKernel) == 0)
            {
                entry |= Global | User;
            }
        }

        return entry;
    }

    /// <summary>The reference applied to a whole table.</summary>
    public static ulong[] Reference(ReadOnlySpan<ulong> table, PvDomainKind kind)
    {
        var result = new ulong[table.Length];
        for (var index = 0; index < table.Length; index++)
        {
            result[index] = Reference(table[index], kind);
        }

        return result;
    }

    private static ulong[] CreateRandom(int count, int variant)
    {
        var random = new Random(Seed + variant);
        var table = new ulong[count];
        random.NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(table.AsSpan()));
        return table;
    }

    private static ulong[] CreateRealistic(int count, int variant)
    {
        var random = new Random((Seed ^ 0x5A5A) + variant);
        var table = new ulong[count];
        var frame = (ulong)random.Next(0x1000, 0x100000);
        var index = 0;
        while (index < count)
        {
            // Mappings come in runs (a heap, a stack, a kernel area), each of one kind.
            var run = Math.Min(count - index, 1 + random.Next(64));
            var pick = random.Next(100);
            for (var end = index + run; index < end; index++, frame++)
            {
                var flags = pick switch
                {
                    // A user mapping: present, user, accessed, usually writable and dirty, usually no-execute,
                    // sometimes with the guest's software bits 9-11 or 57-58 (Linux's soft-dirty, special).
                    < 85 => Present | User | Accessed
                        | (random.Next(4) != 0 ? Writable | Dirty : 0)
                        | (random.Next(3) != 0 ? NoExecute : 0)
                        | (random.Next(8) == 0 ? (ulong)random.Next(8) << 9 : 0)
                        | (random.Next(16) == 0 ? 1UL << 57 : 0),
                    // A kernel mapping: present, no User (Xen adds User and the kernel marker), often global already.
                    < 95 => Present | Writable | Accessed | Dirty
                        | (random.Next(2) == 0 ? Global : 0)
                        | (random.Next(2) == 0 ? NoExecute : 0),
                    // Not present: empty, or a swap entry (guest data in every bit but Present).
                    _ => random.Next(2) == 0 ? 0 : ((ulong)random.NextInt64() << 1) & ~Present,
                };
                table[index] = (flags & Present) != 0 ? flags | ((frame << 12) & FrameMask) : flags;
            }
        }

        return table;
    }
}
