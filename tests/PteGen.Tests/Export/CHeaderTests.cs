using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PteGen.Tool.Formats;
using XenPv;

namespace PteGen.Tests.Export;

/// <summary>
/// The C header compiles with <c>gcc -std=c11 -Wall -Werror</c>, and a C program built with it prints the values the C#
/// side has: the generated constants and ownership methods of the Xen sample, and every field and configuration of
/// every layout's descriptor.
/// </summary>
public sealed class CHeaderTests
{
    [GccFact]
    public void TheXenHeaderCompilesAndHoldsTheGeneratedConstants()
    {
        var values = CompileAndPrint(Ptegen.Succeed("export", ExportInputs.XenPv, "--format", "c"), "XenPv.h");

        // Named literally, so the C names are part of what is tested.
        Assert.Equal(L1e.GrantMappingMask, values["XEN_PV_L1E_GRANT_MAPPING_MASK"]);
        Assert.Equal((ulong)L1e.GrantMappingShift, values["XEN_PV_L1E_GRANT_MAPPING_SHIFT"]);
        Assert.Equal(L1e.FrameMask, values["XEN_PV_L1E_FRAME_MASK"]);
        Assert.Equal((ulong)L1e.FrameWidth, values["XEN_PV_L1E_FRAME_WIDTH"]);
        Assert.Equal(L1e.XenReservedBits(XenConfig.Debug), values["XEN_PV_L1E_CONFIG_DEBUG_XEN_RESERVED_BITS"]);
        Assert.Equal(L1e.GuestAvailableBits(XenConfig.None), values["XEN_PV_L1E_CONFIG_NONE_GUEST_AVAILABLE_BITS"]);
        Assert.Equal(L1e.HardwareBits(XenConfig.Pke), values["XEN_PV_L1E_CONFIG_PKE_HARDWARE_BITS"]);
        Assert.Equal(L1e.GuestRefusedBits(XenConfig.Debug), values["XEN_PV_L1E_CONFIG_DEBUG_GUEST_REFUSED_BITS"]);
        Assert.Equal(L1e.FixedHardwareBits, values["XEN_PV_L1E_FIXED_HARDWARE_BITS"]);
        Assert.Equal(L1e.FixedXenReservedBits, values["XEN_PV_L1E_FIXED_XEN_RESERVED_BITS"]);
        Assert.Equal(L1e.FixedGuestAvailableBits, values["XEN_PV_L1E_FIXED_GUEST_AVAILABLE_BITS"]);
        Assert.Equal(L1e.ConfigurationDependentBits, values["XEN_PV_L1E_CONFIGURATION_DEPENDENT_BITS"]);
        Assert.Equal((ulong)XenConfig.Debug, values["XEN_PV_L1E_CONFIG_DEBUG_VALUE"]);
        Assert.Equal(XenPv.Abis.NegotiatedL1e.GuestKernelMask, values["XEN_PV_ABIS_NEGOTIATED_L1E_GUEST_KERNEL_MASK"]);
        Assert.Equal(L4e.Reserved7Mask, values["XEN_PV_L4E_RESERVED7_MASK"]);
        Assert.Equal(1UL, values["XEN_PV_L1E_LEVEL"]);

        // And everything else, from the descriptors.
        AssertMatchesDescriptors(values, ("XenPv.L1e", L1e.Descriptor), ("XenPv.L2e", L2e.Descriptor), ("XenPv.L3e", L3e.Descriptor), ("XenPv.L4e", L4e.Descriptor),
            ("XenPv.Abis.ExpertDebugL1e", XenPv.Abis.ExpertDebugL1e.Descriptor), ("XenPv.Abis.NegotiatedL1e", XenPv.Abis.NegotiatedL1e.Descriptor));
    }

    [GccFact]
    public void TheDemoHeaderCompilesAndHoldsItsDescriptorsValues()
    {
        var values = CompileAndPrint(Ptegen.Succeed("export", ExportInputs.Demo, "--format", "c"), "Demo.Paging.h");
        Assert.Equal(0xFF00_0000_0000_0000UL, values["DEMO_PAGING_DEMO_ENTRY_TAG_MASK"]);
        Assert.Equal(0xFF00_0000_0000_0000UL, values["DEMO_PAGING_DEMO_ENTRY_CONFIG_TAGGED_XEN_RESERVED_BITS"]);
        Assert.Equal(0xFF00_0000_0000_0000UL, values["DEMO_PAGING_DEMO_ENTRY_CONFIG_TAGGED_GUEST_REFUSED_BITS"]);
        Assert.Equal(0xFFFF_0000_0000_0000UL, values["DEMO_PAGING_DEMO_ENTRY_CONFIG_NONE_GUEST_AVAILABLE_BITS"]);
        Assert.Equal(0xFF00_0000_0000_0000UL, values["DEMO_PAGING_DEMO_ENTRY_CONFIGURATION_DEPENDENT_BITS"]);
        Assert.Equal(0UL, values["DEMO_PAGING_DEMO_ENTRY_LEVEL"]);
    }

    [GccFact]
    public void AnOwnershipThatDoesNotPartitionTheBitsFailsTheStaticAssert()
    {
        // The twin of the tests above: the same header with one mask changed by hand no longer compiles.
        var header = Ptegen.Succeed("export", ExportInputs.XenPv, "--format", "c");
        var broken = header.Replace(
            "#define XEN_PV_L1E_CONFIG_DEBUG_XEN_RESERVED_BITS UINT64_C(0x4010000000000000)",
            "#define XEN_PV_L1E_CONFIG_DEBUG_XEN_RESERVED_BITS UINT64_C(0x6010000000000000)",
            StringComparison.Ordinal);
        Assert.NotEqual(header, broken);
        var (exitCode, output) = Compile(broken, "Broken.h", out _);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("XenPv.L1e under Debug: no bit is both XenReserved and GuestAvailable", output, StringComparison.Ordinal);
    }

    [Fact]
    public void MacroNamesAreUpperSnakeCaseAndUnique()
    {
        Assert.Equal("GUEST_KERNEL", CIdentifiers.UpperSnake("GuestKernel"));
        Assert.Equal("L1E", CIdentifiers.UpperSnake("L1e"));
        Assert.Equal("EXPERT_DEBUG_L1E", CIdentifiers.UpperSnake("ExpertDebugL1e"));
        Assert.Equal("PWT_BIT", CIdentifiers.UpperSnake("PWTBit"));
        Assert.Equal("SOFTWARE62", CIdentifiers.UpperSnake("Software62"));
        Assert.Equal("DEBUG_PKE", CIdentifiers.UpperSnake("Debug|Pke"));
        Assert.Equal("N9_LIVES", CIdentifiers.UpperSnake("_9Lives"));

        // Two C# names that spell the same C name get distinct ones.
        var names = new CIdentifiers();
        Assert.Equal("X_FOO_BAR", names.Claim("X_" + CIdentifiers.UpperSnake("FooBar"), "_MASK"));
        Assert.Equal("X_FOO_BAR_2", names.Claim("X_" + CIdentifiers.UpperSnake("Foo_Bar"), "_MASK"));
    }

    private static void AssertMatchesDescriptors(IReadOnlyDictionary<string, ulong> values, params (string FullName, PteLayoutDescriptor Descriptor)[] layouts)
    {
        foreach (var (fullName, descriptor) in layouts)
        {
            var prefix = string.Join("_", fullName.Split('.').Select(CIdentifiers.UpperSnake));
            foreach (var field in descriptor.Fields)
            {
                var name = prefix + "_" + CIdentifiers.UpperSnake(field.Name);
                Assert.Equal(field.Mask, values[name + "_MASK"]);
                Assert.Equal((ulong)field.Low, values[name + "_SHIFT"]);
                Assert.Equal((ulong)field.Width, values[name + "_WIDTH"]);
            }

            foreach (var configuration in descriptor.ValidConfigurations)
            {
                var name = prefix + "_CONFIG_" + CIdentifiers.UpperSnake(descriptor.FormatConfiguration(configuration));
                Assert.Equal(configuration, values[name + "_VALUE"]);
                Assert.Equal(descriptor.BitsOwnedBy(PteOwner.Hardware, configuration), values[name + "_HARDWARE_BITS"]);
                Assert.Equal(descriptor.BitsOwnedBy(PteOwner.XenReserved, configuration), values[name + "_XEN_RESERVED_BITS"]);
                Assert.Equal(descriptor.BitsOwnedBy(PteOwner.GuestAvailable, configuration), values[name + "_GUEST_AVAILABLE_BITS"]);
                Assert.Equal(descriptor.GuestRefusedBits(configuration), values[name + "_GUEST_REFUSED_BITS"]);
            }
        }
    }

    // Compiles a program that includes the header and prints every macro it defines (but the include guard), and runs it.
    private static Dictionary<string, ulong> CompileAndPrint(string header, string fileName)
    {
        var (exitCode, output) = Compile(header, fileName, out var program);
        Assert.True(exitCode == 0, $"gcc failed:\n{output}");
        var run = Process.Start(new ProcessStartInfo(program) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var printed = run.StandardOutput.ReadToEnd();
        run.WaitForExit();
        Assert.Equal(0, run.ExitCode);
        var values = new Dictionary<string, ulong>(StringComparer.Ordinal);
        foreach (var line in printed.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ');
            values.Add(parts[0], ulong.Parse(parts[1], CultureInfo.InvariantCulture));
        }

        Assert.NotEmpty(values);
        return values;
    }

    private static (int ExitCode, string Output) Compile(string header, string fileName, out string program)
    {
        var folder = TempFolder.New("c");
        File.WriteAllText(Path.Combine(folder, fileName), header);
        var macros = Regex.Matches(header, @"^#define (\w+) ", RegexOptions.Multiline).Select(match => match.Groups[1].Value).ToList();
        var source = new StringBuilder();
        source.Append("#include \"").Append(fileName).Append("\"\n#include <stdio.h>\n\nint main(void)\n{\n");
        foreach (var macro in macros)
        {
            source.Append("    printf(\"").Append(macro).Append(" %llu\\n\", (unsigned long long)(").Append(macro).Append("));\n");
        }

        source.Append("    return 0;\n}\n");
        File.WriteAllText(Path.Combine(folder, "print.c"), source.ToString());
        program = Path.Combine(folder, "print");
        var gcc = Process.Start(new ProcessStartInfo(Gcc.Path ?? throw new InvalidOperationException("gcc is not on the PATH; CI needs it."), ["-std=c11", "-Wall", "-Wextra", "-Werror", "-pedantic", "-o", program, "print.c"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var output = gcc.StandardError.ReadToEndAsync();
        var stdout = gcc.StandardOutput.ReadToEnd();
        gcc.WaitForExit();
        return (gcc.ExitCode, stdout + output.Result);
    }
}
