using PteGen.IntegrationTests.Infrastructure;

namespace PteGen.IntegrationTests.Scenarios;

/// <summary>The source files the scenarios write: the Xen sample's layouts, their users, and broken layouts.</summary>
internal static class Sources
{
    /// <summary>
    /// Writes the layout library into <paramref name="folder"/>: the Xen sample's own <c>XenConfig.cs</c> and
    /// <c>L1e.cs</c> (docs/xen-pv-abi.md §1), with the Debug/Pke switches, bit 52 Xen's kernel marker and bit 62 Xen's
    /// grant marker under Debug (guest-available otherwise, the protection key under Pke).
    /// </summary>
    public static void WriteLayoutLibrary(Scenario scenario, string folder)
    {
        scenario.Write($"{folder}/XenConfig.cs", SampleSource.XenConfig);
        scenario.Write($"{folder}/L1e.cs", SampleSource.L1e);
    }

    /// <summary>
    /// The hypervisor-side program: decodes, round-trips, adjusts (the fixup of docs/xen-pv-abi.md §1) and prints the
    /// ownership masks; it also writes Xen's bit 62, which is allowed on the hypervisor side.
    /// </summary>
    public const string HypervisorProgram = """
        using System;
        using PteGen;
        using XenPv;

        var kernel = default(L1e).WithPresent(true).WithWritable(true).WithFrame(0x1234);
        Console.WriteLine(kernel);

        var roundTrip = kernel.WithAvailable(5).WithAvailableHigh(0x2A).WithFrame(0xABCDE);
        Console.WriteLine($"with: 0x{roundTrip.Raw:x16} available={roundTrip.Available} high=0x{roundTrip.AvailableHigh:x} frame=0x{roundTrip.Frame:x}");
        Console.WriteLine($"back: {roundTrip.WithAvailable(0).WithAvailableHigh(0).WithFrame(0x1234) == kernel}");
        try { kernel.WithAvailable(8); Console.WriteLine("too wide: accepted"); }
        catch (ArgumentOutOfRangeException) { Console.WriteLine("too wide: ArgumentOutOfRangeException"); }

        Console.WriteLine(L1e.AdjustGuestL1e(kernel, PvDomainKind.Pv64));
        Console.WriteLine($"user: 0x{L1e.AdjustGuestL1e(kernel.WithUser(true), PvDomainKind.Pv64).Raw:x16}");
        Console.WriteLine($"kernel+global: 0x{L1e.AdjustGuestL1e(kernel.WithGlobal(true), PvDomainKind.Pv64).Raw:x16}");
        Console.WriteLine($"user+kernel: 0x{L1e.AdjustGuestL1e(kernel.WithUser(true).WithGuestKernel(true), PvDomainKind.Pv64).Raw:x16}");
        Console.WriteLine($"pv32: 0x{L1e.AdjustGuestL1e(kernel, PvDomainKind.Pv32).Raw:x16}");
        Console.WriteLine($"not present: 0x{L1e.AdjustGuestL1e(default(L1e).WithWritable(true), PvDomainKind.Pv64).Raw:x16}");
        Console.WriteLine($"debug: 0x{L1e.AdjustGuestL1e(kernel, PvDomainKind.Pv64, XenConfig.Debug).Raw:x16}");

        var table = new[] { kernel, kernel.WithUser(true), default(L1e) };
        L1e.AdjustGuestL1e(table.AsSpan(), PvDomainKind.Pv64);
        Console.WriteLine($"table: 0x{table[0].Raw:x16} 0x{table[1].Raw:x16} 0x{table[2].Raw:x16}");

        var granted = kernel.WithGrantMapping(true);
        Console.WriteLine(granted.ToString(XenConfig.Debug));
        Console.WriteLine(granted.ToString(XenConfig.None));
        Console.WriteLine($"violations: debug=0x{granted.GuestWriteViolations(XenConfig.Debug):x16} none=0x{granted.GuestWriteViolations(XenConfig.None):x16}");
        Console.WriteLine($"guest-available: none=0x{L1e.GuestAvailableBits(XenConfig.None):x16} debug=0x{L1e.GuestAvailableBits(XenConfig.Debug):x16}");
        Console.WriteLine($"xen-reserved: none=0x{L1e.XenReservedBits(XenConfig.None):x16} debug=0x{L1e.XenReservedBits(XenConfig.Debug):x16}");
        Console.WriteLine($"hardware: pke=0x{L1e.HardwareBits(XenConfig.Pke):x16}");
        Console.WriteLine($"valid: none={L1e.IsValid(XenConfig.None)} debug|pke={L1e.IsValid(XenConfig.Debug | XenConfig.Pke)}");
        """;

    /// <summary>
    /// Guest code: one clean function (bits 9-11 are the guest's in every configuration), and two writes of bit 62,
    /// Xen's under Debug: through the generated accessor (line 13) and through raw arithmetic (line 16).
    /// </summary>
    public const string GuestCode = """
        using XenPv;

        namespace Demo.Guest;

        public static class Mapper
        {
            public static L1e MapKernelPage(ulong frame) =>
                default(L1e).WithPresent(true).WithWritable(true).WithFrame(frame).WithAvailable(3);
        }

        public static class Pinning
        {
            public static L1e PinWithAccessor(L1e entry) => entry.WithGrantMapping(true);

            public static L1e PinWithRawArithmetic(L1e entry) =>
                new L1e(entry.Raw | (1UL << 62));
        }
        """;

    /// <summary>The lines of <see cref="GuestCode"/> that write bit 62: the accessor, then raw arithmetic.</summary>
    public static readonly int[] GuestCodeBit62Lines = [13, 16];

    /// <summary>
    /// The sample's leaf entry with switches that combine: without the exclusion and the debug grant marker, Pke moves
    /// bits 59-62 to the protection key and nothing else moves. Xen's debug warning (docs/xen-pv-abi.md §1) is raised
    /// only under Debug|Pke and reaches the sample's <c>GlobalKernelPageWarning</c>: the program's output shows which
    /// configuration the constant-configuration fixup was generated for.
    /// </summary>
    public static string CombinableLayout => SampleSource.XenL1e
        .Remove("[MutuallyExclusive(XenConfig.Debug, XenConfig.Pke)]\n")
        .Remove("    [XenReserved(62, When = \"Debug\", Role = PteRole.GrantMapping)]\n    public partial bool GrantMapping { get; }\n")
        .Replace("[GuestAvailable(62, When = \"!Pke && !Debug\")]", "[GuestAvailable(62, When = \"!Pke\")]")
        .Replace("[PteLayout(typeof(XenConfig), Level = 1)]", "[PteLayout(typeof(XenConfig), Level = 1, WarnWhen = \"Debug && Pke\")]");

    /// <summary>
    /// Adjusts the one input Xen warns about, a kernel mapping (no User) submitted with the kernel marker and Global
    /// (row 12 of docs/xen-pv-abi.md §1's table: +User, Global kept), with the constant-configuration fixup and with the
    /// run-time one under Debug and under Debug|Pke.
    /// </summary>
    public const string FixupProgram = """
        using System;
        using PteGen;
        using XenPv;

        L1e.GlobalKernelPageWarning = warned => Console.WriteLine($"warning: Global bit is set in kernel page 0x{warned.Raw:x16}");
        var entry = default(L1e).WithPresent(true).WithGlobal(true).WithGuestKernel(true);
        Console.WriteLine("build configuration:");
        Console.WriteLine($"0x{L1e.AdjustGuestL1e(entry, PvDomainKind.Pv64).Raw:x16}");
        Console.WriteLine("Debug:");
        Console.WriteLine($"0x{L1e.AdjustGuestL1e(entry, PvDomainKind.Pv64, XenConfig.Debug).Raw:x16}");
        Console.WriteLine("Debug|Pke:");
        Console.WriteLine($"0x{L1e.AdjustGuestL1e(entry, PvDomainKind.Pv64, XenConfig.Debug | XenConfig.Pke).Raw:x16}");
        """;

    /// <summary>
    /// docs/xen-pv-abi.md §3's switches without <c>[MutuallyExclusive]</c>: under Debug|Pke, bit 62 is both the protection key's
    /// and Xen's grant marker (PTE010, on the GrantMapping claim, line 17). The program uses only what a layout with
    /// errors still gets (its partial properties).
    /// </summary>
    public const string OverlappingLayout = """
        using System;
        using PteGen;

        namespace Demo.Broken;

        [PteSwitches]
        [Flags]
        public enum BrokenConfig { None = 0, Debug = 1, Pke = 2 }

        [PteLayout(typeof(BrokenConfig))]
        public readonly partial struct L1e
        {
            [Hardware(0, Role = PteRole.Present)] public partial bool Present { get; }
            [Hardware(1, 58)] public partial ulong Low { get; }
            [Hardware(59, 62, When = "Pke", Role = PteRole.ProtectionKey)] public partial byte ProtectionKey { get; }
            [GuestAvailable(59, 61, When = "!Pke")] public partial byte SoftwareKeyBits { get; }
            [XenReserved(62, When = "Debug", Role = PteRole.GrantMapping)] public partial bool GrantMapping { get; }
            [GuestAvailable(62, When = "!Pke && !Debug")] public partial bool Software62 { get; }
            [Hardware(63, Role = PteRole.NoExecute)] public partial bool NoExecute { get; }
        }

        public static class Use
        {
            public static bool IsPresent(L1e entry) => entry.Present;
        }
        """;

    /// <summary>A valid layout, compiled with C# 12 (no partial properties): PTE013 on the [PteLayout] attribute (line 5).</summary>
    public const string LayoutForOldLanguage = """
        using PteGen;

        namespace Demo.Old;

        [PteLayout]
        public readonly partial struct Entry
        {
            [Hardware(0, Role = PteRole.Present)] public partial bool Present { get; }
            [Hardware(1, 63)] public partial ulong Rest { get; }
        }
        """;
}
