namespace GuestProfiles;

/// <summary>
/// Xen's Mini-OS (and the unikernels built on it): bits 0-8 only, no software bits. Its L1_PROT includes User, so Xen never adds bit 52.
/// </summary>
/// <remarks>Source: xen-project/mini-os @ 229260e02faacab0f4d5ccb82f013480d968d335 (2016-09-05), include/x86/arch_mm.h (<c>docs/guest-os-pte-bits.md</c> §2.6).</remarks>
[GuestProfile("mini-os", "Mini-OS (2016)", Port = "64-bit PV",
    Source = "xen-project/mini-os @ 229260e02faacab0f4d5ccb82f013480d968d335 (2016-09-05), include/x86/arch_mm.h")]
public static class MiniOs
{
}
