using System;

namespace XenPv.Guest;

/// <summary>
/// How a 64-bit PV guest kernel builds and reads its leaf entries. The guest never sets Xen's bits: it leaves User clear
/// on kernel mappings and lets Xen add User, the kernel marker (bit 52) and, for user mappings, Global.
/// </summary>
public static class PageMapper
{
    /// <summary>A kernel mapping of <paramref name="frame"/>: present, writable, not user; Xen completes it.</summary>
    /// <param name="frame">The machine frame number.</param>
    /// <param name="writable">Whether writes are allowed.</param>
    public static L1e MapKernelPage(ulong frame, bool writable) =>
        default(L1e).WithPresent(true).WithWritable(writable).WithAccessed(true).WithFrame(frame).WithNoExecute(true);

    /// <summary>A user mapping of <paramref name="frame"/>.</summary>
    /// <param name="frame">The machine frame number.</param>
    public static L1e MapUserPage(ulong frame) =>
        default(L1e).WithPresent(true).WithWritable(true).WithUser(true).WithAccessed(true).WithFrame(frame);

    /// <summary>A device-memory mapping: the guest's own software bit, set with raw arithmetic on a portable bit.</summary>
    /// <param name="frame">The machine frame number.</param>
    public static L1e MapDevicePage(ulong frame)
    {
        var raw = MapKernelPage(frame, writable: true).Raw;
        raw |= SoftwareBits.IoMapping;
        return new L1e(raw);
    }

    /// <summary>Marks an entry soft-dirty, keeping every other bit.</summary>
    /// <param name="entry">The entry.</param>
    public static L1e MarkSoftDirty(L1e entry) => new(entry.Raw | SoftwareBits.SoftDirty);

    /// <summary>Clears the guest's software bits 9-11 through the generated accessor.</summary>
    /// <param name="entry">The entry.</param>
    public static L1e ClearAvailable(L1e entry) => entry.WithAvailable(0);

    /// <summary>Whether the guest marked an entry as device memory.</summary>
    /// <param name="entry">The entry.</param>
    public static bool IsDeviceMapping(L1e entry) => (entry.Raw & SoftwareBits.IoMapping) != 0;

    /// <summary>Write-protects every present entry of a page table, in place.</summary>
    /// <param name="table">The entries.</param>
    public static void WriteProtect(Span<L1e> table)
    {
        for (var index = 0; index < table.Length; index++)
        {
            if (table[index].Present)
            {
                table[index] = table[index].WithWritable(false);
            }
        }
    }

    /// <summary>
    /// Reads back a mapping Xen installed: a kernel mapping comes back with User and the kernel marker set, a user
    /// mapping with Global. Reading Xen's bit is allowed (PTE103 reports it only when enabled).
    /// </summary>
    /// <param name="installed">The entry as Xen installed it.</param>
    public static bool IsKernelMapping(L1e installed) => installed.Present && installed.GuestKernel;

    /// <summary>The low 12 flag bits of an entry, as a debugging aid prints them.</summary>
    /// <param name="entry">The entry.</param>
    public static ulong LowFlags(L1e entry) => entry.Raw & 0xFFF;
}
