extern alias Generators;

using Microsoft.CodeAnalysis;
using static PteGen.Tests.Infrastructure.UsageHarness;
using GuestUsageAnalyzer = Generators::PteGen.Generators.Usage.GuestUsageAnalyzer;

namespace PteGen.Tests.Usage;

/// <summary>
/// PTE103 (reading a Xen-reserved bit; Info, off by default) and PTE104 (raw arithmetic that a generated accessor
/// expresses; Info, with the replacement in the <c>Replacement</c> property).
/// </summary>
public sealed class ReadAndAccessorTests
{
    private static readonly UsageSettings Reads = new(EnableReads: true);

    private const string KernelRead = "Guest code reads bit 52 of 'L1e': Xen reserves bit 52 (GuestKernel) in every configuration (None, Debug, Pke)";

    [Theory]
    [InlineData("return [|e.GuestKernel|];")]
    [InlineData("if ([|e.GuestKernel|]) { return 1; } return 0;")]
    [InlineData("return ([|e.Raw & L1e.GuestKernelMask|]) != 0;")]
    [InlineData("return ([|e.Raw & L1e.GuestKernelMask|]) == 0;")]
    [InlineData("return ([|e.Raw & (1UL << 52)|]) != 0 ? \"kernel\" : \"user\";")]
    [InlineData("var raw = e.Raw; return ([|raw & L1e.GuestKernelMask|]) != 0;")]
    public void ReadingTheKernelBitIsReportedWhenEnabled(string body)
    {
        var run = Run(Body(body), Reads);
        var diagnostic = run.ExpectSingle("PTE103", KernelRead);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        run.ExpectNone("PTE101");
    }

    [Fact]
    public void ReadingTheGrantBitNamesDebug()
    {
        Run(Body("return [|e.GrantMapping|];"), Reads)
            .ExpectSingle("PTE103", "Guest code reads bit 62 of 'L1e': Xen reserves bit 62 (GrantMapping) under configuration Debug");
    }

    [Theory]
    [InlineData("return e.Present;")]
    [InlineData("return e.Available + e.AvailableHigh;")]
    [InlineData("return (e.Raw & L1e.PresentMask) != 0;")]
    [InlineData("return e.Raw & 0xFFF;")]
    [InlineData("return nameof(e.GuestKernel);")]
    [InlineData("return L1e.GuestKernelMask;")]
    public void ReadingOtherBitsIsNotReported(string body)
    {
        Run(Body(body), Reads).ExpectNone("PTE103");
    }

    [Fact]
    public void ReadsAreOffByDefault()
    {
        Run(Body("return e.GuestKernel || (e.Raw & L1e.GuestKernelMask) != 0;")).ExpectNone("PTE103");
    }

    [Theory]
    [InlineData("return [|new L1e(e.Raw | L1e.PresentMask)|];", "e.WithPresent(true)")]
    [InlineData("return [|new L1e(e.Raw & ~L1e.DirtyMask)|];", "e.WithDirty(false)")]
    [InlineData("return [|(e.Raw & L1e.DirtyMask) != 0|];", "e.Dirty")]
    [InlineData("return [|(e.Raw & L1e.DirtyMask) == 0|];", "!e.Dirty")]
    [InlineData("return [|0 != (L1e.AccessedMask & e.Raw)|];", "e.Accessed")]
    [InlineData("return [|new L1e(table[i].Raw | (1UL << 8))|];", "table[i].WithGlobal(true)")]
    [InlineData("return [|new L1e(_entry.Raw & ~L1e.NoExecuteMask)|];", "_entry.WithNoExecute(false)")]
    [InlineData("L1e entry = [|new(e.Raw | L1e.UserMask)|]; return entry;", "e.WithUser(true)")]
    [InlineData("return [|new L1e((i > 0 ? e : _entry).Raw | L1e.PresentMask)|];", "(i > 0 ? e : _entry).WithPresent(true)")]
    public void RawArithmeticWithAnAccessorGetsASuggestion(string body, string replacement)
    {
        var run = Run(Body(body));
        var diagnostic = run.ExpectSingle("PTE104", $"Use '{replacement}' instead of raw arithmetic on 'L1e.Raw'");
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Equal(replacement, diagnostic.Properties[GuestUsageAnalyzer.ReplacementProperty]);
    }

    [Fact]
    public void TheSuggestionComesWithTheWriteWhenTheAccessorIsXens()
    {
        var run = Run(Body("return [|new L1e(e.Raw | L1e.GuestKernelMask)|];"));
        run.ExpectSingle("PTE104", "Use 'e.WithGuestKernel(true)' instead of raw arithmetic on 'L1e.Raw'");
        Assert.Single(run.Of("PTE101"));
    }

    [Theory]
    [InlineData("return new L1e(e.Raw | (L1e.PresentMask | L1e.WritableMask));")] // two bits: no single accessor
    [InlineData("return new L1e(e.Raw & ~(L1e.PresentMask | L1e.DirtyMask));")]
    [InlineData("return (e.Raw & (L1e.DirtyMask | L1e.AccessedMask)) != 0;")]
    [InlineData("return new L1e(e.Raw | L1e.AvailableMask);")] // a three-bit field
    [InlineData("return (e.Raw & L1e.AvailableMask) != 0;")]
    [InlineData("return new L1e(e.Raw ^ L1e.DirtyMask);")] // toggling has no one-call accessor
    [InlineData("return (e.Raw & L1e.DirtyMask) == L1e.DirtyMask;")]
    [InlineData("return (e.Raw & L1e.DirtyMask) != 1;")]
    [InlineData("return (y & L1e.DirtyMask) != 0;")] // not an entry's raw bits
    [InlineData("return new L1e(y | L1e.PresentMask);")]
    [InlineData("var raw = e.Raw | L1e.PresentMask; return raw;")] // no entry is built
    [InlineData("return e.Raw & L1e.DirtyMask;")]
    public void NoSuggestionWithoutAOneBitAccessor(string body)
    {
        Run(Body(body)).ExpectNone("PTE104");
    }
}
