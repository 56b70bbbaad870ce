using System.Globalization;
using System.Xml.Linq;
using XenPv;

namespace PteGen.Tests.Export;

/// <summary>
/// The pictures' structure: a row per valid configuration, 64 cells in each from bit 63 on the left, each cell colored
/// by the owner the descriptor gives, a labelled box per field, the configuration-dependent bits marked, a legend.
/// </summary>
public sealed class SvgStructureTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void TheXenLeafEntryHasARowPerConfigurationAnd64CellsEach()
    {
        var picture = Export(ExportInputs.XenPv, "XenPv.L1e.svg");
        var rows = Elements(picture, "g", "row").ToList();
        Assert.Equal(["None", "Debug", "Pke"], rows.Select(row => (string)row.Attribute("data-configuration")!));
        Assert.All(rows, row => Assert.Equal("XenPv.L1e", (string)row.Attribute("data-layout")!));

        var descriptor = L1e.Descriptor;
        foreach (var (row, configuration) in rows.Zip(descriptor.ValidConfigurations))
        {
            var cells = Elements(row, "rect", "cell").ToList();
            Assert.Equal(Enumerable.Range(0, 64).Reverse(), cells.Select(cell => (int)cell.Attribute("data-bit")!));

            // Bit 63 on the left: x grows as the bit number falls.
            var xs = cells.Select(cell => double.Parse((string)cell.Attribute("x")!, CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(xs.Order(), xs);
            for (var bit = 0; bit < 64; bit++)
            {
                Assert.Equal(descriptor.FieldAt(bit, configuration)!.Owner.ToString(), (string)cells[63 - bit].Attribute("data-owner")!);
            }

            // A labelled box per field active in the configuration.
            var fields = Elements(row, "g", "field").ToList();
            Assert.Equal(
                descriptor.FieldsIn(configuration).OrderByDescending(field => field.High).Select(field => field.Name),
                fields.Select(field => (string)field.Attribute("data-field")!));
            foreach (var field in fields)
            {
                var label = Elements(field, "text", "label").Single().Value;
                var name = (string)field.Attribute("data-field")!;
                Assert.True(label == name || (label.EndsWith('\u2026') && name.StartsWith(label[..^1], StringComparison.Ordinal)), $"The label '{label}' does not show '{name}'.");
                Assert.StartsWith(name + ": bit", field.Element(Svg + "title")!.Value, StringComparison.Ordinal);
            }
        }

        var grant = Elements(rows[1], "g", "field").Single(field => (string)field.Attribute("data-field")! == "GrantMapping");
        Assert.Equal("62", (string)grant.Attribute("data-bits")!);
        Assert.Equal("XenReserved", (string)grant.Attribute("data-owner")!);
        Assert.Equal("GrantMapping: bit 62, XenReserved, role GrantMapping, guest write refused, when Debug", grant.Element(Svg + "title")!.Value);
    }

    [Fact]
    public void TheConfigurationDependentBitsAreMarkedAndTheLegendNamesTheOwners()
    {
        var picture = Export(ExportInputs.XenPv, "XenPv.L1e.svg");

        // Bits 59-62: one marker above the rows, and the hatch over them in each row.
        var marker = Elements(picture, "g", "dependent-marker").Single().Elements(Svg + "rect").Single();
        Assert.Contains("bits 59-62", marker.Value, StringComparison.Ordinal);
        Assert.Equal(3, Elements(picture, "rect", "dependent").Count());
        Assert.Equal(L1e.ConfigurationDependentBits, 0xFUL << 59);

        var legend = Elements(picture, "g", "legend").Single();
        Assert.Equal(["Hardware", "XenReserved", "GuestAvailable", "dependent"], Elements(legend, "rect", "legend-swatch").Select(swatch => (string)swatch.Attribute("data-owner")!));
        Assert.Contains("owner depends on the configuration", legend.Value, StringComparison.Ordinal);
        Assert.Equal("XenPv.L1e (level 1): who owns each bit in each valid configuration", picture.Element(Svg + "title")!.Value);
    }

    [Fact]
    public void ALayoutWhoseOwnersNeverChangeHasNoMarker()
    {
        // The twin of the test above: L2e's owners are the same in every configuration.
        var picture = Export(ExportInputs.XenPv, "XenPv.L2e.svg");
        Assert.Equal(3, Elements(picture, "g", "row").Count());
        Assert.Empty(Elements(picture, "g", "dependent-marker"));
        Assert.Empty(Elements(picture, "rect", "dependent"));
        Assert.DoesNotContain(Elements(picture, "rect", "legend-swatch"), swatch => (string)swatch.Attribute("data-owner")! == "dependent");
    }

    [Fact]
    public void TheSideBySidePictureHasEveryLevel1LayoutInOrder()
    {
        var picture = Export(ExportInputs.XenPv, "XenPv.level-1.svg");
        var rows = Elements(picture, "g", "row").Select(row => $"{row.Attribute("data-layout")!.Value} {row.Attribute("data-configuration")!.Value}");
        Assert.Equal(
            [
                "XenPv.L1e None", "XenPv.L1e Debug", "XenPv.L1e Pke",
                "XenPv.Abis.ExpertDebugL1e None", "XenPv.Abis.ExpertDebugL1e PvPteDebug", "XenPv.Abis.ExpertDebugL1e Pke",
                "XenPv.Abis.ExpertDebugL1e Debug", "XenPv.Abis.ExpertDebugL1e PvPteDebug|Debug", "XenPv.Abis.ExpertDebugL1e Pke|Debug",
                "XenPv.Abis.NegotiatedL1e None", "XenPv.Abis.NegotiatedL1e Debug", "XenPv.Abis.NegotiatedL1e Pke",
                "XenPv.Historical.L1e2005 None", "XenPv.Historical.L1e2005 Debug",
            ],
            rows);
        Assert.Equal(14 * 64, Elements(picture, "rect", "cell").Count());
        Assert.Equal(["L1e", "ExpertDebugL1e", "NegotiatedL1e", "L1e2005"], Elements(picture, "text", "row-layout").Select(text => text.Value).Distinct());
    }

    [Fact]
    public void TheDemoEntryShowsItsTagUnderTagged()
    {
        var picture = Export(ExportInputs.Demo, "Demo.Paging.DemoEntry.svg");
        var rows = Elements(picture, "g", "row").ToList();
        Assert.Equal(["None", "Tagged"], rows.Select(row => (string)row.Attribute("data-configuration")!));
        Assert.Equal(["Spare", "Software", "Address", "Valid"], Elements(rows[0], "g", "field").Select(field => (string)field.Attribute("data-field")!));
        Assert.Equal(["Tag", "Software", "Address", "Valid"], Elements(rows[1], "g", "field").Select(field => (string)field.Attribute("data-field")!));
        Assert.Equal("56-63", (string)Elements(rows[1], "g", "field").First().Attribute("data-bits")!);
        Assert.All(Elements(rows[1], "rect", "cell").Take(8), cell => Assert.Equal("XenReserved", (string)cell.Attribute("data-owner")!));
    }

    private static IEnumerable<XElement> Elements(XContainer root, string name, string className) =>
        root.Descendants(Svg + name).Where(element => ((string?)element.Attribute("class"))?.Split(' ').Contains(className) == true);

    private static XElement Export(string assembly, string file)
    {
        var folder = TempFolder.New("svg");
        Ptegen.Succeed("export", assembly, "--format", "svg", "--out", folder);
        return XDocument.Load(Path.Combine(folder, file)).Root!;
    }
}
