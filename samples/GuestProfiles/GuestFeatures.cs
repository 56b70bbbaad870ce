namespace GuestProfiles;

/// <summary>The features the profiles' conditional bits depend on (<c>GuestSoftwareBits.Feature</c>).</summary>
public static class GuestFeatures
{
    /// <summary>Protection keys (CPUID PKU, CR4.PKE): Xen offers them to HAP HVM guests only, never to PV.</summary>
    public const string Pku = "PKU";

    /// <summary>2 MiB leaves (PS=1 in an L2 entry): Xen refuses PS in PV L2/L3 entries.</summary>
    public const string LargePages = "2 MiB pages";

    /// <summary>bhyve's EPT tables: FreeBSD's own nested page tables for its guests, never a Xen PV entry.</summary>
    public const string BhyveEpt = "bhyve EPT tables";

    /// <summary>Linux's soft-dirty tracking, a kernel build option a PV kernel may have.</summary>
    public const string SoftDirty = "CONFIG_MEM_SOFT_DIRTY";

    /// <summary>Linux's kmemcheck, a debugging build option a PV kernel may have.</summary>
    public const string KmemCheck = "CONFIG_KMEMCHECK";
}
