using PteGen;

namespace PteGen.Tests.Abi;

public class PteAbiFactTests
{
    private static PteAbiFact Software62() =>
        new("XenPv.L1e", "None", 62, 62, "Software62", PteOwner.GuestAvailable, PteRole.None, false, "!Pke && !Debug");

    [Fact]
    public void Line_has_the_agreed_form()
    {
        Assert.Equal(
            "XenPv.L1e under None: [62] Software62 GuestAvailable role=None guest=allowed when=!Pke && !Debug",
            Software62().ToLine());
        Assert.Equal(
            "XenPv.L1e under Debug: [62] GrantMapping XenReserved role=GrantMapping guest=refused when=Debug",
            new PteAbiFact("XenPv.L1e", "Debug", 62, 62, "GrantMapping", PteOwner.XenReserved, PteRole.GrantMapping, true, "Debug").ToLine());
    }

    [Theory]
    [InlineData(0, 0, "[00]")]
    [InlineData(9, 11, "[09-11]")]
    [InlineData(12, 51, "[12-51]")]
    [InlineData(0, 63, "[00-63]")]
    public void Bits_are_two_digits_zero_padded(int low, int high, string expected)
    {
        var fact = new PteAbiFact("N.L", "None", low, high, "F", PteOwner.Hardware, PteRole.None, false, "");
        Assert.Equal($"N.L under None: {expected} F Hardware role=None guest=allowed when=always", fact.ToLine());
    }

    [Theory]
    [InlineData("XenPv.L1e under None: [62] Software62 GuestAvailable role=None guest=allowed when=!Pke && !Debug")]
    [InlineData("XenPv.L1e under Debug|Pke: [59-62] ProtectionKey Hardware role=ProtectionKey guest=allowed when=Pke")]
    [InlineData("A.B.C under None: [00-63] Raw Hardware role=None guest=refused when=always")]
    [InlineData("L under Weird: [05] F XenReserved role=Frame guest=allowed when=(A || B) && !C")]
    public void Parses_what_it_writes(string line)
    {
        Assert.True(PteAbiFact.TryParse(line, out var fact, out var error), error);
        Assert.Equal(line, fact.ToLine());
        Assert.Equal("", error);
    }

    [Fact]
    public void Parsed_fields_are_the_written_ones()
    {
        Assert.True(PteAbiFact.TryParse("  " + Software62().ToLine() + "\t", out var fact, out _));
        Assert.Equal(Software62(), fact);
        Assert.Equal("XenPv.L1e", fact.Layout);
        Assert.Equal("L1e", fact.LayoutName);
        Assert.Equal("None", fact.Configuration);
        Assert.Equal((62, 62), (fact.Low, fact.High));
        Assert.Equal("Software62", fact.Field);
        Assert.Equal(PteOwner.GuestAvailable, fact.Owner);
        Assert.Equal(PteRole.None, fact.Role);
        Assert.False(fact.GuestRefused);
        Assert.Equal("!Pke && !Debug", fact.When);
    }

    [Fact]
    public void Always_is_the_empty_condition()
    {
        Assert.True(PteAbiFact.TryParse("N.L under None: [01] W Hardware role=Writable guest=allowed when=always", out var fact, out _));
        Assert.Equal("", fact.When);
    }

    [Theory]
    [InlineData("", "does not start with")]
    [InlineData("XenPv.L1e [62] Software62 GuestAvailable role=None guest=allowed when=always", "does not start with")]
    [InlineData("XenPv.L1e under None [62] Software62 GuestAvailable role=None guest=allowed when=always", "not followed by")]
    [InlineData("XenPv.L1e under None: [64] Software62 GuestAvailable role=None guest=allowed when=always", "bits")]
    [InlineData("XenPv.L1e under None: [11-09] F GuestAvailable role=None guest=allowed when=always", "bits")]
    [InlineData("XenPv.L1e under None: [09-09] F GuestAvailable role=None guest=allowed when=always", "bits")]
    [InlineData("XenPv.L1e under None: [9] F GuestAvailable role=None guest=allowed when=always", "bits")]
    [InlineData("XenPv.L1e under None: [62] Software62 Guest role=None guest=allowed when=always", "'Guest' is not an owner")]
    [InlineData("XenPv.L1e under None: [62] Software62 2 role=None guest=allowed when=always", "'2' is not an owner")]
    [InlineData("XenPv.L1e under None: [62] Software62 GuestAvailable role=Nope guest=allowed when=always", "'role=Nope'")]
    [InlineData("XenPv.L1e under None: [62] Software62 GuestAvailable role=None guest=maybe when=always", "'guest=maybe'")]
    [InlineData("XenPv.L1e under None: [62] Software62 GuestAvailable role=None guest=allowed", "no ' when=' part")]
    [InlineData("XenPv.L1e under None: [62] Software62 GuestAvailable role=None guest=allowed when=", "condition is empty")]
    [InlineData("XenPv.L1e under None: [62] Software62 GuestAvailable  role=None guest=allowed when=always", "expected '{Field}")]
    [InlineData("Xen Pv.L1e under None: [62] Software62 GuestAvailable role=None guest=allowed when=always", "white space")]
    public void Rejects_what_it_would_not_write(string line, string reason)
    {
        Assert.False(PteAbiFact.TryParse(line, out _, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void Equality_and_order_are_those_of_the_line()
    {
        var a = Software62();
        var b = Software62();
        var c = new PteAbiFact("XenPv.L1e", "Debug", 62, 62, "GrantMapping", PteOwner.XenReserved, PteRole.GrantMapping, true, "Debug");
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
        Assert.True(c.CompareTo(a) < 0); // "XenPv.L1e under D" sorts before "XenPv.L1e under N"
        Assert.Equal(Math.Sign(string.CompareOrdinal(a.ToLine(), c.ToLine())), Math.Sign(a.CompareTo(c)));
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(5, 4)]
    [InlineData(0, 64)]
    public void Rejects_bits_outside_the_entry(int low, int high)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new PteAbiFact("N.L", "None", low, high, "F", PteOwner.Hardware, PteRole.None, false, ""));
    }
}
