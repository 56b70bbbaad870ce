using PteGen;

namespace PteGen.Tests.Abi;

public class PteAbiBaselineTests
{
    private static PteAbiFact Fact(string configuration, int low, int high, string field, PteOwner owner = PteOwner.Hardware) =>
        new("N.L", configuration, low, high, field, owner, PteRole.None, false, "");

    [Fact]
    public void Write_sorts_ordinally_drops_duplicates_and_ends_every_line()
    {
        var text = PteAbiBaseline.Write(new[]
        {
            Fact("b", 1, 1, "Z"),
            Fact("B", 1, 1, "Z"),
            Fact("b", 1, 1, "Z"),
            Fact("a", 0, 63, "All"),
        });

        Assert.Equal(
            "# PteGen ABI baseline: one line per claim per valid configuration; see https://github.com/ptegen/ptegen/blob/main/docs/abi-baseline.md\n"
            + "N.L under B: [01] Z Hardware role=None guest=allowed when=always\n"
            + "N.L under a: [00-63] All Hardware role=None guest=allowed when=always\n"
            + "N.L under b: [01] Z Hardware role=None guest=allowed when=always\n",
            text);
    }

    [Fact]
    public void Write_of_nothing_is_the_header()
    {
        Assert.Equal(PteAbiBaseline.Header + "\n", PteAbiBaseline.Write(Array.Empty<PteAbiFact>()));
    }

    [Fact]
    public void Read_skips_blank_and_comment_lines_and_reports_the_others_with_their_index()
    {
        var good = Fact("None", 0, 63, "All").ToLine();
        var lines = PteAbiBaseline.Read("# header\r\n\r\n  # indented comment\n" + good + "\rnot a fact\n   \n");

        Assert.Collection(
            lines,
            line =>
            {
                Assert.Equal(3, line.LineIndex);
                Assert.Equal(good, line.Text);
                Assert.Equal(Fact("None", 0, 63, "All"), line.Fact);
                Assert.Null(line.Error);
            },
            line =>
            {
                Assert.Equal(4, line.LineIndex);
                Assert.Equal("not a fact", line.Text);
                Assert.Null(line.Fact);
                Assert.Contains("does not start with", line.Error);
            });
    }

    [Fact]
    public void Read_gives_back_what_Write_wrote()
    {
        var facts = new[] { Fact("None", 0, 31, "Low"), Fact("None", 32, 63, "High", PteOwner.GuestAvailable) };
        var read = PteAbiBaseline.Read(PteAbiBaseline.Write(facts)).Select(line => line.Fact).ToArray();
        Assert.Equal(facts, read);
    }

    [Fact]
    public void Facts_of_the_sample_L1e_cover_every_bit_of_every_valid_configuration()
    {
        var descriptor = XenPv.L1e.Descriptor;
        var facts = PteAbiBaseline.Facts(descriptor, "XenPv.L1e");

        foreach (var configuration in descriptor.ValidConfigurations)
        {
            var name = descriptor.FormatConfiguration(configuration);
            var covered = facts.Where(fact => fact.Configuration == name)
                .Aggregate(0UL, (bits, fact) => bits | (((fact.High == 63 && fact.Low == 0) ? ulong.MaxValue : ((1UL << (fact.High - fact.Low + 1)) - 1) << fact.Low)));
            Assert.Equal(ulong.MaxValue, covered);
        }

        Assert.Contains(
            "XenPv.L1e under None: [62] Software62 GuestAvailable role=None guest=allowed when=!Pke && !Debug",
            facts.Select(fact => fact.ToLine()));
        Assert.Contains(
            "XenPv.L1e under Debug: [62] GrantMapping XenReserved role=GrantMapping guest=refused when=Debug",
            facts.Select(fact => fact.ToLine()));
    }
}
