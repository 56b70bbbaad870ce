using PteGen;

namespace PteGen.Tests.Abi;

public class PteAbiComparisonTests
{
    private static readonly IReadOnlyList<PteAbiFact> SampleL1e = PteAbiBaseline.Facts(XenPv.L1e.Descriptor, "XenPv.L1e");

    private static readonly PteAbiFact[] None = Array.Empty<PteAbiFact>();

    private static PteAbiFact With(PteAbiFact fact, int? low = null, int? high = null, string? field = null, PteOwner? owner = null,
        PteRole? role = null, bool? guestRefused = null, string? when = null, string? configuration = null) =>
        new(fact.Layout, configuration ?? fact.Configuration, low ?? fact.Low, high ?? fact.High, field ?? fact.Field,
            owner ?? fact.Owner, role ?? fact.Role, guestRefused ?? fact.GuestRefused, when ?? fact.When);

    private static PteAbiFact Find(IEnumerable<PteAbiFact> facts, string configuration, string field) =>
        facts.Single(fact => fact.Configuration == configuration && fact.Field == field);

    [Fact]
    public void The_same_facts_are_no_change()
    {
        Assert.Empty(PteAbiComparison.Compare(SampleL1e, None, SampleL1e));
        Assert.Empty(PteAbiComparison.Compare(SampleL1e, None, SampleL1e.Reverse()));
    }

    [Fact]
    public void An_owner_change_is_a_break_naming_the_bit_the_configuration_and_both_owners()
    {
        // GrantMapping made unconditional: bit 62 under None and Pke is now Xen's.
        var current = SampleL1e
            .Where(fact => !(fact.Field == "Software62") && !(fact.Field == "GrantMapping"))
            .Concat(new[] { "None", "Debug", "Pke" }.Select(configuration =>
                new PteAbiFact("XenPv.L1e", configuration, 62, 62, "GrantMapping", PteOwner.XenReserved, PteRole.GrantMapping, true, "")))
            .Where(fact => !(fact.Configuration == "Pke" && fact.Field == "ProtectionKey"))
            .Concat(new[] { With(Find(SampleL1e, "Pke", "ProtectionKey"), high: 61) })
            .ToList();

        var changes = PteAbiComparison.Compare(SampleL1e, None, current);

        Assert.All(changes, change => Assert.True(change.IsBreak));
        Assert.Equal(
            new[]
            {
                "bit 62 of 'L1e' under Debug: when Debug in PteAbi.Shipped.txt, when always now",
                "bit 62 of 'L1e' under None: GuestAvailable in PteAbi.Shipped.txt, XenReserved now",
                "bits 59-61 of 'L1e' under Pke: field ProtectionKey [59-62] in PteAbi.Shipped.txt, field ProtectionKey [59-61] now",
                "bit 62 of 'L1e' under Pke: Hardware in PteAbi.Shipped.txt, XenReserved now",
            },
            changes.Select(change => change.Message));
        var none = changes[1];
        Assert.Equal(("XenPv.L1e", "None", 62, 62), (none.Layout, none.Configuration, none.Low, none.High));
        Assert.Equal("Software62", none.Baseline!.Field);
        Assert.Equal("GrantMapping", none.Current!.Field);
        Assert.False(none.ConfigurationRemoved);
    }

    [Fact]
    public void A_role_change_names_the_roles()
    {
        var shipped = Find(SampleL1e, "None", "WriteThrough");
        var current = SampleL1e.Select(fact => fact.Equals(shipped) ? With(fact, role: PteRole.None) : fact);

        var change = Assert.Single(PteAbiComparison.Compare(SampleL1e, None, current));
        Assert.Equal("bit 3 of 'L1e' under None: role WriteThrough in PteAbi.Shipped.txt, role None now", change.Message);
    }

    [Fact]
    public void A_guest_rule_and_a_condition_change_are_named_together()
    {
        var shipped = Find(SampleL1e, "None", "Software62");
        var current = SampleL1e.Select(fact => fact.Equals(shipped) ? With(fact, guestRefused: true, when: "!Debug && !Pke") : fact);

        var change = Assert.Single(PteAbiComparison.Compare(SampleL1e, None, current));
        Assert.Equal(
            "bit 62 of 'L1e' under None: guest allowed, when !Pke && !Debug in PteAbi.Shipped.txt, guest refused, when !Debug && !Pke now",
            change.Message);
    }

    [Fact]
    public void A_renamed_field_is_one_change_for_its_bits()
    {
        var shipped = Find(SampleL1e, "Debug", "Frame");
        var current = SampleL1e.Select(fact => fact.Equals(shipped) ? With(fact, field: "Mfn") : fact);

        var change = Assert.Single(PteAbiComparison.Compare(SampleL1e, None, current));
        Assert.Equal("bits 12-51 of 'L1e' under Debug: field Frame [12-51] in PteAbi.Shipped.txt, field Mfn [12-51] now", change.Message);
    }

    [Fact]
    public void A_configuration_gone_is_a_break()
    {
        var shipped = SampleL1e.Concat(SampleL1e.Where(fact => fact.Configuration == "Debug").Select(fact => With(fact, configuration: "Debug|Pke")));

        var change = Assert.Single(PteAbiComparison.Compare(shipped, None, SampleL1e));
        Assert.Equal("'L1e' under Debug|Pke: in PteAbi.Shipped.txt, no longer a valid configuration", change.Message);
        Assert.True(change.ConfigurationRemoved);
        Assert.True(change.IsBreak);
        Assert.Null(change.Current);
    }

    [Fact]
    public void A_layout_gone_is_one_break_that_says_the_layout_is_gone()
    {
        var changes = PteAbiComparison.Compare(SampleL1e, None, None);
        Assert.Equal(
            new[] { "'XenPv.L1e' is in PteAbi.Shipped.txt, but no layout of that name exists now: it was removed or renamed" },
            changes.Select(change => change.Message));
    }

    [Fact]
    public void A_shipped_file_that_gives_a_bit_two_claims_is_a_break_naming_both()
    {
        var software62 = Find(SampleL1e, "None", "Software62");
        var contradicting = new PteAbiFact("XenPv.L1e", "None", 62, 62, "Other", PteOwner.XenReserved, PteRole.None, true, "");
        var changes = PteAbiComparison.Compare(SampleL1e.Append(contradicting), None, SampleL1e);
        var change = Assert.Single(changes);
        Assert.Equal(PteAbiChangeKind.Break, change.Kind);
        Assert.Equal(
            "bit 62 of 'L1e' under None: PteAbi.Shipped.txt gives it two claims, Other (XenReserved) and Software62 (GuestAvailable); keep the one that shipped",
            change.Message);
        Assert.Equal(software62, Find(SampleL1e, "None", "Software62"));
    }

    [Fact]
    public void Two_layouts_of_one_simple_name_are_named_in_full_and_a_lone_one_by_its_simple_name()
    {
        var other = SampleL1e.Select(fact => new PteAbiFact("Other.L1e", fact.Configuration, fact.Low, fact.High, fact.Field, fact.Owner, fact.Role, fact.GuestRefused, fact.When)).ToList();
        var changedSoftware62 = (PteAbiFact fact) => fact.Field == "Software62" ? With(fact, owner: PteOwner.XenReserved) : fact;
        var both = PteAbiComparison.Compare(SampleL1e.Concat(other), None, SampleL1e.Select(changedSoftware62).Concat(other.Select(changedSoftware62)));
        Assert.Equal(
            new[]
            {
                "bit 62 of 'Other.L1e' under None: GuestAvailable in PteAbi.Shipped.txt, XenReserved now",
                "bit 62 of 'XenPv.L1e' under None: GuestAvailable in PteAbi.Shipped.txt, XenReserved now",
            },
            both.Select(change => change.Message));

        var alone = PteAbiComparison.Compare(SampleL1e, None, SampleL1e.Select(changedSoftware62));
        Assert.Equal("bit 62 of 'L1e' under None: GuestAvailable in PteAbi.Shipped.txt, XenReserved now", Assert.Single(alone).Message);
    }

    [Fact]
    public void A_bit_missing_from_the_shipped_file_is_a_break()
    {
        var missing = Find(SampleL1e, "None", "Dirty");
        var change = Assert.Single(PteAbiComparison.Compare(SampleL1e.Where(fact => !fact.Equals(missing)), None, SampleL1e));
        Assert.Equal("bit 6 of 'L1e' under None: no claim in PteAbi.Shipped.txt, Hardware now", change.Message);
    }

    [Fact]
    public void A_new_configuration_or_layout_is_an_addition_until_it_is_in_the_unshipped_file()
    {
        var shipped = SampleL1e.Where(fact => fact.Configuration != "Pke").ToList();
        var added = SampleL1e.Where(fact => fact.Configuration == "Pke").OrderBy(fact => fact).ToList();

        var changes = PteAbiComparison.Compare(shipped, None, SampleL1e);
        Assert.All(changes, change => Assert.Equal(PteAbiChangeKind.Addition, change.Kind));
        Assert.Equal(added, changes.Select(change => change.Current));
        Assert.Equal(added[0].ToLine() + ": in neither PteAbi.Shipped.txt nor PteAbi.Unshipped.txt", changes[0].Message);

        Assert.Empty(PteAbiComparison.Compare(shipped, added, SampleL1e));
        Assert.Empty(PteAbiComparison.Compare(None, SampleL1e, SampleL1e));
    }

    [Fact]
    public void An_unshipped_fact_that_is_not_current_is_stale()
    {
        var ghost = new PteAbiFact("XenPv.Gone", "None", 0, 63, "Raw", PteOwner.Hardware, PteRole.None, false, "");
        var change = Assert.Single(PteAbiComparison.Compare(SampleL1e, new[] { ghost, ghost }, SampleL1e));
        Assert.Equal(PteAbiChangeKind.Stale, change.Kind);
        Assert.Same(ghost, change.Baseline);
        Assert.Equal(ghost.ToLine() + ": in PteAbi.Unshipped.txt, but no current claim matches it", change.Message);
    }

    [Fact]
    public void Duplicated_current_facts_are_one_addition()
    {
        var fact = new PteAbiFact("N.L", "None", 0, 63, "Raw", PteOwner.Hardware, PteRole.None, false, "");
        Assert.Single(PteAbiComparison.Compare(None, None, new[] { fact, fact }));
    }

    [Fact]
    public void Many_layouts_compare_in_linear_time()
    {
        // 5,000 layouts of 47 facts each: a comparison quadratic in the facts would not finish.
        var facts = Enumerable.Range(0, 5_000)
            .SelectMany(index => SampleL1e.Select(fact => new PteAbiFact("N.L" + index, fact.Configuration, fact.Low, fact.High,
                fact.Field, fact.Owner, fact.Role, fact.GuestRefused, fact.When)))
            .ToList();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Empty(PteAbiComparison.Compare(facts, None, facts));
        // About a second alone; the bound leaves room for a loaded machine, far below what a quadratic walk would take.
        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(2), watch.Elapsed.ToString());
    }
}
