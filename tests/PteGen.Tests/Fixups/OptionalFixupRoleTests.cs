using System.Globalization;
using Microsoft.CodeAnalysis;
using PteGen.Tests.Infrastructure;
using static PteGen.Tests.Infrastructure.DiagnosticAssert;

namespace PteGen.Tests.Fixups;

/// <summary>
/// PTE025 (docs/diagnostics/PTE025.md): the kernel marker is a role <c>AdjustGuestL1e</c> reads and writes in every domain,
/// so it may not be held by an <c>Optional</c> claim, which negotiation switches off when no bit is left. Each finding
/// has a twin that must stay silent: the same claim required, an optional claim without a fixup role, and a layout that
/// gets no fixup.
/// </summary>
public sealed class OptionalFixupRoleTests
{
    /// <summary>The sample's kernel marker: bit 52, required, at a fixed bit.</summary>
    private const string SampleKernelClaim = """
            [XenReserved(52, Role = PteRole.GuestKernel, GuestWrite = GuestWrite.Allowed)]
            public partial bool GuestKernel { get; }
        """;

    /// <summary>The Xen sample's L1 entry (<see cref="SampleSource.XenL1e"/>) with bit 52 declared by <paramref name="kernelClaims"/>.</summary>
    private static SampleText Layout(string kernelClaims) => SampleSource.XenL1e.Replace(SampleKernelClaim, kernelClaims);

    [Fact]
    public void AnOptionalKernelMarkerIsReportedAtItsAttributeNamingTheBitTheOwnerAndTheRole()
    {
        var message = ReportsOnlyAndCompiles("PTE025", Layout(
            "    [[|XenReserved(52, Role = PteRole.GuestKernel, Relocatable = true, Optional = true)|]] public partial bool GuestKernel { get; }"));
        Assert.Equal(
            "AdjustGuestL1e of 'L1e' needs role GuestKernel in every domain, but 'GuestKernel' (XenReserved bit 52) is Optional: negotiation switches it off when no bit is left, and the fixup would then have no bit for the role; make the claim required, so that such a negotiation fails instead",
            message);
    }

    [Fact]
    public void AnOptionalKernelMarkerOfOneConfigurationIsReportedNamingItsCondition()
    {
        var message = ReportsOnlyAndCompiles("PTE025", Layout("""
                [[|XenReserved(52, Role = PteRole.GuestKernel, Relocatable = true, Optional = true, When = "Debug")|]] public partial bool DebugKernel { get; }
                [XenReserved(52, Role = PteRole.GuestKernel, When = "!Debug")] public partial bool Kernel { get; }
            """));
        Assert.Equal(
            "AdjustGuestL1e of 'L1e' needs role GuestKernel in every domain, but 'DebugKernel' (XenReserved bit 52, when Debug) is Optional: negotiation switches it off when no bit is left, and the fixup would then have no bit for the role; make the claim required, so that such a negotiation fails instead",
            message);
    }

    [Fact]
    public void TheLayoutGetsOnlyPlaceholderBodies()
    {
        var outcome = TestCompilation.Run(Layout(
            "    [XenReserved(52, Role = PteRole.GuestKernel, Relocatable = true, Optional = true)] public partial bool GuestKernel { get; }"));
        var generated = Assert.Single(outcome.Generated.Values);
        Assert.Contains("Placeholder bodies", generated);
        GeneratedAssert.NoMember(generated, "AdjustGuestL1e");
        Assert.Empty(outcome.GeneratedFileErrors);
    }

    /// <summary>The twins: a required kernel marker, relocatable or not, conditional or not, is accepted and compiles.</summary>
    [Theory]
    [InlineData("    [XenReserved(52, Role = PteRole.GuestKernel, Relocatable = true)] public partial bool GuestKernel { get; }")]
    [InlineData("    [XenReserved(52, Role = PteRole.GuestKernel, Relocatable = true, Optional = false)] public partial bool GuestKernel { get; }")]
    [InlineData("""
            [XenReserved(52, Role = PteRole.GuestKernel, Relocatable = true, When = "Debug")] public partial bool DebugKernel { get; }
            [XenReserved(52, Role = PteRole.GuestKernel, When = "!Debug")] public partial bool Kernel { get; }
        """)]
    public void ARequiredKernelMarkerIsAccepted(string kernelClaims) => AssertValid(Layout(kernelClaims));

    /// <summary>An optional claim is fine when no fixup needs its role: the debug grant marker.</summary>
    [Fact]
    public void AnOptionalGrantMarkerIsAccepted() =>
        AssertValid(Layout("    [XenReserved(52, Role = PteRole.GuestKernel, Relocatable = true)] public partial bool GuestKernel { get; }").Replace(
            "[XenReserved(62, When = \"Debug\", Role = PteRole.GrantMapping)]",
            "[XenReserved(62, When = \"Debug\", Role = PteRole.GrantMapping, Relocatable = true, Optional = true)]"));

    /// <summary>
    /// Without a fixup (opted out), an optional kernel marker moves nothing the generated code depends on. The layout
    /// then has no hook either, so the sample's implementation of it goes too.
    /// </summary>
    [Fact]
    public void AnOptionalKernelMarkerOfALayoutWithoutAFixupIsAccepted() =>
        AssertValid(
            Layout("    [XenReserved(52, Role = PteRole.GuestKernel, Relocatable = true, Optional = true)] public partial bool GuestKernel { get; }")
                .Replace("[PteLayout(typeof(XenConfig), Level = 1)]", "[PteLayout(typeof(XenConfig), Level = 1, AdjustGuest = false)]")
                .Remove("    static partial void OnGlobalKernelPage(L1e entry) => GlobalKernelPageWarning?.Invoke(entry);\n"),
            hasFixup: false);

    /// <summary>The page's example produces the message it quotes, and its fix is clean (as for every layout page).</summary>
    [Fact]
    public void ThePageExampleProducesTheQuotedMessageAndTheFixIsClean()
    {
        const string prelude = "using System;\nusing PteGen;\n\n";
        var page = File.ReadAllText(Path.Combine(Repository.Root, "docs", "diagnostics", "PTE025.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var examples = FencedBlocks(page, "csharp");
        Assert.Equal(2, examples.Count);
        var quoted = FencedBlocks(page, "text").SelectMany(block => block.Split('\n')).Where(line => line.StartsWith("error PTE025: ", StringComparison.Ordinal)).ToList();
        var expected = Assert.Single(quoted)["error PTE025: ".Length..];

        var example = TestCompilation.Run(prelude + examples[0]);
        var diagnostic = Assert.Single(example.AnalyzerDiagnostics);
        Assert.Equal("PTE025", diagnostic.Id);
        Assert.Equal(expected, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Empty(example.GeneratedFileErrors);

        AssertValid(prelude + examples[1]);
    }

    /// <summary>No diagnostic at all, and the layout is generated in full: with its fixup, unless it opts out.</summary>
    private static void AssertValid(string source, bool hasFixup = true)
    {
        var outcome = TestCompilation.Run(source);
        Assert.True(outcome.AnalyzerDiagnostics.IsEmpty && outcome.CompilerDiagnostics.All(d => d.Severity < DiagnosticSeverity.Warning), outcome.Describe());
        var generated = Assert.Single(outcome.Generated.Values);
        Assert.DoesNotContain("Placeholder bodies", generated);
        // The fixup of one entry, among the overloads for tables and batches.
        var fixups = GeneratedAssert.Members(generated, "AdjustGuestL1e");
        Assert.Equal(hasFixup, fixups.Any(fixup => fixup.Contains("public static L1e AdjustGuestL1e(L1e ", StringComparison.Ordinal)));
    }

    private static List<string> FencedBlocks(string markdown, string language)
    {
        var blocks = new List<string>();
        var lines = markdown.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            if (lines[index].Trim() != "```" + language)
            {
                continue;
            }

            var block = new List<string>();
            for (index++; index < lines.Length && lines[index].Trim() != "```"; index++)
            {
                block.Add(lines[index]);
            }

            blocks.Add(string.Join("\n", block) + "\n");
        }

        return blocks;
    }
}
