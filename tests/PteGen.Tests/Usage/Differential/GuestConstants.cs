namespace PteGen.Tests.Usage.Differential;

/// <summary>
/// The named <c>const ulong</c> fields every generated file declares (in <c>static class GuestBits</c>, imported with
/// <c>using static</c>), with the values the reference uses. Chosen to cover the bits PTE101 is about: Xen's 52
/// (Marker) and 62 (Grant), the guest's 9-11 and 53-58, hardware bits 0, 1, 5, 6 and 63, the frame mask, and bits 40,
/// 50 and 51 that a shift by 12 or 11 moves onto 52 and 62. Layout constants of the generated <c>L1e</c> and literals
/// are in <see cref="Literals"/>.
/// </summary>
internal static class GuestConstants
{
    /// <summary>Name, the initializer written into the generated file, and the value the reference takes for it.</summary>
    public static readonly IReadOnlyList<(string Name, string Declaration, ulong Value)> Named =
    [
        ("Present", "1UL << 0", 1UL << 0),
        ("Writable", "1UL << 1", 1UL << 1),
        ("Accessed", "1UL << 5", 1UL << 5),
        ("Dirty", "1UL << 6", 1UL << 6),
        ("NoExecute", "1UL << 63", 1UL << 63),
        ("Available9", "1UL << 9", 1UL << 9),
        ("Available11", "1UL << 11", 1UL << 11),
        ("AvailableLow", "0x0000_0000_0000_0E00UL", 0x0000_0000_0000_0E00UL),
        ("Available53", "1UL << 53", 1UL << 53),
        ("Available58", "1UL << 58", 1UL << 58),
        ("AvailableHigh", "0x07E0_0000_0000_0000UL", 0x07E0_0000_0000_0000UL),
        ("Marker", "1UL << 52", 1UL << 52),
        ("Grant", "1UL << 62", 1UL << 62),
        ("XenBits", "Marker | Grant", (1UL << 52) | (1UL << 62)),
        ("FrameMask", "0x000F_FFFF_FFFF_F000UL", 0x000F_FFFF_FFFF_F000UL),
        ("LowMask", "0xFFFUL", 0xFFFUL),
        ("Flags", "Present | Writable | Accessed | Dirty", 0x63UL),
        ("Frame40", "1UL << 40", 1UL << 40),
        ("Frame50", "1UL << 50", 1UL << 50),
        ("Frame51", "1UL << 51", 1UL << 51),
    ];

    /// <summary>Constant leaves written in place: literals and the generated layout's own mask constants.</summary>
    public static readonly IReadOnlyList<(string Text, ulong Value)> Literals =
    [
        ("0x0010_0000_0000_0000UL", 0x0010_0000_0000_0000UL),
        ("0x4000_0000_0000_0000UL", 0x4000_0000_0000_0000UL),
        ("0x000F_FFFF_FFFF_F000UL", 0x000F_FFFF_FFFF_F000UL),
        ("0xFFFUL", 0xFFFUL),
        ("0UL", 0UL),
        ("L1e.GuestKernelMask", 1UL << 52),
        ("L1e.GrantMappingMask", 1UL << 62),
        ("L1e.FrameMask", 0x000F_FFFF_FFFF_F000UL),
        ("L1e.AvailableMask", 0x0000_0000_0000_0E00UL),
    ];

    public static ulong ValueOf(string name)
    {
        foreach (var (candidate, _, value) in Named)
        {
            if (candidate == name)
            {
                return value;
            }
        }

        throw new ArgumentException($"'{name}' is not a named guest constant.", nameof(name));
    }
}
