using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using GuestProfiles;
using PteGen;

namespace XenPv.Tool;

/// <summary>How a guest uses a software bit with one layout: the feature it needs, and whether Xen ever offers it.</summary>
/// <param name="Layout">The layout type <c>[GuestSoftwareBits]</c> names.</param>
/// <param name="Feature">The feature the use depends on, or <see langword="null"/>.</param>
/// <param name="FeatureNeverOffered">Whether Xen never offers the feature to a PV guest (the bits never reach the layout).</param>
internal sealed record GuestBitUse(Type Layout, string? Feature, bool FeatureNeverOffered);

/// <summary>One software-bit constant of a guest profile, named after the kernel's macro.</summary>
/// <param name="Macro">The kernel's macro (the constant's name).</param>
/// <param name="Mask">The bits.</param>
/// <param name="NotVerified">Whether its use under PV was not verified.</param>
/// <param name="Uses">One per layout the constant is declared for.</param>
internal sealed record GuestBit(string Macro, ulong Mask, bool NotVerified, IReadOnlyList<GuestBitUse> Uses)
{
    /// <summary>The use with <paramref name="layout"/>, or <see langword="null"/> when the bit is not declared for it.</summary>
    public GuestBitUse? UseWith(Type layout) => Uses.FirstOrDefault(use => use.Layout == layout);
}

/// <summary>A guest kernel version's software bits, read from the <c>samples/GuestProfiles</c> assembly.</summary>
/// <param name="Id">The name <c>--guest</c> takes.</param>
/// <param name="Name">The kernel and version.</param>
/// <param name="Port">How it runs on Xen.</param>
/// <param name="Source">Where the bits were read.</param>
/// <param name="Bits">Its constants, lowest bit first.</param>
internal sealed record GuestProfile(string Id, string Name, string Port, string Source, IReadOnlyList<GuestBit> Bits)
{
    /// <summary>Every profile, in <see cref="GuestCatalog.Profiles"/> order.</summary>
    public static IReadOnlyList<GuestProfile> All { get; } = GuestCatalog.Profiles.Select(Read).ToArray();

    /// <summary>The profile named <paramref name="id"/> (case-insensitive), or <see langword="null"/>.</summary>
    public static GuestProfile? Find(string id) =>
        All.FirstOrDefault(profile => string.Equals(profile.Id, id.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The bits the guest sets in entries of <paramref name="layout"/> under PV: every use but those whose feature Xen never offers.</summary>
    public ulong LiveBits(Type layout) =>
        Bits.Where(bit => bit.UseWith(layout) is { FeatureNeverOffered: false }).Aggregate(0UL, (mask, bit) => mask | bit.Mask);

    // The profiles are plain constants with attributes; reading them by reflection keeps each profile a transcription of
    // the kernel's header, with nothing to keep in step.
    private static GuestProfile Read(Type type)
    {
        var profile = type.GetCustomAttribute<GuestProfileAttribute>()
            ?? throw new InvalidOperationException($"{type.Name} is listed in GuestCatalog.Profiles but has no [GuestProfile].");
        var bits = type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(ulong))
            .Select(field => new GuestBit(
                field.Name,
                (ulong)field.GetRawConstantValue()!,
                field.IsDefined(typeof(NotVerifiedUnderPvAttribute)),
                field.GetCustomAttributes<GuestSoftwareBitsAttribute>()
                    .Select(use => new GuestBitUse(use.Layout, use.Feature, use.FeatureNeverOffered))
                    .ToArray()))
            .OrderBy(bit => System.Numerics.BitOperations.TrailingZeroCount(bit.Mask))
            .ThenBy(bit => bit.Mask)
            .ThenBy(bit => bit.Macro, StringComparer.Ordinal)
            .ToArray();
        return new GuestProfile(profile.Id, profile.Name, profile.Port, profile.Source, bits);
    }
}
