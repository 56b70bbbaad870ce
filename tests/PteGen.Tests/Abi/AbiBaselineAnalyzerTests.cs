using Microsoft.CodeAnalysis;

namespace PteGen.Tests.Abi;

/// <summary>PTE201-PTE204: a small layout with one switch against baseline files, and a twin that stays silent for each rule.</summary>
public class AbiBaselineAnalyzerTests
{
    internal const string Tiny = """
        using PteGen;

        namespace Abi.Tests;

        [PteSwitches]
        [System.Flags]
        public enum Mode { None = 0, Debug = 1 }

        [PteLayout(typeof(Mode))]
        public readonly partial struct Tiny
        {
            [Hardware(0, Role = PteRole.Present)] public partial bool Present { get; }
            [Hardware(1, 51)] public partial ulong Frame { get; }
            [GuestAvailable(52, 61)] public partial ushort Software { get; }
            [GuestAvailable(62, When = "!Debug")] public partial bool Spare { get; }
            [XenReserved(62, When = "Debug")] public partial bool Marker { get; }
            [Hardware(63)] public partial bool NoExecute { get; }
        }
        """;

    internal const string TinyDebugLines = """
        Abi.Tests.Tiny under Debug: [00] Present Hardware role=Present guest=allowed when=always
        Abi.Tests.Tiny under Debug: [01-51] Frame Hardware role=None guest=allowed when=always
        Abi.Tests.Tiny under Debug: [52-61] Software GuestAvailable role=None guest=allowed when=always
        Abi.Tests.Tiny under Debug: [62] Marker XenReserved role=None guest=refused when=Debug
        Abi.Tests.Tiny under Debug: [63] NoExecute Hardware role=None guest=allowed when=always

        """;

    internal const string TinyNoneLines = """
        Abi.Tests.Tiny under None: [00] Present Hardware role=Present guest=allowed when=always
        Abi.Tests.Tiny under None: [01-51] Frame Hardware role=None guest=allowed when=always
        Abi.Tests.Tiny under None: [52-61] Software GuestAvailable role=None guest=allowed when=always
        Abi.Tests.Tiny under None: [62] Spare GuestAvailable role=None guest=allowed when=!Debug
        Abi.Tests.Tiny under None: [63] NoExecute Hardware role=None guest=allowed when=always

        """;

    internal static readonly string Header = PteAbiBaseline.Header + "\n";

    /// <summary>The baseline of <see cref="Tiny"/>, written out by hand.</summary>
    internal static readonly string TinyBaseline = Header + TinyDebugLines + TinyNoneLines;

    private static IReadOnlyList<string> Run(string source, string? shipped, string? unshipped = null) =>
        BaselineHarness.Describe(BaselineHarness.Analyze(source, shipped, unshipped));

    // -----------------------------------------------------------------------------------------------------------
    // Silent

    [Fact]
    public void No_baseline_files_is_silent_even_for_other_additional_files()
    {
        Assert.Empty(Run(Tiny, null, null));
        Assert.Empty(BaselineHarness.Analyze(Tiny, null, null, ("/project/PublicAPI.Shipped.txt", "garbage\n"), ("/project/Abi.Shipped.txt", "garbage\n")));
    }

    [Fact]
    public void A_matching_shipped_file_is_silent()
    {
        Assert.Empty(Run(Tiny, TinyBaseline));
        Assert.Empty(Run(Tiny, TinyBaseline, Header));
    }

    [Fact]
    public void A_matching_file_with_crlf_comments_blank_lines_and_any_order_is_silent()
    {
        var shuffled = "# a comment of our own\r\n\r\n" + string.Join("\r\n", TinyBaseline.Split('\n').Reverse()) + "\r\n   \r\n";
        Assert.Empty(Run(Tiny, shuffled));
    }

    [Fact]
    public void Facts_split_between_shipped_and_unshipped_are_silent()
    {
        Assert.Empty(Run(Tiny, Header + TinyNoneLines, Header + TinyDebugLines));
        Assert.Empty(Run(Tiny, null, TinyBaseline));
    }

    // -----------------------------------------------------------------------------------------------------------
    // PTE201

    [Fact]
    public void An_owner_change_is_PTE201_at_the_claim_that_owns_the_bit_now()
    {
        var changed = Tiny.Replace("[GuestAvailable(62, When = \"!Debug\")]", "[XenReserved(62, When = \"!Debug\")]", StringComparison.Ordinal);
        var diagnostics = BaselineHarness.Analyze(changed, TinyBaseline, null);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PTE201", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("bit 62 of 'Tiny' under None: GuestAvailable in PteAbi.Shipped.txt, XenReserved now", diagnostic.GetMessage());
        Assert.Equal("XenReserved(62, When = \"!Debug\")", BaselineHarness.LocatedText(diagnostic, changed));
    }

    [Fact]
    public void A_change_of_bits_is_PTE201_for_each_run_of_bits()
    {
        var changed = Tiny.Replace(
            "[GuestAvailable(52, 61)] public partial ushort Software { get; }",
            "[GuestAvailable(52, 60)] public partial ushort Software { get; }\n    [GuestAvailable(61)] public partial bool Extra { get; }",
            StringComparison.Ordinal);

        Assert.Equal(
            new[]
            {
                "PTE201: bits 52-60 of 'Tiny' under Debug: field Software [52-61] in PteAbi.Shipped.txt, field Software [52-60] now",
                "PTE201: bits 52-60 of 'Tiny' under None: field Software [52-61] in PteAbi.Shipped.txt, field Software [52-60] now",
                "PTE201: bit 61 of 'Tiny' under Debug: field Software [52-61] in PteAbi.Shipped.txt, field Extra [61] now",
                "PTE201: bit 61 of 'Tiny' under None: field Software [52-61] in PteAbi.Shipped.txt, field Extra [61] now",
            },
            Run(changed, TinyBaseline));
    }

    [Fact]
    public void A_role_change_is_PTE201_naming_both_roles()
    {
        var changed = Tiny.Replace("[Hardware(0, Role = PteRole.Present)]", "[Hardware(0)]", StringComparison.Ordinal);
        Assert.Equal(
            new[]
            {
                "PTE201: bit 0 of 'Tiny' under Debug: role Present in PteAbi.Shipped.txt, role None now",
                "PTE201: bit 0 of 'Tiny' under None: role Present in PteAbi.Shipped.txt, role None now",
            },
            Run(changed, TinyBaseline));
    }

    [Fact]
    public void A_condition_change_is_PTE201_even_when_the_owners_stay()
    {
        var changed = Tiny.Replace("[GuestAvailable(52, 61)]", "[GuestAvailable(52, 61, When = \"Debug || !Debug\")]", StringComparison.Ordinal);
        Assert.Equal(
            new[]
            {
                "PTE201: bits 52-61 of 'Tiny' under Debug: when always in PteAbi.Shipped.txt, when Debug || !Debug now",
                "PTE201: bits 52-61 of 'Tiny' under None: when always in PteAbi.Shipped.txt, when Debug || !Debug now",
            },
            Run(changed, TinyBaseline));
    }

    [Fact]
    public void The_same_condition_written_otherwise_is_no_change()
    {
        // The baseline holds the canonical condition, so repeats do not count as a change.
        var rewritten = Tiny.Replace("When = \"!Debug\"", "When = \"!Debug && !Debug\"", StringComparison.Ordinal);
        Assert.Empty(Run(rewritten, TinyBaseline));
    }

    [Fact]
    public void A_guest_rule_change_is_PTE201()
    {
        var changed = Tiny.Replace("[XenReserved(62, When = \"Debug\")]", "[XenReserved(62, When = \"Debug\", GuestWrite = GuestWrite.Allowed)]", StringComparison.Ordinal);
        Assert.Equal(
            new[] { "PTE201: bit 62 of 'Tiny' under Debug: guest refused in PteAbi.Shipped.txt, guest allowed now" },
            Run(changed, TinyBaseline));
    }

    [Fact]
    public void A_configuration_that_is_no_longer_valid_is_PTE201_at_the_layout_attribute()
    {
        var shipped = TinyBaseline + TinyNoneLines.Replace(" under None:", " under Verbose:", StringComparison.Ordinal);
        var diagnostic = Assert.Single(BaselineHarness.Analyze(Tiny, shipped, null));
        Assert.Equal("'Tiny' under Verbose: in PteAbi.Shipped.txt, no longer a valid configuration", diagnostic.GetMessage());
        Assert.Equal("PteLayout(typeof(Mode))", BaselineHarness.LocatedText(diagnostic, Tiny));
    }

    [Fact]
    public void A_layout_that_is_gone_is_PTE201_at_its_first_shipped_line()
    {
        var gone = "Abi.Tests.Gone under None: [00-63] Value Hardware role=None guest=allowed when=always\n";
        var shipped = TinyBaseline + gone;
        var diagnostic = Assert.Single(BaselineHarness.Analyze(Tiny, shipped, null));
        Assert.Equal("'Abi.Tests.Gone' is in PteAbi.Shipped.txt, but no layout of that name exists now: it was removed or renamed", diagnostic.GetMessage());
        Assert.Equal(BaselineHarness.ShippedPath, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(gone.TrimEnd('\n'), BaselineHarness.LocatedText(diagnostic, Tiny, shipped));
        Assert.Equal(11, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void A_layout_with_errors_is_left_out_and_never_reported_as_changed()
    {
        // Two owners for bit 0 (PTE010): the layout's error is reported, not a break, though the file no longer matches.
        var broken = Tiny.Replace("[Hardware(1, 51)]", "[Hardware(0, 51)]", StringComparison.Ordinal);
        var diagnostics = BaselineHarness.Analyze(broken, TinyBaseline, Header + TinyNoneLines.Replace("Spare", "Ghost", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Id == "PTE010");
        Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("PTE2", StringComparison.Ordinal));
    }

    // -----------------------------------------------------------------------------------------------------------
    // PTE202

    [Fact]
    public void A_new_configuration_is_one_PTE202_at_the_layout_attribute_with_the_facts()
    {
        var diagnostic = Assert.Single(BaselineHarness.Analyze(Tiny, Header + TinyNoneLines, null));
        Assert.Equal("PTE202", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(
            "'Tiny' has 5 ABI facts under Debug that are in neither PteAbi.Shipped.txt nor PteAbi.Unshipped.txt; add them to PteAbi.Unshipped.txt",
            diagnostic.GetMessage());
        Assert.Equal("PteLayout(typeof(Mode))", BaselineHarness.LocatedText(diagnostic, Tiny));
        Assert.Equal(TinyDebugLines.TrimEnd('\n'), diagnostic.Properties["PteAbiFacts"]);
    }

    [Fact]
    public void A_new_layout_is_PTE202_and_an_accepted_one_is_silent()
    {
        var twoLayouts = Tiny + """

            [PteLayout]
            public readonly partial struct Whole
            {
                [Hardware(0, 63)] public partial ulong Value { get; }
            }
            """;
        var diagnostic = Assert.Single(BaselineHarness.Analyze(twoLayouts, TinyBaseline, null));
        Assert.Equal(
            "'Whole' has 1 ABI fact under None that is in neither PteAbi.Shipped.txt nor PteAbi.Unshipped.txt; add it to PteAbi.Unshipped.txt",
            diagnostic.GetMessage());

        var accepted = Header + "Abi.Tests.Whole under None: [00-63] Value Hardware role=None guest=allowed when=always\n";
        Assert.Empty(Run(twoLayouts, TinyBaseline, accepted));
    }

    [Fact]
    public void Many_configurations_are_named_up_to_six()
    {
        var source = """
            using PteGen;

            namespace Abi.Tests;

            [PteSwitches]
            [System.Flags]
            public enum Four { None = 0, A = 1, B = 2, C = 4, D = 8 }

            [PteLayout(typeof(Four))]
            public readonly partial struct Wide
            {
                [Hardware(0, 63)] public partial ulong Value { get; }
            }
            """;
        var diagnostic = Assert.Single(BaselineHarness.Analyze(source, Header, null));
        Assert.Equal(
            "'Wide' has 16 ABI facts under None, A, B, A|B, C, A|C and 10 more configurations that are in neither PteAbi.Shipped.txt nor PteAbi.Unshipped.txt; add them to PteAbi.Unshipped.txt",
            diagnostic.GetMessage());
        Assert.Equal(16, diagnostic.Properties["PteAbiFacts"]!.Split('\n').Length);
    }

    [Fact]
    public void Many_layouts_get_one_PTE202_each()
    {
        var layouts = string.Concat(Enumerable.Range(0, 150).Select(index => $$"""

            [PteLayout]
            public readonly partial struct Entry{{index}}
            {
                [Hardware(0, 62)] public partial ulong Value { get; }
                [GuestAvailable(63)] public partial bool Mark { get; }
            }
            """));
        var diagnostics = BaselineHarness.Analyze("using PteGen;\nnamespace Abi.Many;\n" + layouts, Header, null);
        Assert.Equal(150, diagnostics.Length);
        Assert.All(diagnostics, d => Assert.Equal("PTE202", d.Id));
        Assert.Equal(150, diagnostics.Select(d => d.GetMessage()).Distinct().Count());
    }

    // -----------------------------------------------------------------------------------------------------------
    // PTE203

    [Fact]
    public void An_unshipped_line_that_matches_nothing_is_PTE203_on_that_line()
    {
        var stale = "Abi.Tests.Tiny under None: [62] Ghost GuestAvailable role=None guest=allowed when=!Debug";
        var unshipped = Header + stale + "\n";
        var diagnostic = Assert.Single(BaselineHarness.Analyze(Tiny, TinyBaseline, unshipped));
        Assert.Equal("PTE203", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal($"'{stale}' is in PteAbi.Unshipped.txt, but no claim of the layouts matches it; remove the line", diagnostic.GetMessage());
        Assert.Equal(BaselineHarness.UnshippedPath, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(1, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(stale, BaselineHarness.LocatedText(diagnostic, Tiny, TinyBaseline, unshipped));
    }

    [Fact]
    public void An_unshipped_line_that_is_also_shipped_and_current_is_silent()
    {
        Assert.Empty(Run(Tiny, TinyBaseline, Header + TinyNoneLines));
    }

    // -----------------------------------------------------------------------------------------------------------
    // PTE204

    [Fact]
    public void A_line_that_is_not_a_fact_is_PTE204_on_that_line()
    {
        var shipped = TinyBaseline + "Abi.Tests.Tiny under None: [9] Spare GuestAvailable role=None guest=allowed when=always\n";
        var diagnostic = Assert.Single(BaselineHarness.Analyze(Tiny, shipped, null));
        Assert.Equal("PTE204", diagnostic.Id);
        Assert.Equal(
            "Line 12 of PteAbi.Shipped.txt is not an ABI fact: the bits are not written as [NN] or [NN-MM] with 0 <= NN < MM <= 63",
            diagnostic.GetMessage());
        Assert.Equal(11, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void A_fact_not_in_canonical_form_is_PTE204_saying_how_to_write_it()
    {
        var unshipped = "Abi.Tests.Tiny under None: [62] Spare GuestAvailable role=None guest=allowed when=!Debug    \n"
            + "Abi.Tests.Tiny  under None: [62] Spare GuestAvailable role=None guest=allowed when=!Debug\n";
        var diagnostic = Assert.Single(BaselineHarness.Analyze(Tiny, TinyBaseline, unshipped));
        Assert.Equal("PTE204", diagnostic.Id);
        Assert.StartsWith("Line 2 of PteAbi.Unshipped.txt is not an ABI fact: ", diagnostic.GetMessage(), StringComparison.Ordinal);
    }
}
