using CsCheck;
using static PteGen.PvDomainKind;

namespace PteGen.Tests.Fixups;

/// <summary>
/// A relocatable kernel marker that exists only in some configurations (docs/xen-pv-abi.md §5): where it holds the role,
/// the negotiated <c>AdjustGuestL1e</c> (scalar, in place and copying) marks kernel mappings with the bit negotiated for
/// it, not its declared home bit; in the other configurations a fixed claim holds the role and keeps bit 52.
/// </summary>
public sealed class ConditionalNegotiationTests(ConditionalNegotiationTests.ConditionalKernelProbe probe) : IClassFixture<ConditionalNegotiationTests.ConditionalKernelProbe>
{
    private const int None = 0;
    private const int Debug = 1;
    private const int Pke = 2;

    private static readonly int[] Configurations = [None, Debug, Pke, Debug | Pke];

    private static ulong Bit(int bit) => 1UL << bit;

    /// <summary>
    /// Xen's <c>adjust_guest_l1e</c> (docs/xen-pv-abi.md §1) with the kernel marker at <paramref name="marker"/>: a present
    /// entry of a 64-bit PV domain without User gets User and the marker; then one without the marker gets Global and User.
    /// </summary>
    private static ulong XenAdjust(ulong raw, PvDomainKind kind, int marker)
    {
        if ((raw & Bits.Present) == 0 || kind == Pv32)
        {
            return raw;
        }

        if ((raw & Bits.User) == 0)
        {
            raw |= Bit(marker) | Bits.User;
        }

        if ((raw & Bit(marker)) == 0)
        {
            raw |= Bits.Global | Bits.User;
        }

        return raw;
    }

    /// <summary>Entries that reach every row of the truth table at both bit 52 and the negotiated bit.</summary>
    private static Gen<ulong> Entries(int marker) => Gen.Select(Gen.ULong, Gen.Int[0, 3], (raw, shape) => shape switch
    {
        0 => (raw | Bits.Present) & ~(Bit(marker) | Bits.GuestKernel | Bits.Global),
        1 => raw | Bits.Present,
        _ => raw,
    });

    public static TheoryData<ulong, int> MovedUnderDebug() => new()
    {
        { Bit(55), 55 },                       // the guest uses bit 52: the marker moves to the one bit left
        { Bit(10) | Bit(60), 10 },             // otherwise the lowest candidate
        { Bit(62) | Bit(9) | Bits.Present, 9 }, // a hardware bit is never a candidate
    };

    [Theory]
    [MemberData(nameof(MovedUnderDebug))]
    public void UnderDebugTheNegotiatedFixupMarksKernelMappingsWithTheNegotiatedBit(ulong guestUnusedBits, int marker)
    {
        Assert.Equal(Bit(marker), probe.DebugKernelMask(guestUnusedBits, Debug));

        // Literal rows: a kernel mapping (no User) gets User and the negotiated bit, bit 52 untouched; a user mapping
        // without the negotiated bit becomes global even with bit 52 set (bit 52 is the guest's own bit here).
        Assert.Equal(0x8000000123456067UL | Bit(marker), probe.Scalar(0x8000000123456063UL, Pv64, guestUnusedBits, Debug));
        Assert.Equal(0x0010000123456167UL, probe.Scalar(0x0010000123456067UL, Pv64, guestUnusedBits, Debug));
        Assert.Equal(0x0000000123456067UL | Bit(marker), probe.Scalar(0x0000000123456067UL | Bit(marker), Pv64, guestUnusedBits, Debug));

        AssertIsXensFixupWithTheMarkerAt(marker, guestUnusedBits, Debug);
    }

    /// <summary>The twin: where the fixed claim holds the role, the marker stays at bit 52 whatever the guest left unused.</summary>
    [Theory]
    [InlineData(None)]
    [InlineData(Pke)]
    [InlineData(Debug | Pke)]
    public void WhereTheFixedClaimHoldsTheRoleTheMarkerStaysAtBit52(int configuration)
    {
        foreach (var guestUnusedBits in new[] { Bit(55), Bit(52) | Bit(55), 0UL })
        {
            Assert.Equal(0UL, probe.DebugKernelMask(guestUnusedBits, configuration));
            Assert.Equal(0x8010000123456067UL, probe.Scalar(0x8000000123456063UL, Pv64, guestUnusedBits, configuration));
            AssertIsXensFixupWithTheMarkerAt(52, guestUnusedBits, configuration);
        }
    }

    [Fact]
    public void UnderDebugWithItsHomeBitUnusedTheMarkerIsBit52()
    {
        Assert.Equal(Bits.GuestKernel, probe.DebugKernelMask(Bit(52) | Bit(55), Debug));
        AssertIsXensFixupWithTheMarkerAt(52, Bit(52) | Bit(55), Debug);
    }

    [Fact]
    public void EveryConfigurationAgreesWithItsRunTimeOverloadWhenNothingMoves()
    {
        foreach (var configuration in Configurations)
        {
            Gen.Select(Entries(52), Gen.OneOf(Bits.Kinds)).Sample(
                (raw, kind) => Assert.Equal(probe.Runtime(raw, kind, configuration), probe.Scalar(raw, kind, Bit(52), configuration)),
                iter: 2_000,
                print: input => $"{Bits.Hex(input.Item1)}, {input.Item2}, configuration {configuration}");
        }
    }

    private void AssertIsXensFixupWithTheMarkerAt(int marker, ulong guestUnusedBits, int configuration)
    {
        Gen.Select(Entries(marker), Gen.OneOf(Bits.Kinds)).Sample(
            (raw, kind) => Assert.Equal(XenAdjust(raw, kind, marker), probe.Scalar(raw, kind, guestUnusedBits, configuration)),
            iter: 5_000,
            print: input => $"{Bits.Hex(input.Item1)}, {input.Item2}");

        // Lengths around the vector widths, so that the vector loops and the scalar tail both run.
        foreach (var length in Bits.TableLengths)
        {
            Gen.Select(Entries(marker).Array[length], Gen.OneOf(Bits.Kinds)).Sample(
                (raws, kind) =>
                {
                    var expected = raws.Select(raw => XenAdjust(raw, kind, marker)).ToArray();
                    Assert.Equal(expected, probe.InPlace(raws, kind, guestUnusedBits, configuration));
                    Assert.Equal(expected, probe.Copy(raws, kind, guestUnusedBits, configuration));
                },
                iter: 8,
                print: input => $"{input.Item1.Length} entries, {input.Item2}");
        }
    }

    /// <summary>The layout, compiled once, and a probe that calls its negotiated fixups over raw values.</summary>
    public sealed class ConditionalKernelProbe : IDisposable
    {
        internal const string Layout = """
            using System;
            using PteGen;

            namespace Conditional;

            [PteSwitches]
            [Flags]
            public enum Build { None = 0, Debug = 1, Pke = 2 }

            [PteLayout(typeof(Build), Level = 1)]
            public readonly partial struct Entry
            {
                [Hardware(0, Role = PteRole.Present)] public partial bool Present { get; }
                [Hardware(1, Role = PteRole.Writable)] public partial bool Writable { get; }
                [Hardware(2, Role = PteRole.User)] public partial bool User { get; }
                [Hardware(3, 7)] public partial byte Attributes { get; }
                [Hardware(8, Role = PteRole.Global)] public partial bool Global { get; }
                [GuestAvailable(9, 11)] public partial byte Available { get; }
                [Hardware(12, 51, Role = PteRole.Frame)] public partial ulong Frame { get; }
                [XenReserved(52, Role = PteRole.GuestKernel, Relocatable = true, When = "Debug && !Pke", GuestWrite = GuestWrite.Allowed)]
                public partial bool DebugKernel { get; }
                [XenReserved(52, Role = PteRole.GuestKernel, When = "!Debug || Pke", GuestWrite = GuestWrite.Allowed)]
                public partial bool Kernel { get; }
                [GuestAvailable(53, 62)] public partial ushort Software { get; }
                [Hardware(63, Role = PteRole.NoExecute)] public partial bool NoExecute { get; }
            }

            public static class Probe
            {
                public static ulong DebugKernelMask(ulong guestUnusedBits, int configuration) =>
                    Entry.Negotiate(guestUnusedBits, (Build)configuration).DebugKernelMask;

                public static ulong Scalar(ulong raw, PvDomainKind kind, ulong guestUnusedBits, int configuration)
                {
                    var domain = Entry.Negotiate(guestUnusedBits, (Build)configuration);
                    return Entry.AdjustGuestL1e(new Entry(raw), kind, in domain).Raw;
                }

                public static ulong Runtime(ulong raw, PvDomainKind kind, int configuration) =>
                    Entry.AdjustGuestL1e(new Entry(raw), kind, (Build)configuration).Raw;

                public static ulong[] InPlace(ulong[] raws, PvDomainKind kind, ulong guestUnusedBits, int configuration)
                {
                    var domain = Entry.Negotiate(guestUnusedBits, (Build)configuration);
                    var entries = Array.ConvertAll(raws, raw => new Entry(raw));
                    Entry.AdjustGuestL1e(entries.AsSpan(), kind, in domain);
                    return Array.ConvertAll(entries, entry => entry.Raw);
                }

                public static ulong[] Copy(ulong[] raws, PvDomainKind kind, ulong guestUnusedBits, int configuration)
                {
                    var domain = Entry.Negotiate(guestUnusedBits, (Build)configuration);
                    var source = Array.ConvertAll(raws, raw => new Entry(raw));
                    var adjusted = new Entry[raws.Length];
                    Entry.AdjustGuestL1e(source, adjusted, kind, in domain);
                    return Array.ConvertAll(adjusted, entry => entry.Raw);
                }
            }
            """;

        private readonly LoadedCompilation compilation = LoadedCompilation.Load(Layout);

        public ulong DebugKernelMask(ulong guestUnusedBits, int configuration) =>
            compilation.Invoke<ulong>("Conditional.Probe", nameof(DebugKernelMask), guestUnusedBits, configuration);

        public ulong Scalar(ulong raw, PvDomainKind kind, ulong guestUnusedBits, int configuration) =>
            compilation.Invoke<ulong>("Conditional.Probe", nameof(Scalar), raw, kind, guestUnusedBits, configuration);

        public ulong Runtime(ulong raw, PvDomainKind kind, int configuration) =>
            compilation.Invoke<ulong>("Conditional.Probe", nameof(Runtime), raw, kind, configuration);

        public ulong[] InPlace(ulong[] raws, PvDomainKind kind, ulong guestUnusedBits, int configuration) =>
            compilation.Invoke<ulong[]>("Conditional.Probe", nameof(InPlace), raws, kind, guestUnusedBits, configuration);

        public ulong[] Copy(ulong[] raws, PvDomainKind kind, ulong guestUnusedBits, int configuration) =>
            compilation.Invoke<ulong[]>("Conditional.Probe", nameof(Copy), raws, kind, guestUnusedBits, configuration);

        public void Dispose() => compilation.Dispose();
    }
}
