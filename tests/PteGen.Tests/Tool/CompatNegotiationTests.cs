using XenPv;
using XenPv.Abis;
using XenPv.Tool;

namespace PteGen.Tests.Tool;

/// <summary>
/// Proposal 3 of the 2016 discussion per guest (<see cref="NegotiatedL1e.Negotiate"/>, the last column of
/// <c>xenpte compat</c>): the bits each guest leaves unused are the candidates (9-11 and 52-62 under Debug) minus
/// every bit it sets under PV; a bit it sets only with a feature PV never offers stays free.
/// </summary>
public class CompatNegotiationTests
{
    [Fact]
    public void TheSameGuestAlwaysGetsTheSameBits()
    {
        foreach (var guest in GuestProfile.All)
        {
            var first = CompatMatrix.Negotiate(guest);
            var second = NegotiatedL1e.Negotiate(CompatMatrix.UnusedBits(guest), XenConfig.Debug);
            Assert.Equal(first, second);
            Assert.Equal(first.ToString(), CompatMatrix.Negotiate(guest).ToString());
        }

        Assert.Equal(Xenpte.Run("compat").Stdout, Xenpte.Run("compat").Stdout);
    }

    [Fact]
    public void Linux612LeavesTheFewestBitsFree_AndStillGetsTodaysBits()
    {
        // Linux 6.12 sets 9, 10, 11, 57 (DEVMAP, not verified, counted) and 58 (SAVED_DIRTY) under PV; its protection
        // keys need PKU. Left: 52-56 and 59-62, nine bits.
        var tightest = GuestProfile.All.MinBy(guest => System.Numerics.BitOperations.PopCount(CompatMatrix.UnusedBits(guest)))!;
        Assert.Equal("linux-6.12", tightest.Id);
        Assert.Equal(0x79F0_0000_0000_0000UL, CompatMatrix.UnusedBits(tightest));
        Assert.Single(GuestProfile.All, guest => CompatMatrix.UnusedBits(guest) == CompatMatrix.UnusedBits(tightest));

        var negotiation = CompatMatrix.Negotiate(tightest);
        Assert.True(negotiation.Succeeded, negotiation.Failure);
        Assert.Equal((1UL << 52) | (1UL << 62), negotiation.XenBits);
        Assert.All(negotiation.Claims, claim => Assert.Equal(claim.HomeBit, claim.Bit));
        Assert.Equal("GuestKernel 52, GrantMapping 62; nothing dropped", CompatMatrix.NegotiationCell(tightest));
    }

    [Fact]
    public void ABitUsedOnlyWithAFeaturePvNeverOffersStaysFree()
    {
        // FreeBSD amd64 declares 52 (EPT only) and 54 (2 MiB pages only): neither is taken from the negotiation.
        var freeBsd = GuestProfile.Find("freebsd-10.4-amd64")!;
        Assert.Equal(0x7FF0_0000_0000_0200UL, CompatMatrix.UnusedBits(freeBsd));
        Assert.Equal((1UL << 52) | (1UL << 62), CompatMatrix.Negotiate(freeBsd).XenBits);
    }

    [Fact]
    public void AGuestThatTookBothHomeBitsWouldMoveThem_TheTwinOfTheSurveyedGuests()
    {
        // Not a surveyed guest: the negotiation itself, with 52 and 62 taken as well, moves both claims to the lowest
        // free candidates, so the surveyed guests' "52, 62" is a result and not a constant.
        var negotiation = NegotiatedL1e.Negotiate(0x79F0_0000_0000_0000UL & ~((1UL << 52) | (1UL << 62)), XenConfig.Debug);
        Assert.True(negotiation.Succeeded, negotiation.Failure);
        Assert.Equal((1UL << 53) | (1UL << 54), negotiation.XenBits);
    }
}
