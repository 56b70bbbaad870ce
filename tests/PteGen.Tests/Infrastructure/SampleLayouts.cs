namespace PteGen.Tests.Infrastructure;

/// <summary>Layout sources shared by generator-level tests (snapshots, caching, determinism).</summary>
internal static class SampleLayouts
{
    /// <summary>The x86-64 PV L1 entry of the design, with Debug/Pke switches and bit 62 changing owner.</summary>
    public const string XenL1e = """
        using System;
        using PteGen;

        namespace Xen.Pv;

        [PteSwitches]
        [MutuallyExclusive(XenConfig.Debug, XenConfig.Pke)]
        [Flags]
        public enum XenConfig { None = 0, Debug = 1, Pke = 2 }

        [PteLayout(typeof(XenConfig), Level = 1)]
        public readonly partial struct L1e
        {
            [Hardware(0, Role = PteRole.Present)]    public partial bool Present { get; }
            [Hardware(1, Role = PteRole.Writable)]   public partial bool Writable { get; }
            [Hardware(2, Role = PteRole.User)]       public partial bool User { get; }
            [Hardware(3, GuestWrite = GuestWrite.Refused)] public partial bool WriteThrough { get; }
            [Hardware(4, GuestWrite = GuestWrite.Refused)] public partial bool CacheDisable { get; }
            [Hardware(5, Role = PteRole.Accessed)]   public partial bool Accessed { get; }
            [Hardware(6, Role = PteRole.Dirty)]      public partial bool Dirty { get; }
            [Hardware(7, GuestWrite = GuestWrite.Refused)] public partial bool Pat { get; }
            [Hardware(8, Role = PteRole.Global)]     public partial bool Global { get; }
            [GuestAvailable(9, 11)]                  public partial byte Available { get; }
            [Hardware(12, 51, Role = PteRole.Frame)] public partial ulong Frame { get; }
            [XenReserved(52, Role = PteRole.GuestKernel, GuestWrite = GuestWrite.Allowed)] public partial bool GuestKernel { get; }
            [GuestAvailable(53, 58)]                 public partial byte AvailableHigh { get; }
            [Hardware(59, 62, When = "Pke", Role = PteRole.ProtectionKey)] public partial byte ProtectionKey { get; }
            [GuestAvailable(59, 61, When = "!Pke")]  public partial byte SoftwareKeyBits { get; }
            [GuestAvailable(62, When = "!Pke && !Debug")] public partial bool Software62 { get; }
            [XenReserved(62, When = "Debug", Role = PteRole.GrantMapping)] public partial bool GrantMapping { get; }
            [Hardware(63, Role = PteRole.NoExecute)] public partial bool NoExecute { get; }
        }
        """;

    /// <summary>No switches; enum, signed-enum, 40-bit and top-bit fields; in the global namespace.</summary>
    public const string Mixed = """
        using PteGen;

        public enum CacheKind : byte { WriteBack = 0, WriteThrough = 1, Uncached = 2 }
        public enum Mode { Off = 0, On = 1 }

        [PteLayout]
        public readonly partial struct MixedEntry
        {
            [Hardware(0)] public partial bool Low { get; }
            [Hardware(1, 3)] public partial CacheKind Cache { get; }
            [Hardware(4, 43)] public partial ulong Address { get; }
            [GuestAvailable(44, 46)] public partial Mode Mode { get; }
            [GuestAvailable(47, 54)] public partial byte Byte { get; }
            [XenReserved(55, 62)] public partial ushort Reserved { get; }
            [Hardware(63)] public partial bool High { get; }
        }
        """;

    /// <summary>Nested in partial types, internal members, a keyword-named field, one full-width field.</summary>
    public const string Nested = """
        using PteGen;

        namespace Deep.Name.Space
        {
            public static partial class Outer
            {
                internal partial record Middle
                {
                    [PteLayout(Level = 4)]
                    internal readonly partial struct Whole
                    {
                        [GuestAvailable(0, 63)] internal partial ulong @fixed { get; }
                    }
                }
            }
        }
        """;

    /// <summary>A layout with an overlap: the generator writes only throwing bodies for its properties.</summary>
    public const string Invalid = """
        using PteGen;

        namespace Broken;

        [PteLayout]
        public readonly partial struct Overlapping
        {
            [Hardware(0, 40)] public partial ulong Low { get; }
            [GuestAvailable(40, 63)] public partial uint High { get; }
        }
        """;
}
