using Microsoft.CodeAnalysis;

namespace PteGen.Generators.Parsing;

/// <summary>The metadata names PteGen looks for, and cheap checks against them (no compilation lookups).</summary>
internal static class KnownNames
{
    public const string Namespace = "PteGen";
    public const string PteLayoutAttribute = "PteGen.PteLayoutAttribute";
    public const string PteSwitchesAttribute = "PteSwitchesAttribute";
    public const string MutuallyExclusiveAttribute = "MutuallyExclusiveAttribute";
    public const string HardwareAttribute = "HardwareAttribute";
    public const string XenReservedAttribute = "XenReservedAttribute";
    public const string GuestAvailableAttribute = "GuestAvailableAttribute";

    /// <summary>Whether <paramref name="type"/> is <c>PteGen.{name}</c>.</summary>
    public static bool Is(INamedTypeSymbol? type, string name) =>
        type is not null
        && type.Name == name
        && type.ContainingNamespace is { Name: Namespace, ContainingNamespace.IsGlobalNamespace: true };

    public static bool IsLayoutAttribute(INamedTypeSymbol? type) => Is(type, "PteLayoutAttribute");

    /// <summary>The owner an ownership attribute stands for, or <see langword="null"/> for any other attribute.</summary>
    public static PteOwner? OwnerOf(INamedTypeSymbol? type) =>
        Is(type, HardwareAttribute) ? PteOwner.Hardware
        : Is(type, XenReservedAttribute) ? PteOwner.XenReserved
        : Is(type, GuestAvailableAttribute) ? PteOwner.GuestAvailable
        : null;

    public static string AttributeName(PteOwner owner) => owner switch
    {
        PteOwner.Hardware => "Hardware",
        PteOwner.XenReserved => "XenReserved",
        _ => "GuestAvailable",
    };
}
