using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using PteGen.Generators.Helpers;
using PteGen.Generators.Model;
using PteGen.Generators.Validation;

namespace PteGen.Generators.Usage;

/// <summary>
/// A layout as guest code sees it: its model, and the configurations the guest may run under, which are the one
/// <c>PteGenConfiguration</c> names or, when the property is absent, every valid configuration of the layout.
/// </summary>
internal sealed class GuestLayout
{
    private readonly Dictionary<string, FieldModel> _fieldsByWith = new();
    private readonly Dictionary<string, FieldModel> _fieldsByProperty = new();
    private readonly ulong _xenBits;
    private readonly ulong _portableGuestBits;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<ulong, string> _xenDescriptions = new();
    private readonly Dictionary<PteOwner, ulong[]> _ownedPerConfiguration = new();

    public GuestLayout(INamedTypeSymbol type, LayoutModel model, PteGenOptions options)
    {
        Type = type;
        Model = model;
        AllConfigurations = model.Switches.ValidConfigurations();
        ActiveConfigurations = AllConfigurations;
        if (options.Configuration is { } names)
        {
            var unknown = new List<string>();
            var configuration = model.Switches.ParseNames(string.Join(";", names), unknown);
            if (model.Switches.IsValid(configuration))
            {
                ActiveConfigurations = [configuration];
            }
            else
            {
                InvalidConfiguration = $"{model.Switches.Format(configuration)} turns on switches that are mutually exclusive";
            }
        }

        // The analyzer asks these for every With call and bit operation: computed once per layout and compilation.
        foreach (var field in model.Fields)
        {
            if (!field.HasErrors)
            {
                _fieldsByWith[GeneratedNames.With(field.Name)] = field;
                _fieldsByProperty[Identifiers.Unescape(field.Name)] = field;
            }
        }

        _portableGuestBits = ulong.MaxValue;
        foreach (var owner in new[] { PteOwner.XenReserved, PteOwner.Hardware, PteOwner.GuestAvailable })
        {
            var owned = new ulong[ActiveConfigurations.Count];
            for (var index = 0; index < owned.Length; index++)
            {
                owned[index] = Ownership.BitsOwnedBy(model, owner, ActiveConfigurations[index]);
            }

            _ownedPerConfiguration[owner] = owned;
        }

        foreach (var xen in _ownedPerConfiguration[PteOwner.XenReserved])
        {
            _xenBits |= xen;
        }

        foreach (var guest in _ownedPerConfiguration[PteOwner.GuestAvailable])
        {
            _portableGuestBits &= guest;
        }
    }

    public INamedTypeSymbol Type { get; }

    public LayoutModel Model { get; }

    public string Name => Identifiers.Unescape(Model.Name);

    public IReadOnlyList<ulong> AllConfigurations { get; }

    /// <summary>The configurations the guest may run under.</summary>
    public IReadOnlyList<ulong> ActiveConfigurations { get; }

    /// <summary>Why <c>PteGenConfiguration</c> is not a valid configuration of this layout, or <see langword="null"/>.</summary>
    public string? InvalidConfiguration { get; }

    public FieldModel? FieldForWith(string methodName) => _fieldsByWith.TryGetValue(methodName, out var field) ? field : null;

    public FieldModel? FieldForProperty(string propertyName) => _fieldsByProperty.TryGetValue(propertyName, out var field) ? field : null;

    /// <summary>
    /// The one-bit field that is exactly <paramref name="mask"/> in every active configuration, when there is one and only
    /// one: bit 62 is <c>Software62</c> under None and <c>GrantMapping</c> under Debug, so without a configuration no
    /// accessor says "bit 62", and suggesting either would rename the other's bit.
    /// </summary>
    public FieldModel? BoolAccessorFor(ulong mask)
    {
        FieldModel? found = null;
        foreach (var field in Model.Fields)
        {
            if (field.HasErrors || (field.Mask & mask) == 0 || !ActiveConfigurations.Any(field.HoldsIn))
            {
                continue;
            }

            // Another claim of these bits in an active configuration, or one that holds in only some of them.
            if (field.Kind != FieldKind.Bool || field.Mask != mask || found is not null || !ActiveConfigurations.All(field.HoldsIn))
            {
                return null;
            }

            found = field;
        }

        return found;
    }

    /// <summary>The bits of <paramref name="mask"/> that Xen reserves in at least one active configuration.</summary>
    public ulong XenBitsAmong(ulong mask) => _xenBits & mask;

    /// <summary>The bits guest-available in every active configuration.</summary>
    public ulong PortableGuestBits() => _portableGuestBits;

    /// <summary>
    /// "bit 52 (GuestKernel) in every configuration (None, Debug, Pke) and bit 62 (GrantMapping) under configuration
    /// Debug": the Xen-reserved bits of <paramref name="bits"/>, grouped by the configurations that reserve them.
    /// </summary>
    /// <remarks>Computed once per set of bits: a guest method can write the same bits hundreds of times.</remarks>
    public string DescribeXenBits(ulong bits) =>
        _xenDescriptions.GetOrAdd(bits, b => string.Join(" and ", GroupByConfigurations(b, PteOwner.XenReserved).Select(group =>
            $"{BitRanges.Describe(group.Bits)} ({FieldNames(group.Bits, group.Configurations)}){DescribeConfigurations(group.Configurations)}")));

    /// <summary>
    /// "bit 62 is Xen's (GrantMapping) under configuration Debug and the hardware's (ProtectionKey) under
    /// configuration Pke": who owns the non-guest bits of <paramref name="bits"/>, in the active configurations.
    /// </summary>
    public string DescribeNonGuestOwners(ulong bits)
    {
        // One sentence per group of bits that share their owners: "bit 62 is Xen's (...) under ... and the hardware's (...) under ...".
        var perBit = new List<(ulong Bits, string Owners)>();
        for (var bit = 0; bit < 64; bit++)
        {
            var mask = 1UL << bit;
            if ((bits & mask) == 0)
            {
                continue;
            }

            var owners = new List<string>();
            foreach (var owner in new[] { PteOwner.XenReserved, PteOwner.Hardware })
            {
                foreach (var group in GroupByConfigurations(mask, owner))
                {
                    var possessive = owner == PteOwner.XenReserved ? "Xen's" : "the hardware's";
                    owners.Add($"{possessive} ({FieldNames(mask, group.Configurations)}){DescribeConfigurations(group.Configurations)}");
                }
            }

            var text = string.Join(" and ", owners);
            var index = perBit.FindIndex(p => p.Owners == text);
            if (index < 0)
            {
                perBit.Add((mask, text));
            }
            else
            {
                perBit[index] = (perBit[index].Bits | mask, text);
            }
        }

        return string.Join("; ", perBit.Select(p => $"{BitRanges.Describe(p.Bits)} {(BitRanges.IsSingleBit(p.Bits) ? "is" : "are")} {p.Owners}"));
    }

    public string DescribeConfigurations(IReadOnlyList<ulong> configurations) =>
        LayoutValidator.DescribeConfigurations(Model.Switches, configurations, ActiveConfigurations.Count);

    private IEnumerable<(ulong Bits, List<ulong> Configurations)> GroupByConfigurations(ulong bits, PteOwner owner)
    {
        var groups = new List<(ulong Bits, List<ulong> Configurations)>();
        for (var bit = 0; bit < 64; bit++)
        {
            var mask = 1UL << bit;
            if ((bits & mask) == 0)
            {
                continue;
            }

            var owned = _ownedPerConfiguration[owner];
            var configurations = new List<ulong>();
            for (var position = 0; position < owned.Length; position++)
            {
                if ((owned[position] & mask) != 0)
                {
                    configurations.Add(ActiveConfigurations[position]);
                }
            }

            if (configurations.Count == 0)
            {
                continue;
            }

            var index = groups.FindIndex(g => g.Configurations.SequenceEqual(configurations));
            if (index < 0)
            {
                groups.Add((mask, configurations));
            }
            else
            {
                groups[index] = (groups[index].Bits | mask, groups[index].Configurations);
            }
        }

        return groups;
    }

    private string FieldNames(ulong bits, IReadOnlyList<ulong> configurations) =>
        string.Join(", ", Model.Fields
            .Where(f => !f.HasErrors && (f.Mask & bits) != 0 && configurations.Any(f.HoldsIn))
            .Select(f => Identifiers.Unescape(f.Name)));
}
