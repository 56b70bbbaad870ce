using System.Collections.Generic;
using System.Linq;
using PteGen.Generators.Helpers;

namespace PteGen.Generators.Model;

/// <summary>
/// The names of the members the emitter generates, in one place so that the parser can report a user member that
/// would collide with them (PTE020) instead of letting the generated file fail to compile. The emitters spell every
/// generated member, and every parameter of a public one, through this class only.
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
    public const string ThrowInvalidConfiguration = "__InvalidConfiguration";
    public const string DescriptorHolder = "__PteGenDescriptor";
    public const string Format = "__Format";

    /// <summary>The descriptor, in <see cref="DescriptorHolder"/>.</summary>
    public const string DescriptorInstance = "Instance";

    /// <summary>The set of every valid configuration, in <see cref="DescriptorHolder"/>.</summary>
    public const string AllConfigurations = "AllConfigurations";

    /// <summary>Another set of configurations a claim holds in, in <see cref="DescriptorHolder"/> (from 1).</summary>
    public static string ConfigurationSet(int index) => "Configurations" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether <paramref name="name"/> is a member of <see cref="DescriptorHolder"/>, whose scope is its own.</summary>
    public static bool IsDescriptorMember(string name) =>
        name == DescriptorInstance || name == AllConfigurations
        || (name.StartsWith("Configurations", System.StringComparison.Ordinal) && name.Length > "Configurations".Length
            && name.Substring("Configurations".Length).All(char.IsDigit));

    /// <summary>The debug-warning hook of the L1 fixup: a partial method the user may implement, so never a conflict.</summary>
    public const string WarningHook = "OnGlobalKernelPage";

    public const string NotPv32 = "__NotPv32";
    public const string ThrowDestinationTooShort = "__DestinationTooShort";

    /// <summary>The nested type that holds one domain's negotiated bits (see <see cref="OfNegotiation"/>).</summary>
    public const string Negotiation = "Negotiation";

    public const string Negotiate = "Negotiate";
    public const string PickBit = "__PickBit";
    public const string ThrowFailedNegotiation = "__FailedNegotiation";

    public const string EqualsMethod = "Equals";
    public const string GetHashCodeMethod = "GetHashCode";
    public const string ToStringMethod = "ToString";

    /// <summary>
    /// The <see cref="object"/> members every layout (and its <see cref="Negotiation"/>) overrides or overloads
    /// (<c>ToString(configuration)</c> with switches). They are not in <see cref="For(LayoutModel)"/>: a user method of
    /// these names can be a legitimate overload, so the parser checks them by signature.
    /// </summary>
    public static IReadOnlyList<string> ObjectMembers { get; } = [EqualsMethod, GetHashCodeMethod, ToStringMethod];

    public static string Mask(string field) => Identifiers.Unescape(field) + "Mask";

    public static string Shift(string field) => Identifiers.Unescape(field) + "Shift";

    public static string Width(string field) => Identifiers.Unescape(field) + "Width";

    public static string With(string field) => "With" + Identifiers.Unescape(field);

    /// <summary><c>AdjustGuestL1e</c> ... <c>AdjustGuestL4e</c>, after Xen's <c>adjust_guest_l?e</c>.</summary>
    public static string AdjustGuest(int level) => $"AdjustGuestL{level}e";

    /// <summary>The private core every public overload of <see cref="AdjustGuest"/> inlines.</summary>
    public static string AdjustGuestCore(int level) => "__" + AdjustGuest(level);

    /// <summary>The whole-table form of <see cref="AdjustGuestCore"/>.</summary>
    public static string AdjustGuestBatch(int level) => AdjustGuestCore(level) + "Batch";

    /// <summary>The helper that returns the bit holding <paramref name="role"/> in a given configuration.</summary>
    public static string RoleBit(PteRole role) => $"__{role}RoleBit";

    /// <summary>
    /// Every member name the emitter declares on <paramref name="layout"/> (<see cref="ObjectMembers"/> aside, and the
    /// <see cref="WarningHook"/>, which the user implements).
    /// </summary>
    public static HashSet<string> For(LayoutModel layout)
    {
        var names = For(layout.Fields.Select(f => f.Name), layout.Switches.HasSwitches);
        if (layout.Level is >= 1 and <= 4)
        {
            names.Add(AdjustGuest(layout.Level));
            names.Add(AdjustGuestCore(layout.Level));
            names.Add(AdjustGuestBatch(layout.Level));
            names.Add(NotPv32);
            names.Add(ThrowDestinationTooShort);
            foreach (var role in Validation.FixupPlanner.RolesFor(layout.Level))
            {
                names.Add(RoleBit(role));
            }
        }

        if (layout.Fields.Any(f => f.Relocatable))
        {
            names.Add(Negotiation);
            names.Add(Negotiate);
            names.Add(PickBit);
            names.Add(ThrowFailedNegotiation);
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

    /// <summary>
    /// A parameter name for each relocatable claim, unique among them: the claim's name with its first letter lower-cased,
    /// then <c>Bit</c>; a name already taken (<c>Kernel</c> and <c>kernel</c>, <c>Class</c> and <c>@class</c>) gets the
    /// next number from 2, in declaration order. Every name ends in <c>Bit</c>, or <c>Bit</c> and a number, so it never
    /// meets another parameter or local of the negotiation, a name made for another claim, or a C# keyword.
    /// </summary>
    public static IReadOnlyList<string> ClaimParameters(IEnumerable<string> claimNames)
    {
        var taken = new HashSet<string>();
        var lastNumber = new Dictionary<string, int>();
        var parameters = new List<string>();
        foreach (var claim in claimNames)
        {
            var name = Identifiers.Unescape(claim);
            var natural = char.ToLowerInvariant(name[0]) + name.Substring(1) + "Bit";
            var parameter = natural;
            if (!taken.Add(parameter))
            {
                // The number is kept per name, so many claims of one name cost one step each.
                lastNumber.TryGetValue(natural, out var number);
                do
                {
                    number = number == 0 ? 2 : number + 1;
                    parameter = natural + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                while (!taken.Add(parameter));
                lastNumber[natural] = number;
            }

            parameters.Add(parameter);
        }

        return parameters;
    }

    /// <summary>The members of the <see cref="Negotiation"/> type (Equals, GetHashCode and ToString aside).</summary>
    internal static class OfNegotiation
    {
        public const string Configuration = "Configuration";
        public const string Warns = "Warns";
        public const string Succeeded = "Succeeded";
        public const string Failure = "Failure";
        public const string XenBits = "XenBits";
        public const string Claims = "Claims";

        /// <summary>The bit chosen for a relocatable claim, as a mask: the same name as the claim's declared mask.</summary>
        public static string Mask(string claim) => GeneratedNames.Mask(claim);

        /// <summary>The position of the bit chosen for a relocatable claim.</summary>
        public static string Shift(string claim) => "__" + GeneratedNames.Shift(claim);

        /// <summary>
        /// The bit holding <paramref name="role"/> in the negotiated configuration, for a role whose holder depends on the
        /// configuration (ends in <c>Bit</c>, so it never meets a claim's <see cref="Mask"/> or <see cref="Shift"/>).
        /// </summary>
        public static string RoleBit(PteRole role) => $"__{role}Bit";

        /// <summary>
        /// Every member name the emitter declares on the negotiation of <paramref name="layout"/>
        /// (<see cref="ObjectMembers"/> aside): its relocatable claims' and its fixup roles' (whichever depend on the
        /// configuration), whether or not the layout has any.
        /// </summary>
        public static HashSet<string> For(LayoutModel layout)
        {
            var names = new HashSet<string> { Succeeded, Failure, XenBits, Claims };
            if (layout.Switches.HasSwitches)
            {
                names.Add(Configuration);
                names.Add(Warns);
            }

            foreach (var claim in layout.Fields.Where(Validation.FixupPlanner.IsNegotiated))
            {
                names.Add(Mask(claim.Name));
                names.Add(Shift(claim.Name));
            }

            if (layout.Level is >= 1 and <= 4)
            {
                foreach (var role in Validation.FixupPlanner.RolesFor(layout.Level))
                {
                    names.Add(RoleBit(role));
                }
            }

            return names;
        }
    }

    /// <summary>The parameters of the generated public members, whose names are part of the API (named arguments).</summary>
    internal static class Parameters
    {
        public const string Raw = "raw";
        public const string Value = "value";
        public const string Configuration = "configuration";
        public const string Other = "other";
        public const string Object = "obj";
        public const string Left = "left";
        public const string Right = "right";
        public const string Entry = "entry";
        public const string Kind = "kind";
        public const string Entries = "entries";
        public const string Adjusted = "adjusted";
        public const string Domain = "domain";
        public const string GuestUnusedBits = "guestUnusedBits";

        public static IReadOnlyList<string> All { get; } =
            [Raw, Value, Configuration, Other, Object, Left, Right, Entry, Kind, Entries, Adjusted, Domain, GuestUnusedBits];
    }
}
