using System.Collections.Generic;
using System.Linq;
using PteGen.Generators.Helpers;

namespace PteGen.Generators.Model;

/// <summary>
/// The names of the members the emitter generates, in one place so that the parser can report a user member that
/// would collide with them (PTE020) instead of letting the generated file fail to compile.
/// </summary>
internal static class GeneratedNames
{
    public const string RawField = "__raw";
    public const string Raw = "Raw";
    public const string Descriptor = "Descriptor";
    public const string FixedHardwareBits = "FixedHardwareBits";
    public const string FixedXenReservedBits = "FixedXenReservedBits";
    public const string FixedGuestAvailableBits = "FixedGuestAvailableBits";
    public const string FixedGuestRefusedBits = "FixedGuestRefusedBits";
    public const string ConfigurationDependentBits = "ConfigurationDependentBits";
    public const string HardwareBits = "HardwareBits";
    public const string XenReservedBits = "XenReservedBits";
    public const string GuestAvailableBits = "GuestAvailableBits";
    public const string GuestRefusedBits = "GuestRefusedBits";
    public const string GuestWriteViolations = "GuestWriteViolations";
    public const string IsValid = "IsValid";
    public const string ThrowOutOfRange = "__ValueOutOfRange";
    public const string ThrowInvalidConfiguration = "__ThrowInvalidConfiguration";
    public const string DescriptorHolder = "__PteGenDescriptor";
    public const string Format = "__Format";

    public static string Mask(string field) => Identifiers.Unescape(field) + "Mask";

    public static string Shift(string field) => Identifiers.Unescape(field) + "Shift";

    public static string Width(string field) => Identifiers.Unescape(field) + "Width";

    public static string With(string field) => "With" + Identifiers.Unescape(field);

    /// <summary>
    /// Every member name the emitter declares on <paramref name="layout"/> (Equals, GetHashCode and ToString aside, and
    /// the <c>OnGlobalKernelPage</c> hook, which the user implements).
    /// </summary>
    public static HashSet<string> For(LayoutModel layout)
    {
        var names = For(layout.Fields.Select(f => f.Name), layout.Switches.HasSwitches);
        if (layout.Level is >= 1 and <= 4)
        {
            names.Add($"AdjustGuestL{layout.Level}e");
            names.Add($"__AdjustGuestL{layout.Level}e");
            names.Add($"__AdjustGuestL{layout.Level}eBatch");
            names.Add("__NotPv32");
            names.Add("__ThrowDestinationTooShort");
            foreach (var role in new[] { PteRole.Present, PteRole.User, PteRole.Global, PteRole.GuestKernel, PteRole.Writable, PteRole.Accessed })
            {
                names.Add($"__{role}RoleBit");
            }
        }

        if (layout.Fields.Any(f => f.Relocatable))
        {
            names.Add("Negotiation");
            names.Add("Negotiate");
            names.Add("__PickBit");
            names.Add("__ThrowFailedNegotiation");
        }

        return names;
    }

    /// <summary>Every member name the emitter declares for these fields (methods Equals, GetHashCode and ToString aside).</summary>
    public static HashSet<string> For(IEnumerable<string> fieldNames, bool hasSwitches)
    {
        var names = new HashSet<string>
        {
            RawField, Raw, Descriptor, FixedHardwareBits, FixedXenReservedBits, FixedGuestAvailableBits, FixedGuestRefusedBits,
            ConfigurationDependentBits, GuestWriteViolations, ThrowOutOfRange, ThrowInvalidConfiguration, DescriptorHolder, Format,
        };
        if (hasSwitches)
        {
            names.Add(HardwareBits);
            names.Add(XenReservedBits);
            names.Add(GuestAvailableBits);
            names.Add(GuestRefusedBits);
            names.Add(IsValid);
        }

        foreach (var field in fieldNames)
        {
            names.Add(Mask(field));
            names.Add(Shift(field));
            names.Add(Width(field));
            names.Add(With(field));
        }

        return names;
    }
}
