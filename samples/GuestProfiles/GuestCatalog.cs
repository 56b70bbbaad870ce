using System;
using System.Collections.Generic;

namespace GuestProfiles;

/// <summary>Every guest profile, in the order the compatibility matrix lists them (<c>docs/guest-os-pte-bits.md</c> §2).</summary>
public static class GuestCatalog
{
    /// <summary>The profile classes (each marked <see cref="GuestProfileAttribute"/>).</summary>
    public static IReadOnlyList<Type> Profiles { get; } =
    [
        typeof(Linux2632),
        typeof(Linux44),
        typeof(Linux510),
        typeof(Linux612),
        typeof(FreeBsd104Amd64),
        typeof(FreeBsd104I386),
        typeof(NetBsdAmd64),
        typeof(NetBsdI386),
        typeof(OpenBsdAmd64),
        typeof(IllumosI86xpv),
        typeof(MiniOs),
    ];
}
