namespace PteGen.Tests.Tool;

/// <summary><c>xenpte layout</c>, run as a process.</summary>
public class LayoutToolTests
{
    [Fact]
    public void WithoutConfigEveryConfigurationIsSideBySide()
    {
        var run = Xenpte.Run("layout");

        Assert.True(run.ExitCode == 0, run.ToString());
        run.LineMatching(@"bits\s+field\s+role\s+condition\s+guest write\s+None\s+Debug\s+Pke");
        run.LineMatching(@"0\s+Present\s+Present\s+always\s+allowed\s+Hardware\s+Hardware\s+Hardware");
        run.LineMatching(@"3\s+WriteThrough\s+WriteThrough\s+always\s+refused\s+Hardware\s+Hardware\s+Hardware");
        run.LineMatching(@"52\s+GuestKernel\s+GuestKernel\s+always\s+allowed\s+XenReserved\s+XenReserved\s+XenReserved");
        run.LineMatching(@"59-62\s+ProtectionKey\s+ProtectionKey\s+Pke\s+allowed\s+-\s+-\s+Hardware");
        run.LineMatching(@"62\s+Software62\s+-\s+!Pke && !Debug\s+allowed\s+GuestAvailable\s+-\s+-");
        run.LineMatching(@"62\s+GrantMapping\s+GrantMapping\s+Debug\s+refused\s+-\s+XenReserved\s+-");

        // Bit 62 changes owner: guest's in a release build, Xen's in a debug build, the hardware's under PKE.
        run.LineMatching(@"Bits whose owner depends on the configuration:");
        run.LineMatching(@"\s+62\s+GuestAvailable \(Software62\)\s+XenReserved \(GrantMapping\)\s+Hardware \(ProtectionKey\)");
        run.LineMatching(@"\s+59-61\s+GuestAvailable \(SoftwareKeyBits\)\s+GuestAvailable \(SoftwareKeyBits\)\s+Hardware \(ProtectionKey\)");
    }

    [Fact]
    public void OneConfigurationShowsOnlyItsFields()
    {
        var run = Xenpte.Run("layout", "--config", "Debug");

        Assert.True(run.ExitCode == 0, run.ToString());
        run.LineMatching(@"L1e \(level 1\), configuration Debug");
        run.LineMatching(@"bits\s+field\s+owner\s+role\s+condition\s+guest write");
        run.LineMatching(@"62\s+GrantMapping\s+XenReserved\s+GrantMapping\s+Debug\s+refused");
        run.LineMatching(@"52\s+GuestKernel\s+XenReserved\s+GuestKernel\s+always\s+allowed");
        run.LineMatching(@"59-61\s+SoftwareKeyBits\s+GuestAvailable\s+-\s+!Pke\s+allowed");
        run.NoLineMatching(@"62\s+Software62.*");
        run.NoLineMatching(@"59-62\s+ProtectionKey.*");
        run.LineMatching(@"XenReserved\s+0x4010000000000000 \(bits 52 and 62\)");
        run.LineMatching(@"guest-refused\s+0x4000000000000098 \(bits 3-4, 7 and 62\)");
    }

    [Fact]
    public void PkeGivesBits59To62ToTheHardware()
    {
        var run = Xenpte.Run("layout", "--config", "pke");

        run.LineMatching(@"59-62\s+ProtectionKey\s+Hardware\s+ProtectionKey\s+Pke\s+allowed");
        run.LineMatching(@"XenReserved\s+0x0010000000000000 \(bit 52\)");
    }

    [Theory]
    [InlineData("2")]
    [InlineData("3")]
    [InlineData("4")]
    public void UpperLevelsHaveNoConfigurationDependentBits(string level)
    {
        var run = Xenpte.Run("layout", "--level", level);

        Assert.True(run.ExitCode == 0, run.ToString());
        run.LineMatching($@"L{level}e \(level {level}\), every valid configuration: None, Debug, Pke");
        run.LineMatching(@"52-62\s+AvailableHigh\s+-\s+always\s+allowed\s+GuestAvailable\s+GuestAvailable\s+GuestAvailable");
        run.LineMatching(@"8\s+Global\s+-\s+always\s+refused\s+Hardware\s+Hardware\s+Hardware");
        run.LineMatching(@"Every bit has the same owner in every configuration\.");
    }
}
