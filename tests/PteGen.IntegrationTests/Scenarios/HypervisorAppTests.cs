using PteGen.IntegrationTests.Infrastructure;

namespace PteGen.IntegrationTests.Scenarios;

/// <summary>
/// Scenario a: a layout library and a hypervisor-side program that uses the generated entry, both referencing only
/// the package, built and run with the real CLI.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class HypervisorAppTests(PackageFixture fixture, ITestOutputHelper output)
{
    /// <summary>What the program prints, worked out by hand from docs/xen-pv-abi.md §1 and §4.</summary>
    private static readonly string[] ExpectedOutput =
    [
        // Present | Writable | frame 0x1234 << 12.
        "L1e 0x0000000001234003 { Present, Writable, Frame = 0x1234 }",
        // 5 << 9 = 0xa00, 0x2a << 53 = 0x0540000000000000, 0xabcde << 12.
        "with: 0x05400000abcdea03 available=5 high=0x2a frame=0xabcde",
        "back: True",
        // 8 does not fit bits 9-11.
        "too wide: ArgumentOutOfRangeException",
        // A kernel mapping (no User): Xen adds GuestKernel (52) and User, then sees GuestKernel and adds no Global.
        "L1e 0x0010000001234007 { Present, Writable, User, Frame = 0x1234, GuestKernel }",
        // A user mapping without bit 52: Xen adds Global (8) and User.
        "user: 0x0000000001234107",
        // A kernel mapping submitted with Global: Global is never cleared.
        "kernel+global: 0x0010000001234107",
        // User and bit 52 both set: a kernel entry, left alone.
        "user+kernel: 0x0010000001234007",
        // 32-bit PV entries are never adjusted; neither are entries that are not present.
        "pv32: 0x0000000001234003",
        "not present: 0x0000000000000002",
        // The run-time-configuration overload agrees with the constant one.
        "debug: 0x0010000001234007",
        "table: 0x0010000001234007 0x0000000001234107 0x0000000000000000",
        // Bit 62 is Xen's grant marker under Debug and the guest's Software62 under None.
        "L1e 0x4000000001234003 { Present, Writable, Frame = 0x1234, GrantMapping }",
        "L1e 0x4000000001234003 { Present, Writable, Frame = 0x1234, Software62 }",
        "violations: debug=0x4000000000000000 none=0x0000000000000000",
        // Bits 9-11, 53-58, 59-61, and 62 only when it is not Xen's.
        "guest-available: none=0x7fe0000000000e00 debug=0x3fe0000000000e00",
        "xen-reserved: none=0x0010000000000000 debug=0x4010000000000000",
        // Bits 0-8, 12-51, 63 and the protection key 59-62.
        "hardware: pke=0xf80ffffffffff1ff",
        "valid: none=True debug|pke=False",
    ];

    [Fact]
    public async Task LayoutLibraryAndApp_BuildWithoutWarnings_AndPrintTheDecodedAndAdjustedEntries()
    {
        var scenario = Scenario.Create(fixture, "hypervisor-app");
        scenario.WriteProject("Layouts/Layouts.csproj", "", scenario.PackageReference);
        Sources.WriteLayoutLibrary(scenario, "Layouts");
        scenario.WriteProject(
            "App/App.csproj",
            "<OutputType>Exe</OutputType>\n    <PteGenRole>Hypervisor</PteGenRole>",
            """<ProjectReference Include="../Layouts/Layouts.csproj" />""" + "\n    " + scenario.PackageReference);
        scenario.Write("App/Program.cs", Sources.HypervisorProgram);

        var build = await scenario.BuildAsync("App/App.csproj");
        output.WriteLine(build.ToString());
        Assert.True(build.ExitCode == 0, build.ToString());

        // Writing Xen's bits is the hypervisor's job: no PTE101 here (PteGenRole reached the analyzers), and the
        // generated code compiles without a single warning.
        Assert.Empty(build.Diagnostics);

        var run = await scenario.DotNetAsync("run", "--project", "App/App.csproj", "--no-build");
        output.WriteLine(run.ToString());
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(ExpectedOutput, run.Lines);
    }
}
