using System.Globalization;
using Microsoft.CodeAnalysis;
using PteGen.Tests.Infrastructure;
using static PteGen.Tests.Diagnostics.DiagnosticAssert;

namespace PteGen.Tests.Fixups;

/// <summary>
/// PTE025 (docs/diagnostics/PTE025.md): the kernel marker is a role <c>AdjustGuestL1e</c> reads and writes in every domain,
/// so it may not be held by an <c>Optional</c> claim, which negotiation switches off when no bit is left. Each finding
/// has a twin that must stay silent: the same claim required, an optional claim without a fixup role, and a layout that
/// gets no fixup.
/// </summary>
public sealed class OptionalFixupRoleTests
{
    private const string Switches = """
        using System;
        using PteGen;

        namespace Test;

        [PteSwitches]
        [Flags]
        public enum Build { None = 0, Debug = 1 }


        """;

    /// <summary>An L1 layout whose bit 52 is declared by <paramref name="kernelClaims"/> and bit 62 by <paramref name="bit62"/>.</summary>
    private static string Layout(string kernelClaims, string bit62 = "[GuestAvailable(62)] public partial bool Software62 { get; }", string attribute = "[PteLayout(typeof(Build), Level = 1)]") =>
        Switches + attribute + "\npublic readonly partial struct L1e\n{\n" + $$"""
                [Hardware(0, Role = PteRole.Present)] public partial bool Present { get; }
                [Hardware(1, Role = PteRole.Writable)] public partial bool Writable { get; }
                [Hardware(2, Role = PteRole.User)] public partial bool User { get; }
                [Hardware(3, 7)] public partial byte Caching { get; }
                [Hardware(8, Role = PteRole.Global)] public partial bool Global { get; }
                [GuestAvailable(9, 11)] public partial byte Available { get; }
                [Hardware(12, 51, Role = PteRole.Frame)] public partial ulong Frame { get; }
            {{kernelClaims}}
                [GuestAvailable(53, 61)] public partial ushort Software { get; }
                {{bit62}}
                [Hardware(63, Role = PteRole.NoExecute)] public partial bool NoExecute { get; }
            }

            """;

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
        Assert.DoesNotContain("AdjustGuestL1e", generated);
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
        AssertValid(Layout(
            "    [XenReserved(52, Role = PteRole.GuestKernel, Relocatable = true)] public partial bool GuestKernel { get; }",
            "[XenReserved(62, Role = PteRole.GrantMapping, Relocatable = true, Optional = true)] public partial bool GrantMapping { get; }"));

    /// <summary>Without a fixup (opted out), an optional kernel marker moves nothing the generated code depends on.</summary>
    [Fact]
    public void AnOptionalKernelMarkerOfALayoutWithoutAFixupIsAccepted() =>
        AssertValid(Layout(
            "    [XenReserved(52, Role = PteRole.GuestKernel, Relocatable = true, Optional = true)] public partial bool GuestKernel { get; }",
            attribute: "[PteLayout(typeof(Build), Level = 1, AdjustGuest = false)]"),
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
        Assert.Equal(hasFixup, generated.Contains("public static L1e AdjustGuestL1e(", StringComparison.Ordinal));
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
