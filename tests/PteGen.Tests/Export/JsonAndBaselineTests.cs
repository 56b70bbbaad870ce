using System.Text.Json;
using XenPv;

namespace PteGen.Tests.Export;

/// <summary>
/// <c>--format baseline</c> is exactly <see cref="PteAbiBaseline.Write"/> of the assembly's facts, and <c>--format json</c>
/// holds the ABI as <c>docs/abi-json.md</c> describes it, which the tool reads back.
/// </summary>
public sealed class JsonAndBaselineTests
{
    private static readonly (string FullName, PteLayoutDescriptor Descriptor)[] XenLayouts =
    [
        ("XenPv.Abis.ExpertDebugL1e", XenPv.Abis.ExpertDebugL1e.Descriptor),
        ("XenPv.Abis.NegotiatedL1e", XenPv.Abis.NegotiatedL1e.Descriptor),
        ("XenPv.Historical.L1e2005", XenPv.Historical.L1e2005.Descriptor),
        ("XenPv.L1e", L1e.Descriptor),
        ("XenPv.L2e", L2e.Descriptor),
        ("XenPv.L3e", L3e.Descriptor),
        ("XenPv.L4e", L4e.Descriptor),
    ];

    [Fact]
    public void TheBaselineIsWhatPteAbiBaselineWritesForTheAssemblysLayouts()
    {
        var expected = PteAbiBaseline.Write(XenLayouts.SelectMany(layout => PteAbiBaseline.Facts(layout.Descriptor, layout.FullName)));
        Assert.Equal(expected, Ptegen.Succeed("export", ExportInputs.XenPv, "--format", "baseline"));
        Assert.Contains("XenPv.L1e under Debug: [62] GrantMapping XenReserved role=GrantMapping guest=refused when=Debug\n", expected, StringComparison.Ordinal);
    }

    [Fact]
    public void TheBaselineGoesToAFileOrIntoAFolderUnderItsShippedName()
    {
        var folder = TempFolder.New("baseline");
        var stdout = Ptegen.Succeed("export", ExportInputs.XenPv, "--format", "baseline", "--out", folder);
        var file = Path.Combine(folder, PteAbiBaseline.ShippedFileName);
        Assert.Equal($"wrote {file}\n", stdout);
        Assert.Equal(Ptegen.Succeed("export", ExportInputs.XenPv, "--format", "baseline"), File.ReadAllText(file));

        var named = Path.Combine(folder, "sub", "abi.txt");
        Ptegen.Succeed("export", ExportInputs.XenPv, "--format", "baseline", "--out", named);
        Assert.Equal(File.ReadAllText(file), File.ReadAllText(named));
    }

    [Fact]
    public void TheJsonHoldsEachLayoutsConfigurationsMasksAndFields()
    {
        using var json = JsonDocument.Parse(Ptegen.Succeed("export", ExportInputs.XenPv, "--format", "json"));
        var root = json.RootElement;
        Assert.Equal("ptegen-abi", root.GetProperty("format").GetString());
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal("XenPv", root.GetProperty("assembly").GetString());
        Assert.Equal(XenLayouts.Select(layout => layout.FullName).Order(StringComparer.Ordinal), root.GetProperty("layouts").EnumerateArray().Select(layout => layout.GetProperty("name").GetString()).Order(StringComparer.Ordinal));

        var l1e = root.GetProperty("layouts").EnumerateArray().Single(layout => layout.GetProperty("name").GetString() == "XenPv.L1e");
        Assert.Equal("XenPv", l1e.GetProperty("namespace").GetString());
        Assert.Equal("XenPv.XenConfig", l1e.GetProperty("switchesType").GetString());
        Assert.Equal(["None", "Debug", "Pke"], l1e.GetProperty("configurations").EnumerateArray().Select(item => item.GetProperty("name").GetString()));
        var debug = l1e.GetProperty("configurations")[1];
        Assert.Equal("0x1", debug.GetProperty("value").GetString());
        Assert.Equal($"0x{L1e.XenReservedBits(XenConfig.Debug):X16}", debug.GetProperty("xenReservedBits").GetString());
        Assert.Equal($"0x{L1e.GuestRefusedBits(XenConfig.Debug):X16}", debug.GetProperty("guestRefusedBits").GetString());
        Assert.Equal($"0x{L1e.ConfigurationDependentBits:X16}", l1e.GetProperty("configurationDependentBits").GetString());

        var grant = l1e.GetProperty("fields").EnumerateArray().Single(field => field.GetProperty("name").GetString() == "GrantMapping");
        Assert.Equal(62, grant.GetProperty("low").GetInt32());
        Assert.Equal("XenReserved", grant.GetProperty("owner").GetString());
        Assert.Equal("GrantMapping", grant.GetProperty("role").GetString());
        Assert.Equal("Debug", grant.GetProperty("when").GetString());
        Assert.Equal("refused", grant.GetProperty("guestWrite").GetString());
        Assert.Equal(["Debug"], grant.GetProperty("configurations").EnumerateArray().Select(item => item.GetString()));
        Assert.StartsWith("Bit 62, `_PAGE_GNTTAB`, in debug builds", grant.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheJsonReadsBackToTheSameAbi()
    {
        var folder = TempFolder.New("json");
        var file = Path.Combine(folder, "XenPv.abi.json");
        Ptegen.Succeed("export", ExportInputs.XenPv, "--format", "json", "--out", file);

        // The JSON is an input like the assembly: the same baseline, the same header, and no difference.
        Assert.Equal(Ptegen.Succeed("export", ExportInputs.XenPv, "--format", "baseline"), Ptegen.Succeed("export", file, "--format", "baseline"));
        Assert.Equal(Ptegen.Succeed("export", ExportInputs.XenPv, "--format", "c"), Ptegen.Succeed("export", file, "--format", "c"));
        Assert.Equal(Ptegen.Succeed("export", ExportInputs.XenPv, "--format", "json"), Ptegen.Succeed("export", file, "--format", "json"));
        Assert.Equal("no change: both hold the same ABI facts.\n", Ptegen.Succeed("diff", file, ExportInputs.XenPv));
    }
}
