using System;

namespace GuestProfiles;

/// <summary>
/// The kernel defines this bit, but whether it sets it when running as a PV guest was not verified
/// (<c>docs/guest-os-pte-bits.md</c> §4). The bit is still checked as if it were used; tools say "not verified".
/// </summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class NotVerifiedUnderPvAttribute : Attribute
{
}
