using System.Globalization;
using static PteGen.Tests.Infrastructure.UsageHarness;

namespace PteGen.Tests.Usage;

/// <summary>
/// Who is a guest (docs/xen-pv-abi.md §6): a project that declares a layout is the hypervisor side (it sets Xen's bits by
/// design) unless <c>PteGenRole=Guest</c>; a project that only references layouts, read from metadata, is a guest
/// unless <c>PteGenRole=Hypervisor</c>.
/// </summary>
public sealed class RoleTests
{
    private static readonly string Violations = Members("""
            [GuestSoftwareBits(typeof(L1e))]
            public const ulong [|Pinned = 1UL << 62|];

            public L1e Mark(L1e e) => [|e.WithGuestKernel(true)|];

            public L1e Strip(L1e e) => new L1e([|e.Raw & ~L1e.GuestKernelMask|]);
        """);

    private static void AssertGuestFindings(GuestRun run)
    {
        var ids = run.Diagnostics.Where(d => d.Id is "PTE101" or "PTE102").OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.Equal(["PTE102", "PTE101", "PTE101"], ids.Select(d => d.Id));
        Assert.Equal(run.Source.Spans, ids.Select(d => d.Location.SourceSpan));
        Assert.All(ids, d => Assert.Equal(GuestPath, d.Location.SourceTree?.FilePath));
        Assert.Equal(
            "Guest code clears bit 52 of 'L1e': Xen reserves bit 52 (GuestKernel) in every configuration (None, Debug, Pke)",
            ids[2].GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void AProjectThatOnlyReferencesLayoutsIsAGuest_LayoutsReadFromMetadata()
    {
        var run = Run(Violations);
        Assert.DoesNotContain(run.Compilation.SyntaxTrees, t => t.ToString().Contains("PteLayout", StringComparison.Ordinal));
        AssertGuestFindings(run);
    }

    [Fact]
    public void AReferencingProjectWithRoleGuestIsAGuest()
    {
        AssertGuestFindings(Run(Violations, new UsageSettings(Role: "Guest")));
    }

    [Fact]
    public void AReferencingProjectWithRoleHypervisorIsNotChecked()
    {
        Run(Violations, new UsageSettings(Role: "Hypervisor", EnableReads: true)).ExpectNone("PTE101", "PTE102", "PTE103", "PTE104");
    }

    [Fact]
    public void AProjectThatDeclaresALayoutIsTheHypervisorSide()
    {
        var run = RunWithLayout(Violations);
        run.ExpectNone("PTE101", "PTE102", "PTE103", "PTE104");
    }

    [Fact]
    public void AProjectThatDeclaresALayoutWithRoleGuestIsAGuest()
    {
        AssertGuestFindings(RunWithLayout(Violations, new UsageSettings(Role: "Guest")));
    }

    [Fact]
    public void AProjectThatDeclaresALayoutWithRoleHypervisorIsNotChecked()
    {
        RunWithLayout(Violations, new UsageSettings(Role: "Hypervisor")).ExpectNone("PTE101", "PTE102", "PTE103", "PTE104");
    }

    [Fact]
    public void TheGeneratedCodeOfTheLayoutIsNotAnalyzedAsGuestCode()
    {
        // The generated With methods set and clear bit 52 with raw arithmetic; only the guest file is reported.
        var run = RunWithLayout(Violations, new UsageSettings(Role: "Guest", EnableReads: true));
        Assert.All(run.Diagnostics, d => Assert.Equal(GuestPath, d.Location.SourceTree?.FilePath));
    }
}
