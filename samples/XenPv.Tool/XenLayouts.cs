using System;
using PteGen;

namespace XenPv.Tool;

/// <summary>What <see cref="XenLayout.Adjust"/> returns: the entry Xen installs, and whether Xen's debug warning fired.</summary>
/// <param name="Raw">The adjusted entry.</param>
/// <param name="Warned">Whether "Global bit is set in kernel page" was reported (L1, <c>Debug</c> only).</param>
internal readonly record struct AdjustResult(ulong Raw, bool Warned);

/// <summary>
/// One paging level of the Xen x86-64 PV layouts, as the tool uses it: the generated descriptor and the generated
/// members, reached through delegates (no reflection).
/// </summary>
internal sealed class XenLayout
{
    private XenLayout(
        int level,
        PteLayoutDescriptor descriptor,
        string xenFixup,
        Func<ulong, XenConfig, string> format,
        Func<ulong, XenConfig, ulong> guestWriteViolations,
        Func<ulong, PvDomainKind, XenConfig, AdjustResult> adjust)
    {
        Level = level;
        Descriptor = descriptor;
        XenFixup = xenFixup;
        Format = format;
        GuestWriteViolations = guestWriteViolations;
        Adjust = adjust;
    }

    /// <summary>The paging level, 1 to 4.</summary>
    public int Level { get; }

    /// <summary>The generated descriptor (fields, owners, conditions, valid configurations).</summary>
    public PteLayoutDescriptor Descriptor { get; }

    /// <summary>The layout type name, for example <c>L1e</c>.</summary>
    public string Name => Descriptor.Name;

    /// <summary>The Xen function the fixup mirrors, for example <c>adjust_guest_l1e</c>.</summary>
    public string XenFixup { get; }

    /// <summary>The generated <c>ToString(XenConfig)</c>.</summary>
    public Func<ulong, XenConfig, string> Format { get; }

    /// <summary>The generated <c>GuestWriteViolations(XenConfig)</c>.</summary>
    public Func<ulong, XenConfig, ulong> GuestWriteViolations { get; }

    /// <summary>The generated <c>AdjustGuestL{n}e(entry, PvDomainKind, XenConfig)</c>.</summary>
    public Func<ulong, PvDomainKind, XenConfig, AdjustResult> Adjust { get; }

    /// <summary>The four levels, index 0 being L1.</summary>
    private static readonly XenLayout[] s_levels =
    {
        new(1, L1e.Descriptor, "adjust_guest_l1e",
            static (raw, config) => new L1e(raw).ToString(config),
            static (raw, config) => new L1e(raw).GuestWriteViolations(config),
            AdjustL1),
        new(2, L2e.Descriptor, "adjust_guest_l2e",
            static (raw, config) => new L2e(raw).ToString(config),
            static (raw, config) => new L2e(raw).GuestWriteViolations(config),
            static (raw, kind, config) => new(L2e.AdjustGuestL2e(new L2e(raw), kind, config).Raw, false)),
        new(3, L3e.Descriptor, "adjust_guest_l3e",
            static (raw, config) => new L3e(raw).ToString(config),
            static (raw, config) => new L3e(raw).GuestWriteViolations(config),
            static (raw, kind, config) => new(L3e.AdjustGuestL3e(new L3e(raw), kind, config).Raw, false)),
        new(4, L4e.Descriptor, "adjust_guest_l4e",
            static (raw, config) => new L4e(raw).ToString(config),
            static (raw, config) => new L4e(raw).GuestWriteViolations(config),
            static (raw, kind, config) => new(L4e.AdjustGuestL4e(new L4e(raw), kind, config).Raw, false)),
    };

    /// <summary>The lowest and highest level.</summary>
    public const int MinLevel = 1, MaxLevel = 4;

    /// <summary>The layout of <paramref name="level"/> (1 to 4).</summary>
    public static XenLayout ForLevel(int level) =>
        level is >= MinLevel and <= MaxLevel
            ? s_levels[level - 1]
            : throw new ArgumentOutOfRangeException(nameof(level), level, "The paging level is 1 to 4.");

    /// <summary>
    /// The descriptor that defines the configuration switches. Every level is declared over the same
    /// <see cref="XenConfig"/> with the same <c>[MutuallyExclusive]</c> rule, so L1's descriptor speaks for all four.
    /// </summary>
    public static PteLayoutDescriptor Switches => L1e.Descriptor;

    // Xen's debug warning reaches the tool through the generated hook, L1e.GlobalKernelPageWarning. The tool is
    // single-threaded: the flag is reset before each call and read right after it.
    private static bool s_warned;
    private static readonly Action<L1e> s_onWarning = static _ => s_warned = true;

    private static AdjustResult AdjustL1(ulong raw, PvDomainKind kind, XenConfig config)
    {
        var previous = L1e.GlobalKernelPageWarning;
        s_warned = false;
        L1e.GlobalKernelPageWarning = s_onWarning;
        try
        {
            var adjusted = L1e.AdjustGuestL1e(new L1e(raw), kind, config);
            return new AdjustResult(adjusted.Raw, s_warned);
        }
        finally
        {
            L1e.GlobalKernelPageWarning = previous;
        }
    }
}
