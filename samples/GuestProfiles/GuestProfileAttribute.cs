using System;

namespace GuestProfiles;

/// <summary>
/// Marks a static class as one guest kernel version's software bits: its <c>const</c> masks carry
/// <c>[GuestSoftwareBits]</c>, one per Xen leaf layout, and are named after the kernel's own macros.
/// </summary>
/// <param name="id">The name <c>xenpte compat --guest</c> takes, for example <c>linux-6.12</c>.</param>
/// <param name="name">The kernel and version, for example <c>Linux 6.12.117</c>.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class GuestProfileAttribute(string id, string name) : Attribute
{
    /// <summary>The name <c>xenpte compat --guest</c> takes.</summary>
    public string Id { get; } = id;

    /// <summary>The kernel and version.</summary>
    public string Name { get; } = name;

    /// <summary>How the kernel runs on Xen, for example <c>64-bit PV</c> or <c>no PV port (HVM only)</c>.</summary>
    public string Port { get; init; } = "";

    /// <summary>The source the bits were read from: repository or package, commit, header file.</summary>
    public string Source { get; init; } = "";
}
