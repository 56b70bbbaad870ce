using System.Numerics;
using CsCheck;
using XenPv;
using XenPv.Abis;
using static PteGen.PvDomainKind;

namespace PteGen.Tests.Fixups;

/// <summary>
/// Per-domain negotiation of the sample's <see cref="NegotiatedL1e"/> (docs/xen-pv-abi.md §5): the kernel marker (required,
/// home bit 52) and, under Debug, the grant marker (optional, home bit 62) are placed on bits the guest declares unused,
/// and the negotiated fixup is Xen's <c>adjust_guest_l1e</c> with the kernel marker wherever it was placed.
/// </summary>
[Collection(L1eWarningHookCollection.Name)]
public sealed class NegotiationTests
{
    /// <summary>
    /// The bits negotiation may choose from, per configuration, written out: the bits guest-available in that
    /// configuration plus the claims' own home bits. None: 9-11 and 52-62 (52 is the kernel marker's home, 53-62 the
    /// guest's). Debug: 9-11, 52 (home), 53-61 (guest's), 62 (the grant marker's home). Pke: 9-11, 52 (home), 53-58
    /// (59-62 are the protection key).
    /// </summary>
    private static ulong Candidates(XenConfig configuration) => configuration switch
    {
        XenConfig.None => 0x7FF0000000000E00UL,
        XenConfig.Debug => 0x7FF0000000000E00UL,
        XenConfig.Pke => 0x07F0000000000E00UL,
        _ => throw new ArgumentOutOfRangeException(nameof(configuration)),
    };

    private static ulong Bit(int bit) => 1UL << bit;

    [Fact]
    public void TheCandidateMasksMatchTheLayout()
    {
        foreach (var configuration in Bits.ValidConfigurations)
        {
            var home = Bits.GuestKernel | (configuration == XenConfig.Debug ? Bits.Bit62 : 0);
            Assert.Equal(Candidates(configuration), NegotiatedL1e.GuestAvailableBits(configuration) | home);
        }
    }

    [Theory]
    [InlineData(XenConfig.None)]
    [InlineData(XenConfig.Debug)]
    [InlineData(XenConfig.Pke)]
    public void WithManyBitsUnusedEachClaimTakesItsHomeBit(XenConfig configuration)
    {
        foreach (var unused in new[] { ulong.MaxValue, 0x7FF0000000000E00UL, Bit(52) | Bit(62) | Bit(9) | Bit(57) })
        {
            var negotiation = NegotiatedL1e.Negotiate(unused, configuration);
            Assert.True(negotiation.Succeeded, negotiation.Failure);
            Assert.Null(negotiation.Failure);
            Assert.Equal(configuration, negotiation.Configuration);
            Assert.Equal(Bit(52), negotiation.GuestKernelMask);
            Assert.Equal(configuration == XenConfig.Debug ? Bit(62) : 0UL, negotiation.GrantMappingMask);
            Assert.Equal(negotiation.GuestKernelMask | negotiation.GrantMappingMask, negotiation.XenBits);
        }
    }

    /// <summary>Literal outcomes: (guest-unused bits, configuration) → (kernel marker bit, grant marker bit or -1).</summary>
    public static TheoryData<ulong, XenConfig, int, int> Outcomes() => new()
    {
        // Home bits when unused.
        { Bit(52) | Bit(62), XenConfig.Debug, 52, 62 },
        { Bit(52) | Bit(62), XenConfig.None, 52, -1 },    // no grant marker without Debug
        { Bit(52) | Bit(62), XenConfig.Pke, 52, -1 },
        // Otherwise the lowest candidate; the other claim still takes its home bit.
        { Bit(9) | Bit(10) | Bit(55) | Bit(62), XenConfig.Debug, 9, 62 },
        { Bit(9) | Bit(10) | Bit(52), XenConfig.Debug, 52, 9 },
        { Bit(55) | Bit(58), XenConfig.Debug, 55, 58 },
        { Bit(59) | Bit(60), XenConfig.Debug, 59, 60 },
        { Bit(59) | Bit(60), XenConfig.None, 59, -1 },
        { Bit(11) | Bit(62), XenConfig.None, 11, -1 },
        { ulong.MaxValue & ~Bit(52), XenConfig.Debug, 9, 62 },
        { ulong.MaxValue & ~(Bit(52) | Bit(62)), XenConfig.Debug, 9, 10 },
        { ulong.MaxValue & ~Bit(52), XenConfig.Pke, 9, -1 },
        { ~0x7FF0000000000E00UL | Bit(58), XenConfig.Debug, 58, -1 }, // every hardware bit, and 58
        // Required claims first: the kernel marker takes the grant marker's home when it is the only bit.
        { Bit(62), XenConfig.Debug, 62, -1 },
        { Bit(62), XenConfig.None, 62, -1 },             // 62 is guest-available in None
        // Hardware bits are never chosen, even when the guest says it does not use them.
        { Bit(0) | Bit(53), XenConfig.Debug, 53, -1 },
        { Bit(0) | Bit(12) | Bit(63) | Bit(53) | Bit(54), XenConfig.Debug, 53, 54 },
        // Under Pke bits 59-62 are the protection key: never candidates.
        { Bit(58) | Bit(62), XenConfig.Pke, 58, -1 },
        { Bit(62) | Bit(61) | Bit(59) | Bit(11), XenConfig.Pke, 11, -1 },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void ChoosesTheExpectedBits(ulong unused, XenConfig configuration, int kernelBit, int grantBit)
    {
        var negotiation = NegotiatedL1e.Negotiate(unused, configuration);
        Assert.True(negotiation.Succeeded, negotiation.Failure);
        Assert.Equal(Bit(kernelBit), negotiation.GuestKernelMask);
        Assert.Equal(grantBit < 0 ? 0UL : Bit(grantBit), negotiation.GrantMappingMask);
        Assert.Equal(kernelBit, negotiation.Claims[0].Bit);
        Assert.Equal(grantBit, negotiation.Claims[1].Bit);
    }

    [Fact]
    public void NegotiationIsDeterministic()
    {
        Gen.Select(Gen.ULong, Gen.OneOf(Bits.ValidConfigurations)).Sample(
            (unused, configuration) =>
            {
                var first = NegotiatedL1e.Negotiate(unused, configuration);
                var second = NegotiatedL1e.Negotiate(unused, configuration);
                Assert.Equal(first, second);
                Assert.True(first.Equals(second));
                Assert.True(first.Equals((object)second));
                Assert.Equal(first.GetHashCode(), second.GetHashCode());
                Assert.Equal(first.ToString(), second.ToString());
            },
            iter: 5_000,
            print: input => $"{Bits.Hex(input.Item1)}, {input.Item2}");
    }

    /// <summary>
    /// Random unused sets: the chosen bits are candidates the guest left unused, distinct, the kernel marker's is its
    /// home when free and otherwise the lowest candidate, and the grant marker gets a bit under Debug whenever two
    /// candidates are free.
    /// </summary>
    [Fact]
    public void RandomUnusedSetsFollowTheRules()
    {
        var unusedBits = Gen.Select(Gen.ULong, Gen.ULong, Gen.ULong, Gen.Int[0, 3], (raw, other, third, density) => density switch
        {
            0 => raw & other & third, // about an eighth of the bits: often one or none of the candidates
            1 => raw & 0x7FF0000000000E00UL & ~Bits.GuestKernel, // no home kernel bit
            2 => raw & other, // about a quarter
            _ => raw,
        });
        Gen.Select(unusedBits, Gen.OneOf(Bits.ValidConfigurations)).Sample(
            (unused, configuration) =>
            {
                var negotiation = NegotiatedL1e.Negotiate(unused, configuration);
                var free = unused & Candidates(configuration);
                Assert.Equal(free != 0, negotiation.Succeeded);
                if (!negotiation.Succeeded)
                {
                    return;
                }

                Assert.Equal(0UL, negotiation.XenBits & ~free);
                Assert.Equal(1, BitOperations.PopCount(negotiation.GuestKernelMask));
                Assert.Equal(0UL, negotiation.GuestKernelMask & negotiation.GrantMappingMask);
                var lowest = free & (~free + 1);
                Assert.Equal((free & Bits.GuestKernel) != 0 ? Bits.GuestKernel : lowest, negotiation.GuestKernelMask);
                if (configuration != XenConfig.Debug)
                {
                    Assert.Equal(0UL, negotiation.GrantMappingMask);
                }
                else
                {
                    Assert.Equal(BitOperations.PopCount(free) >= 2, negotiation.GrantMappingMask != 0);
                }
            },
            iter: 10_000,
            print: input => $"{Bits.Hex(input.Item1)}, {input.Item2}");
    }

    /// <summary>Each of the 64 bits alone: a candidate goes to the kernel marker and the grant marker is switched off;
    /// any other bit (hardware-owned, or the protection key under Pke) fails the negotiation.</summary>
    [Theory]
    [InlineData(XenConfig.None)]
    [InlineData(XenConfig.Debug)]
    [InlineData(XenConfig.Pke)]
    public void WithExactlyOneBitTheKernelMarkerGetsIt(XenConfig configuration)
    {
        for (var bit = 0; bit < 64; bit++)
        {
            var negotiation = NegotiatedL1e.Negotiate(Bit(bit), configuration);
            if ((Candidates(configuration) & Bit(bit)) == 0)
            {
                Assert.False(negotiation.Succeeded, $"bit {bit} under {configuration} is not a candidate, yet negotiation chose {negotiation}");
                continue;
            }

            Assert.True(negotiation.Succeeded, $"bit {bit} under {configuration}: {negotiation.Failure}");
            Assert.Equal(Bit(bit), negotiation.GuestKernelMask);
            Assert.Equal(0UL, negotiation.GrantMappingMask);
            Assert.Equal(Bit(bit), negotiation.XenBits);
            Assert.Equal(bit, negotiation.Claims[0].Bit);
            Assert.False(negotiation.Claims[1].HasBit);
            Assert.Equal(-1, negotiation.Claims[1].Bit);
            Assert.Equal(0UL, negotiation.Claims[1].Mask);
        }
    }

    [Fact]
    public void UnderDebugWithOneBitTheGrantMarkerIsSwitchedOff()
    {
        var negotiation = NegotiatedL1e.Negotiate(Bit(57), XenConfig.Debug);
        Assert.True(negotiation.Succeeded);
        Assert.Equal(Bit(57), negotiation.GuestKernelMask);
        Assert.Equal(0UL, negotiation.GrantMappingMask);
        Assert.Equal("GuestKernel: bit 57, GrantMapping: disabled (no bit left)", negotiation.ToString());
    }

    public static TheoryData<ulong, XenConfig> NothingAvailable() => new()
    {
        { 0UL, XenConfig.None },
        { 0UL, XenConfig.Debug },
        { 0UL, XenConfig.Pke },
        { 0x800FFFFFFFFFF1FFUL, XenConfig.Debug },      // every hardware bit
        { 0x800FFFFFFFFFF1FFUL, XenConfig.None },
        { Bit(0), XenConfig.None },                     // bit 0 (Present) is hardware-owned
        { 0x7800000000000000UL, XenConfig.Pke },        // bits 59-62: the protection key under Pke
        { ~0x07F0000000000E00UL, XenConfig.Pke },       // everything but the Pke candidates
    };

    [Theory]
    [MemberData(nameof(NothingAvailable))]
    public void WithNoBitAvailableNegotiationFailsNamingTheClaim(ulong unused, XenConfig configuration)
    {
        var negotiation = NegotiatedL1e.Negotiate(unused, configuration);
        Assert.False(negotiation.Succeeded);
        Assert.NotNull(negotiation.Failure);
        Assert.Contains("GuestKernel", negotiation.Failure);
        Assert.Contains("required", negotiation.Failure);
        Assert.Equal(negotiation.Failure, negotiation.ToString());
        Assert.Equal(0UL, negotiation.GuestKernelMask);
        Assert.Equal(0UL, negotiation.GrantMappingMask);
        Assert.Equal(0UL, negotiation.XenBits);
        Assert.False(negotiation.Claims[0].HasBit);
        Assert.False(negotiation.Claims[0].Optional);
    }

    [Fact]
    public void TheNegotiatedFixupRefusesAFailedNegotiation()
    {
        var failed = NegotiatedL1e.Negotiate(Bit(0), XenConfig.Debug);
        Assert.False(failed.Succeeded);
        foreach (var kind in Bits.Kinds)
        {
            var scalar = Assert.Throws<ArgumentException>(() => NegotiatedL1e.AdjustGuestL1e(new NegotiatedL1e(0x1UL), kind, in failed));
            Assert.Contains(failed.Failure!, scalar.Message);
            Assert.Equal("domain", scalar.ParamName);

            foreach (var length in new[] { 0, 3 })
            {
                var entries = Enumerable.Repeat(new NegotiatedL1e(0x1UL), length).ToArray();
                var batch = Assert.Throws<ArgumentException>(() => NegotiatedL1e.AdjustGuestL1e(entries.AsSpan(), kind, in failed));
                Assert.Contains(failed.Failure!, batch.Message);
                Assert.All(entries, entry => Assert.Equal(0x1UL, entry.Raw));
            }
        }
    }

    [Theory]
    [InlineData(XenConfig.None)]
    [InlineData(XenConfig.Pke)]
    public void TheGrantMarkerIsNotNegotiatedWithoutDebug(XenConfig configuration)
    {
        var negotiation = NegotiatedL1e.Negotiate(ulong.MaxValue, configuration);
        Assert.Equal(Bit(52), negotiation.XenBits);
        Assert.Equal(0UL, negotiation.GrantMappingMask);
        Assert.False(negotiation.Claims[1].HasBit);
        Assert.False(negotiation.Claims[1].Active);
        Assert.Equal("GuestKernel: bit 52, GrantMapping: not in this configuration", negotiation.ToString());
    }

    [Fact]
    public void ADefaultNegotiationIsNotASuccessAndTheFixupRefusesIt()
    {
        var never = default(NegotiatedL1e.Negotiation);
        Assert.False(never.Succeeded);
        Assert.Equal("Not negotiated", never.ToString());
        var error = Assert.Throws<ArgumentException>(() => NegotiatedL1e.AdjustGuestL1e(new NegotiatedL1e(0x1UL), PvDomainKind.Pv64, in never));
        Assert.Contains("never negotiated", error.Message);
    }

    [Fact]
    public void ClaimsXenBitsAndToStringDescribeTheResult()
    {
        var negotiation = NegotiatedL1e.Negotiate(Bit(52) | Bit(62), XenConfig.Debug);
        Assert.Equal(Bit(52) | Bit(62), negotiation.XenBits);
        Assert.Equal("GuestKernel: bit 52, GrantMapping: bit 62", negotiation.ToString());

        var claims = negotiation.Claims;
        Assert.Equal(2, claims.Length);
        Assert.Equal("GuestKernel", claims[0].Name);
        Assert.Equal(PteRole.GuestKernel, claims[0].Role);
        Assert.Equal(52, claims[0].HomeBit);
        Assert.Equal(52, claims[0].Bit);
        Assert.False(claims[0].Optional);
        Assert.True(claims[0].HasBit);
        Assert.Equal(Bit(52), claims[0].Mask);
        Assert.Equal("GrantMapping", claims[1].Name);
        Assert.Equal(PteRole.GrantMapping, claims[1].Role);
        Assert.Equal(62, claims[1].HomeBit);
        Assert.Equal(62, claims[1].Bit);
        Assert.True(claims[1].Optional);
        Assert.Equal(Bit(62), claims[1].Mask);

        var moved = NegotiatedL1e.Negotiate(Bit(55) | Bit(10), XenConfig.Debug);
        Assert.Equal("GuestKernel: bit 10, GrantMapping: bit 55", moved.ToString());
        Assert.Equal(Bit(10) | Bit(55), moved.XenBits);
        Assert.Equal(52, moved.Claims[0].HomeBit);
        Assert.Equal(10, moved.Claims[0].Bit);
        Assert.Equal(62, moved.Claims[1].HomeBit);
        Assert.Equal(55, moved.Claims[1].Bit);

        Assert.NotEqual(negotiation, moved);
        Assert.NotEqual(negotiation, NegotiatedL1e.Negotiate(Bit(52) | Bit(62), XenConfig.None));
    }

    private static readonly Gen<ulong> Entry = Gen.Select(Gen.ULong, Gen.Int[0, 3], (raw, shape) => shape switch
    {
        0 => (raw | Bits.Present) & ~(Bits.GuestKernel | Bits.Global | Bits.Bit55),
        1 => raw | Bits.Present,
        _ => raw,
    });

    /// <summary>With bits 52 and 62 negotiated under Debug, the negotiated fixup is <c>L1e</c>'s.</summary>
    [Fact]
    public void HomeBitsUnderDebugAgreeWithL1e()
    {
        var domain = NegotiatedL1e.Negotiate(Bit(52) | Bit(62), XenConfig.Debug);
        Assert.Equal(Bit(52), domain.GuestKernelMask);
        Assert.Equal(Bit(62), domain.GrantMappingMask);
        AssertAgreesWithL1e(domain, XenConfig.Debug);
    }

    /// <summary>With bit 52 negotiated under None, the negotiated fixup is <c>L1e</c>'s, constant form included.</summary>
    [Fact]
    public void HomeBitUnderNoneAgreesWithL1e()
    {
        var domain = NegotiatedL1e.Negotiate(Bit(52), XenConfig.None);
        Assert.Equal(Bit(52), domain.XenBits);
        AssertAgreesWithL1e(domain, XenConfig.None);
        Gen.Select(Entry, Gen.OneOf(Bits.Kinds)).Sample(
            (raw, kind) => Assert.Equal(L1e.AdjustGuestL1e(new L1e(raw), kind).Raw, NegotiatedL1e.AdjustGuestL1e(new NegotiatedL1e(raw), kind, in domain).Raw),
            iter: 10_000,
            print: input => $"{Bits.Hex(input.Item1)}, {input.Item2}");
    }

    private static void AssertAgreesWithL1e(NegotiatedL1e.Negotiation domain, XenConfig configuration)
    {
        Gen.Select(Entry, Gen.OneOf(Bits.Kinds)).Sample(
            (raw, kind) =>
            {
                var expected = L1e.AdjustGuestL1e(new L1e(raw), kind, configuration).Raw;
                Assert.Equal(expected, NegotiatedL1e.AdjustGuestL1e(new NegotiatedL1e(raw), kind, in domain).Raw);
                Assert.Equal(expected, NegotiatedL1e.AdjustGuestL1e(new NegotiatedL1e(raw), kind, configuration).Raw);
            },
            iter: 20_000,
            print: input => $"{Bits.Hex(input.Item1)}, {input.Item2}");

        foreach (var length in Bits.TableLengths.Append(1000))
        {
            Gen.Select(Entry.Array[length], Gen.OneOf(Bits.Kinds)).Sample(
                (raws, kind) =>
                {
                    var l1 = raws.Select(raw => new L1e(raw)).ToArray();
                    L1e.AdjustGuestL1e(l1.AsSpan(), kind, configuration);
                    var negotiated = raws.Select(raw => new NegotiatedL1e(raw)).ToArray();
                    NegotiatedL1e.AdjustGuestL1e(negotiated.AsSpan(), kind, in domain);
                    Assert.Equal(l1.Select(entry => entry.Raw), negotiated.Select(entry => entry.Raw));
                    var scalar = raws.Select(raw => NegotiatedL1e.AdjustGuestL1e(new NegotiatedL1e(raw), kind, in domain).Raw);
                    Assert.Equal(scalar, negotiated.Select(entry => entry.Raw));
                },
                iter: 16,
                print: input => $"{input.Item1.Length} entries [{string.Join(", ", input.Item1.Select(Bits.Hex))}], {input.Item2}");
        }
    }

    /// <summary>The kernel marker moved to bit 55 (the guest uses bit 52): literal entries.</summary>
    [Fact]
    public void AMovedKernelMarkerMarksKernelMappingsWithItsBit()
    {
        var domain = NegotiatedL1e.Negotiate(Bit(55), XenConfig.None);
        Assert.Equal(Bit(55), domain.GuestKernelMask);

        NegotiatedL1e Adjust(ulong raw) => NegotiatedL1e.AdjustGuestL1e(new NegotiatedL1e(raw), Pv64, in domain);

        // A kernel mapping (no User) gets User and bit 55, not bit 52.
        Assert.Equal(0x8080000123456067UL, Adjust(0x8000000123456063UL).Raw);
        // A user mapping (User, no bit 55) becomes global.
        Assert.Equal(0x0000000123456167UL, Adjust(0x0000000123456067UL).Raw);
        // User and bit 55: a kernel mapping, no Global.
        Assert.Equal(0x0080000123456067UL, Adjust(0x0080000123456067UL).Raw);
        // Bit 52 is the guest's own bit now: User and bit 52 is a user mapping, and gets Global.
        Assert.Equal(0x0010000123456167UL, Adjust(0x0010000123456067UL).Raw);
        // Bit 52 without User: a kernel mapping; bit 52 is left as the guest set it.
        Assert.Equal(0x0090000123456067UL, Adjust(0x0010000123456063UL).Raw);
        // Not present, or a 32-bit PV domain: unchanged.
        Assert.Equal(0x0000000123456062UL, Adjust(0x0000000123456062UL).Raw);
        Assert.Equal(0x0000000123456063UL, NegotiatedL1e.AdjustGuestL1e(new NegotiatedL1e(0x0000000123456063UL), Pv32, in domain).Raw);
    }

    /// <summary>
    /// The kernel marker moved to bit 55: exchanging bits 52 and 55 before and after turns the negotiated fixup into
    /// L1e's (the marker is the only thing that moved). Scalar and batch.
    /// </summary>
    [Theory]
    [InlineData(XenConfig.None)]
    [InlineData(XenConfig.Debug)]
    [InlineData(XenConfig.Pke)]
    public void AMovedKernelMarkerIsL1eWithBits52And55Exchanged(XenConfig configuration)
    {
        var domain = NegotiatedL1e.Negotiate(Bit(55), configuration);
        Assert.Equal(Bit(55), domain.GuestKernelMask);
        Assert.Equal(0UL, domain.XenBits & Bit(52));

        static ulong Exchange(ulong raw) => (raw & ~(Bit(52) | Bit(55))) | ((raw >> 52 & 1) << 55) | ((raw >> 55 & 1) << 52);

        Gen.Select(Entry, Gen.OneOf(Bits.Kinds)).Sample(
            (raw, kind) =>
            {
                var expected = Exchange(L1e.AdjustGuestL1e(new L1e(Exchange(raw)), kind).Raw);
                var actual = NegotiatedL1e.AdjustGuestL1e(new NegotiatedL1e(raw), kind, in domain).Raw;
                Assert.Equal(expected, actual);
                Assert.Equal(raw & Bit(52), actual & Bit(52)); // bit 52 is never touched
            },
            iter: 20_000,
            print: input => $"{Bits.Hex(input.Item1)}, {input.Item2}");

        Gen.Select(Entry.Array[0, 600], Gen.OneOf(Bits.Kinds)).Sample(
            (raws, kind) =>
            {
                var negotiated = raws.Select(raw => new NegotiatedL1e(raw)).ToArray();
                NegotiatedL1e.AdjustGuestL1e(negotiated.AsSpan(), kind, in domain);
                Assert.Equal(raws.Select(raw => Exchange(L1e.AdjustGuestL1e(new L1e(Exchange(raw)), kind).Raw)), negotiated.Select(entry => entry.Raw));
            },
            iter: 100,
            print: input => $"{input.Item1.Length} entries, {input.Item2}");
    }
}
