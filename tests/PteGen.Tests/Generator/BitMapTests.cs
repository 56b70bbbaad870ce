using PteGen.Tests.Infrastructure;

namespace PteGen.Tests.Generator;

/// <summary>The bit map that opens a layout's generated file: one line per claim, lowest bit first, readable at a glance.</summary>
public sealed class BitMapTests
{
    private static List<string> BitMap(string generated) =>
        generated.Split('\n')
            .SkipWhile(line => !line.StartsWith("// The bit map of ", StringComparison.Ordinal))
            .TakeWhile(line => line.StartsWith("//", StringComparison.Ordinal))
            .ToList();

    [Fact]
    public void TheSampleL1e_OpensWithOneLinePerClaim_LowestBitFirst()
    {
        var outcome = TestCompilation.Run(SampleSource.XenConfig, SampleSource.L1e);
        var map = BitMap(outcome.Generated["XenPv.L1e.g.cs"]);

        Assert.Equal("// The bit map of L1e (bit 0 is the least significant; \"when\" is the condition under which a claim holds):", map[0]);
        Assert.Equal("//   bits   field            owner           when            role", map[2]);
        var rows = map.Skip(3).ToList();
        Assert.Equal(18, rows.Count);
        Assert.Equal("//   0      Present          Hardware                        Present", rows[0]);
        Assert.Equal("//   3      WriteThrough     Hardware                        WriteThrough", rows[3]);
        Assert.Equal("//   62     GrantMapping     XenReserved     Debug           GrantMapping", rows[16]);
        Assert.Equal("//   63     NoExecute        Hardware                        NoExecute", rows[17]);
    }

    [Fact]
    public void ALongCondition_IsCutInTheBitMap()
    {
        // Equivalent to Debug, and long even in the canonical form the bit map shows (only repeats are dropped).
        var chain = "Debug && (Debug || Pke) && (Debug || !Pke) && (Pke || !Pke) && (!Pke || Debug)";
        var l1e = SampleSource.L1e.Replace("[XenReserved(62, When = \"Debug\"", $"[XenReserved(62, When = \"{chain}\"");
        var outcome = TestCompilation.Run(SampleSource.XenConfig, l1e);
        var map = BitMap(outcome.Generated["XenPv.L1e.g.cs"]);

        var grant = Assert.Single(map, line => line.Contains("GrantMapping", StringComparison.Ordinal) && line.Contains("62", StringComparison.Ordinal));
        Assert.Contains("Debug && (Debug || Pke) && (Debug || ...  ", grant, StringComparison.Ordinal);
        Assert.All(map, line => Assert.True(line.Length <= 140, line));
    }
}
