using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PteGen;
using XenPv.Abis;
using XenPv.Historical;

namespace XenPv.Tool;

/// <summary>One column of the compatibility matrix: a Xen leaf layout in one configuration.</summary>
/// <param name="Title">The column header, for example <c>None (release)</c>.</param>
/// <param name="Under">How a cell names the column, for example <c>Debug (2005 layout)</c>.</param>
/// <param name="Layout">The layout type the guests' <c>[GuestSoftwareBits]</c> name.</param>
/// <param name="Descriptor">Its generated descriptor.</param>
/// <param name="Configuration">The configuration (the switches value).</param>
internal sealed record CompatColumn(string Title, string Under, Type Layout, PteLayoutDescriptor Descriptor, ulong Configuration);

/// <summary>
/// Which guest profiles collide with which Xen configuration (<c>docs/guest-os-pte-bits.md</c>): a bit the guest sets in
/// present leaf entries that is not guest-available there collides; a bit the guest sets only with a feature Xen never
/// offers to PV is shown apart, as a use that never reaches Xen. The last column is the per-domain negotiation of
/// <see cref="NegotiatedL1e"/> for the bits each guest leaves unused.
/// </summary>
internal static class CompatMatrix
{
    /// <summary>Today's leaf entry in its three configurations, then the 2005-2008 one under Debug.</summary>
    public static IReadOnlyList<CompatColumn> Columns { get; } =
    [
        new("None (release)", "None", typeof(L1e), L1e.Descriptor, (ulong)XenConfig.None),
        new("Debug", "Debug", typeof(L1e), L1e.Descriptor, (ulong)XenConfig.Debug),
        new("Pke", "Pke", typeof(L1e), L1e.Descriptor, (ulong)XenConfig.Pke),
        new("Debug (2005 layout)", "Debug (2005 layout)", typeof(L1e2005), L1e2005.Descriptor, (ulong)Xen2005Config.Debug),
    ];

    /// <summary>The negotiation column's header.</summary>
    public const string NegotiationTitle = "negotiated (Debug)";

    /// <summary>The configuration the negotiation runs in: the only one where Xen claims both markers.</summary>
    public const XenConfig NegotiationConfiguration = XenConfig.Debug;

    /// <summary>One cell: <c>ok</c> or the colliding bits, then the uses that never reach Xen under PV, in parentheses.</summary>
    public static string Cell(GuestProfile guest, CompatColumn column)
    {
        var collisions = new List<string>();
        var neverUnderPv = new List<(string Feature, string Item)>();
        var available = column.Descriptor.BitsOwnedBy(PteOwner.GuestAvailable, column.Configuration);
        foreach (var bit in guest.Bits)
        {
            var colliding = bit.Mask & ~available;
            if (colliding == 0 || bit.UseWith(column.Layout) is not { } use)
            {
                continue;
            }

            if (use.FeatureNeverOffered)
            {
                neverUnderPv.Add((use.Feature ?? "a feature", $"{Bits(colliding)} {bit.Macro}"));
                continue;
            }

            foreach (var (bits, owner) in Owners(column, colliding))
            {
                var item = $"{Bits(bits)} {bit.Macro}: {owner} under {column.Under}";
                if (use.Feature is { } feature)
                {
                    item += $" with {feature}";
                }

                if (bit.NotVerified)
                {
                    item += ", PV use not verified";
                }

                collisions.Add(item);
            }
        }

        var cell = collisions.Count == 0 ? "ok" : string.Join("; ", collisions);
        if (neverUnderPv.Count > 0)
        {
            var groups = neverUnderPv.GroupBy(entry => entry.Feature, StringComparer.Ordinal)
                .Select(group => $"{group.Key} only, never under PV: {string.Join(", ", group.Select(entry => entry.Item))}");
            cell += $" ({string.Join("; ", groups)})";
        }

        return cell;
    }

    /// <summary>The bits the guest leaves unused for the negotiation: the candidates minus every bit it sets under PV.</summary>
    public static ulong UnusedBits(GuestProfile guest)
    {
        var config = NegotiationConfiguration;
        var homeBits = NegotiatedL1e.Descriptor.FieldsIn((ulong)config).Where(field => field.Relocatable)
            .Aggregate(0UL, (bits, field) => bits | field.Mask);
        return (NegotiatedL1e.GuestAvailableBits(config) | homeBits) & ~guest.LiveBits(typeof(L1e));
    }

    /// <summary>What <see cref="NegotiatedL1e.Negotiate"/> picks for the guest's unused bits.</summary>
    public static NegotiatedL1e.Negotiation Negotiate(GuestProfile guest) =>
        NegotiatedL1e.Negotiate(UnusedBits(guest), NegotiationConfiguration);

    /// <summary>The negotiation cell: <c>GuestKernel 52, GrantMapping 62; nothing dropped</c>; a moved claim names its home bit, a dropped optional claim is named.</summary>
    public static string NegotiationCell(GuestProfile guest)
    {
        var negotiation = Negotiate(guest);
        if (!negotiation.Succeeded)
        {
            return $"fails: {negotiation.Failure}";
        }

        var chosen = string.Join(", ", negotiation.Claims.Where(claim => claim.HasBit).Select(claim =>
            claim.Bit == claim.HomeBit ? $"{claim.Name} {claim.Bit}" : $"{claim.Name} {claim.Bit} (moved from {claim.HomeBit})"));
        var dropped = negotiation.Claims.Where(claim => !claim.HasBit).Select(claim => claim.Name).ToList();
        return dropped.Count == 0 ? $"{chosen}; nothing dropped" : $"{chosen}; {string.Join(", ", dropped)} dropped";
    }

    /// <summary>The colliding bits grouped by the field that owns them, with that owner: <c>Xen's (GrantMapping)</c>.</summary>
    private static IEnumerable<(ulong Bits, string Owner)> Owners(CompatColumn column, ulong colliding)
    {
        foreach (var field in column.Descriptor.FieldsIn(column.Configuration))
        {
            var bits = field.Mask & colliding;
            if (bits != 0)
            {
                var owner = field.Owner == PteOwner.XenReserved ? "Xen's" : "the hardware's";
                yield return (bits, $"{owner} ({field.Name})");
            }
        }
    }

    /// <summary><c>bit 11</c>, <c>bits 59-62</c>.</summary>
    public static string Bits(ulong mask) =>
        $"{(System.Numerics.BitOperations.PopCount(mask) == 1 ? "bit" : "bits")} {Text.BitList(mask)}";

    /// <summary>A bit count, for the detail view.</summary>
    public static string Count(ulong mask) => System.Numerics.BitOperations.PopCount(mask).ToString(CultureInfo.InvariantCulture);
}
