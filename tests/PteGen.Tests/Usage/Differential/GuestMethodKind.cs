namespace PteGen.Tests.Usage.Differential;

/// <summary>The roles of the methods of a generated program; each kind has a fixed signature (see <see cref="GuestMethod"/>).</summary>
internal enum GuestMethodKind
{
    /// <summary><c>static L1e Entry{k}(ulong pfn, ulong prot)</c>: a helper whose parameters may reach an entry.</summary>
    EntryHelper,

    /// <summary><c>static ulong Value{k}(ulong v)</c>: a helper whose parameter reaches no entry.</summary>
    ValueHelper,

    /// <summary><c>public static L1e Build{k}(bool c0, bool c1, bool c2, ulong raw, ulong pfn, L1e e)</c>.</summary>
    EntryBuilder,

    /// <summary><c>public static ulong Compute{k}(bool c0, bool c1, bool c2, ulong raw, ulong pfn, L1e e)</c>.</summary>
    ValueBuilder,
}
