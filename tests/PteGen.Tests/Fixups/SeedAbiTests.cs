using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using XenPv.Abis;

namespace PteGen.Tests.Fixups;

/// <summary>
/// Two of the ABIs proposed on xen-devel in 2016 (`docs/xen-pv-abi.md` §5). "All software bits guest-available;
/// Xen's bits only under an expert debug switch", as the proposal wrote it, hides the kernel marker outside
/// <c>PvPteDebug</c>, so <c>adjust_guest_l1e</c> cannot be expressed there: PteGen must say so with PTE021 at the kernel
/// marker's claim. The sample's compiling variant (ExpertDebugL1e) and the per-domain ABI (NegotiatedL1e) have no error,
/// and ExpertDebugL1e's fixup is Xen's.
/// </summary>
public sealed class SeedAbiTests
{
    private const string GuestKernelClaim = """XenReserved(52, When = "PvPteDebug", Role = PteRole.GuestKernel)""";

    /// <summary>
    /// The proposal as written, derived from the sample's compiling variant: bit 52 is Xen's under the expert switch only
    /// (and the guest's otherwise), as bit 62 is. Renamed, so that the messages name the proposal, not the sample.
    /// </summary>
    private static readonly SampleText AsProposed = SampleSource.ExpertDebugL1e
        .Replace("public readonly partial struct ExpertDebugL1e", "public readonly partial struct AllSoftwareBitsL1e")
        .Replace(
            "[XenReserved(52, Role = PteRole.GuestKernel, GuestWrite = GuestWrite.Allowed)] public partial bool GuestKernel { get; }",
            $$"""
            [{{GuestKernelClaim}}] public partial bool GuestKernel { get; }
                [GuestAvailable(52, When = "!PvPteDebug")] public partial bool Software52 { get; }
            """);

    [Fact]
    public void TheProposalAsWrittenIsExactlyPte021AtTheKernelMarkersClaim()
    {
        var outcome = TestCompilation.Run(AsProposed);

        var reported = outcome.AnalyzerDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        var diagnostic = Assert.Single(reported);
        Assert.Equal("PTE021", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);

        // Located at the attribute of the GuestKernel claim.
        Assert.True(diagnostic.Location.IsInSource, outcome.Describe());
        var located = diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);
        Assert.Equal(GuestKernelClaim, located);

        // The message names the fixup, the configurations where it cannot be expressed, and the missing role.
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("AdjustGuestL1e", message);
        Assert.Contains("AllSoftwareBitsL1e", message);
        Assert.Matches(new Regex(@"\bNone\b"), message);
        Assert.Matches(new Regex(@"\bPke\b"), message);
        Assert.Contains("GuestKernel", message);
        Assert.DoesNotContain("PvPteDebug", message); // the kernel marker exists there
        Assert.Equal(
            "AdjustGuestL1e of 'AllSoftwareBitsL1e' cannot be expressed under configurations None, Pke, Debug, Pke|Debug: no claim holds role GuestKernel (the kernel marker): without it the last step of adjust_guest_l1e, which adds Global to user mappings only, cannot tell a kernel mapping from a user one",
            message); // Quoted in the README.

        // PteGen generates no code for the invalid layout that would fail to compile.
        Assert.Empty(outcome.GeneratedFileErrors);
    }

    [Fact]
    public void TheProposalWithTheKernelMarkerKeptIsAccepted()
    {
        // The same source with bit 52 Xen's in every configuration (the sample's ExpertDebugL1e): no diagnostic.
        var kept = AsProposed
            .Replace(GuestKernelClaim, "XenReserved(52, Role = PteRole.GuestKernel)")
            .Remove("""[GuestAvailable(52, When = "!PvPteDebug")] public partial bool Software52 { get; }""");
        var outcome = TestCompilation.Run(kept);
        Assert.Empty(outcome.AnalyzerDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Empty(outcome.CompilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Contains(outcome.Generated.Values, source => source.Contains("public static AllSoftwareBitsL1e AdjustGuestL1e(", StringComparison.Ordinal));
    }

    [Fact]
    public void TheSamplesExpertDebugL1eHasNoErrorAndGetsTheFixup()
    {
        var outcome = TestCompilation.Run(SampleSource.ExpertDebugL1e);
        Assert.True(outcome.AnalyzerDiagnostics.All(d => d.Severity < DiagnosticSeverity.Warning), outcome.Describe());
        Assert.True(outcome.CompilerDiagnostics.All(d => d.Severity != DiagnosticSeverity.Error), outcome.Describe());
        // Generated lines are wrapped at 140 characters: the declarations are compared without their line breaks.
        var generated = System.Text.RegularExpressions.Regex.Replace(string.Concat(outcome.Generated.Values), @"\s+", " ");
        Assert.Contains("public static ExpertDebugL1e AdjustGuestL1e(ExpertDebugL1e entry, global::PteGen.PvDomainKind kind)", generated, StringComparison.Ordinal);
        Assert.Contains("public static ExpertDebugL1e AdjustGuestL1e(ExpertDebugL1e entry, global::PteGen.PvDomainKind kind, global::XenPv.Abis.ExpertConfig configuration)", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSamplesNegotiatedL1eHasNoError()
    {
        var outcome = TestCompilation.Run(SampleSource.XenConfig, SampleSource.NegotiatedL1e);
        Assert.True(outcome.AnalyzerDiagnostics.All(d => d.Severity < DiagnosticSeverity.Warning), outcome.Describe());
        Assert.True(outcome.CompilerDiagnostics.All(d => d.Severity != DiagnosticSeverity.Error), outcome.Describe());
        var generated = string.Concat(outcome.Generated.Values);
        Assert.Contains("public static Negotiation Negotiate(ulong guestUnusedBits, global::XenPv.XenConfig configuration)", generated, StringComparison.Ordinal);
        Assert.Contains("public static NegotiatedL1e AdjustGuestL1e(NegotiatedL1e entry, global::PteGen.PvDomainKind kind, in Negotiation domain)", generated, StringComparison.Ordinal);
    }

    public static TheoryData<int, ExpertConfig> RowsAndExpertConfigurations()
    {
        var data = new TheoryData<int, ExpertConfig>();
        foreach (var row in AdjustGuestL1eTableTests.Table)
        {
            foreach (var configuration in new[] { ExpertConfig.None, ExpertConfig.PvPteDebug, ExpertConfig.Pke })
            {
                data.Add(row.Number, configuration);
            }
        }

        return data;
    }

    /// <summary>ExpertDebugL1e's fixup (run-time and constant forms, scalar and batch) follows Xen's truth table.</summary>
    [Theory]
    [MemberData(nameof(RowsAndExpertConfigurations))]
    public void ExpertDebugL1eBehavesLikeXensFixup(int number, ExpertConfig configuration)
    {
        var row = AdjustGuestL1eTableTests.Table.Single(r => r.Number == number);
        var inputs = AdjustGuestL1eTableTests.Backgrounds.Select(background => background | row.Input).ToArray();
        var expected = AdjustGuestL1eTableTests.Backgrounds.Select(background => background | row.Output).ToArray();

        Assert.Equal(expected, inputs.Select(raw => ExpertDebugL1e.AdjustGuestL1e(new ExpertDebugL1e(raw), row.Kind, configuration).Raw));
        Assert.Equal(expected, inputs.Select(raw => ExpertDebugL1e.AdjustGuestL1e(new ExpertDebugL1e(raw), row.Kind).Raw));

        var runtime = inputs.Select(raw => new ExpertDebugL1e(raw)).ToArray();
        ExpertDebugL1e.AdjustGuestL1e(runtime.AsSpan(), row.Kind, configuration);
        Assert.Equal(expected, runtime.Select(entry => entry.Raw));

        var constant = inputs.Select(raw => new ExpertDebugL1e(raw)).ToArray();
        ExpertDebugL1e.AdjustGuestL1e(constant.AsSpan(), row.Kind);
        Assert.Equal(expected, constant.Select(entry => entry.Raw));
    }

    [Fact]
    public void ExpertDebugL1eKeepsBit52AndFreesBit62OutsidePvPteDebug()
    {
        // The price of a working fixup: the kernel marker stays Xen's in every configuration; bit 62 is the guest's in None.
        foreach (var configuration in new[] { ExpertConfig.None, ExpertConfig.PvPteDebug, ExpertConfig.Pke })
        {
            Assert.Equal(Bits.GuestKernel, ExpertDebugL1e.XenReservedBits(configuration) & Bits.GuestKernel);
        }

        Assert.Equal(Bits.Bit62, ExpertDebugL1e.GuestAvailableBits(ExpertConfig.None) & Bits.Bit62);
        Assert.Equal(Bits.Bit62, ExpertDebugL1e.XenReservedBits(ExpertConfig.PvPteDebug) & Bits.Bit62);
        Assert.Equal(Bits.Bit62, ExpertDebugL1e.HardwareBits(ExpertConfig.Pke) & Bits.Bit62);
    }
}
