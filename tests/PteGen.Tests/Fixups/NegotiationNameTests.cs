using static PteGen.PvDomainKind;

namespace PteGen.Tests.Fixups;

/// <summary>
/// Relocatable claims whose names meet once the generator makes parameter names of them (<c>Kernel</c> and
/// <c>kernel</c> both give <c>kernelBit</c>, <c>Class</c> and <c>@class</c> both <c>classBit</c>): the generated
/// negotiation compiles, with a name of its own for each claim, and each claim keeps its own bit.
/// </summary>
public sealed class NegotiationNameTests(NegotiationNameTests.CaseProbe probe) : IClassFixture<NegotiationNameTests.CaseProbe>
{
    private static ulong Bit(int bit) => 1UL << bit;

    [Fact]
    public void WithEveryBitUnusedEachClaimTakesItsHomeBit() =>
        Assert.Equal(
            "Kernel: bit 52, kernel: bit 53, KERNEL: bit 54, Class: bit 55, class: bit 56, kernelBit: bit 57",
            probe.Describe(ulong.MaxValue));

    /// <summary>Required claims first, in declaration order, then the optional ones (<c>kernel</c> and <c>@class</c>).</summary>
    [Fact]
    public void MovedClaimsKeepTheirOwnBits()
    {
        Assert.Equal(
            "Kernel: bit 9, kernel: bit 61, KERNEL: bit 10, Class: bit 11, class: disabled (no bit left), kernelBit: bit 58",
            probe.Describe(Bit(9) | Bit(10) | Bit(11) | Bit(58) | Bit(61)));
        Assert.Equal(
            [Bit(9), Bit(61), Bit(10), Bit(11), 0UL, Bit(58)],
            probe.Masks(Bit(9) | Bit(10) | Bit(11) | Bit(58) | Bit(61)));
    }

    [Fact]
    public void AFailedNegotiationNamesTheClaimWithoutABit()
    {
        var failure = probe.Describe(Bit(9) | Bit(10));
        Assert.StartsWith("No bit is left for Class, which is required", failure, StringComparison.Ordinal);
    }

    /// <summary>The negotiated fixup marks kernel mappings with the bit negotiated for <c>Kernel</c>, not <c>kernel</c>'s.</summary>
    [Fact]
    public void TheNegotiatedFixupUsesTheKernelMarkersBit()
    {
        var unused = Bit(9) | Bit(10) | Bit(11) | Bit(58) | Bit(61);
        Assert.Equal(0x8000000123456067UL | Bit(9), probe.Adjust(0x8000000123456063UL, Pv64, unused));
        Assert.Equal(0x0020000123456167UL, probe.Adjust(0x0020000123456067UL, Pv64, unused)); // bit 53 is the guest's: a user mapping
        Assert.Equal(0x8000000123456063UL, probe.Adjust(0x8000000123456063UL, Pv32, unused));
    }

    /// <summary>The layout, compiled once (it did not compile while two parameters could share a name), and a probe over raw values.</summary>
    public sealed class CaseProbe : IDisposable
    {
        internal const string Layout = """
            using System;
            using System.Linq;
            using PteGen;

            namespace Names;

            [PteLayout(Level = 1)]
            public readonly partial struct Entry
            {
                [Hardware(0, Role = PteRole.Present)] public partial bool Present { get; }
                [Hardware(1, Role = PteRole.Writable)] public partial bool Writable { get; }
                [Hardware(2, Role = PteRole.User)] public partial bool User { get; }
                [Hardware(3, 7)] public partial byte Caching { get; }
                [Hardware(8, Role = PteRole.Global)] public partial bool Global { get; }
                [GuestAvailable(9, 11)] public partial byte Available { get; }
                [Hardware(12, 51, Role = PteRole.Frame)] public partial ulong Frame { get; }
                [XenReserved(52, Role = PteRole.GuestKernel, Relocatable = true, GuestWrite = GuestWrite.Allowed)] public partial bool Kernel { get; }
                [XenReserved(53, Relocatable = true, Optional = true)] public partial bool kernel { get; }
                [XenReserved(54, Relocatable = true)] public partial bool KERNEL { get; }
                [XenReserved(55, Relocatable = true)] public partial bool Class { get; }
                [XenReserved(56, Relocatable = true, Optional = true)] public partial bool @class { get; }
                [XenReserved(57, Relocatable = true)] public partial bool kernelBit { get; }
                [GuestAvailable(58, 62)] public partial byte Software { get; }
                [Hardware(63, Role = PteRole.NoExecute)] public partial bool NoExecute { get; }
            }

            public static class Probe
            {
                public static string Describe(ulong guestUnusedBits) => Entry.Negotiate(guestUnusedBits).ToString();

                public static ulong[] Masks(ulong guestUnusedBits)
                {
                    var domain = Entry.Negotiate(guestUnusedBits);
                    return new[] { domain.KernelMask, domain.kernelMask, domain.KERNELMask, domain.ClassMask, domain.classMask, domain.kernelBitMask };
                }

                public static ulong Adjust(ulong raw, PvDomainKind kind, ulong guestUnusedBits)
                {
                    var domain = Entry.Negotiate(guestUnusedBits);
                    return Entry.AdjustGuestL1e(new Entry(raw), kind, in domain).Raw;
                }
            }
            """;

        private readonly LoadedCompilation compilation = LoadedCompilation.Load(Layout);

        public string Describe(ulong guestUnusedBits) => compilation.Invoke<string>("Names.Probe", nameof(Describe), guestUnusedBits);

        public ulong[] Masks(ulong guestUnusedBits) => compilation.Invoke<ulong[]>("Names.Probe", nameof(Masks), guestUnusedBits);

        public ulong Adjust(ulong raw, PvDomainKind kind, ulong guestUnusedBits) =>
            compilation.Invoke<ulong>("Names.Probe", nameof(Adjust), raw, kind, guestUnusedBits);

        public void Dispose() => compilation.Dispose();
    }
}
