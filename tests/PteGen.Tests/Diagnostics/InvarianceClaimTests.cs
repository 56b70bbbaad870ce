using System.Globalization;
using Microsoft.CodeAnalysis;
using PteGen.Tests.Infrastructure;
using static PteGen.Tests.Infrastructure.DiagnosticAssert;

namespace PteGen.Tests.Diagnostics;

/// <summary>
/// <c>GuestAbiIndependentOf</c>: a layout states that a switch must not change who owns a bit. The Xen sample's
/// <c>L1e</c> fails it for <c>Debug</c> at bit 62 (the debug build's grant marker), the expert-debug ABI satisfies it,
/// and a name that is not a switch is PTE028. Every layout here is the sample's own text with one visible edit.
/// </summary>
public sealed class InvarianceClaimTests
{
    private const string L1eAttribute = "[PteLayout(typeof(XenConfig), Level = 1)]";
    private const string ExpertAttribute = "[PteLayout(typeof(ExpertConfig), Level = 1, WarnWhen = \"PvPteDebug\", GuestAbiIndependentOf = \"Debug\")]";

    private static string SampleL1e => Repository.ReadSample("Layouts/L1e.cs");

    private static string SampleXenConfig => Repository.ReadSample("Layouts/XenConfig.cs");

    private static string SampleExpertDebugL1e => Repository.ReadSample("Abis/ExpertDebugL1e.cs");

    /// <summary>The sample <c>L1e</c> with <paramref name="argument"/> added to its <c>[PteLayout]</c>, marked for the diagnostic.</summary>
    private static string L1eWith(string argument) =>
        ReplaceOnce(SampleL1e, L1eAttribute, $"[PteLayout(typeof(XenConfig), Level = 1, [|{argument}|])]");

    private static string ReplaceOnce(string text, string oldText, string newText)
    {
        var first = text.IndexOf(oldText, StringComparison.Ordinal);
        Assert.True(first >= 0 && text.IndexOf(oldText, first + 1, StringComparison.Ordinal) < 0, $"'{oldText}' is not in the sample exactly once.");
        return text.Replace(oldText, newText, StringComparison.Ordinal);
    }

    private static (RunOutcome Outcome, MarkedSource Source) RunL1e(string markup)
    {
        var source = MarkedSource.Parse(markup);
        return (TestCompilation.Run(source.Source, SampleXenConfig), source);
    }

    /// <summary>Every <paramref name="id"/> of the run: errors at the marked argument, visible to <c>dotnet build</c>, nothing else from PteGen, and generated code that compiles.</summary>
    private static List<string> Messages(RunOutcome outcome, MarkedSource source, string id)
    {
        var found = outcome.Pte(id).ToList();
        foreach (var diagnostic in found)
        {
            AssertAt(diagnostic, source.Span, outcome);

            // Several PTE027s share the argument's location, so the command-line check matches the message too.
            var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
            Assert.Single(outcome.CommandLineDiagnostics, d => d.Id == id && d.Location == diagnostic.Location && d.GetMessage(CultureInfo.InvariantCulture) == message);
        }

        AssertNoOtherPteDiagnostics(outcome, id);
        AssertNoGeneratedFileErrors(outcome);
        Assert.DoesNotContain(outcome.CompilerDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        return found.Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
    }

    [Fact]
    public void TheXenL1eChangesItsGuestAbiWithDebugAtBit62()
    {
        var (outcome, source) = RunL1e(L1eWith("GuestAbiIndependentOf = \"Debug\""));
        Assert.Equal(
            ["'L1e' must not change with 'Debug' (GuestAbiIndependentOf), but the owner of bit 62 does: GuestAvailable ('Software62') under None, XenReserved ('GrantMapping') under Debug"],
            Messages(outcome, source, "PTE027"));
    }

    [Fact]
    public void ProtectionKeysChangeBits59To62_AsTwoRunsWithTheirOwnFields()
    {
        var (outcome, source) = RunL1e(L1eWith("GuestAbiIndependentOf = \"Pke\""));
        Assert.Equal(
            [
                "'L1e' must not change with 'Pke' (GuestAbiIndependentOf), but the owner of bits 59-61 does: GuestAvailable ('SoftwareKeyBits') under None, Hardware ('ProtectionKey') under Pke",
                "'L1e' must not change with 'Pke' (GuestAbiIndependentOf), but the owner of bit 62 does: GuestAvailable ('Software62') under None, Hardware ('ProtectionKey') under Pke",
            ],
            Messages(outcome, source, "PTE027"));
    }

    [Fact]
    public void SeveralSwitches_EachIsChecked()
    {
        var (outcome, source) = RunL1e(L1eWith("GuestAbiIndependentOf = \"Debug, Pke\""));
        var messages = Messages(outcome, source, "PTE027");
        Assert.Equal(3, messages.Count);
        Assert.Single(messages, m => m.Contains("with 'Debug'", StringComparison.Ordinal));
        Assert.Equal(2, messages.Count(m => m.Contains("with 'Pke'", StringComparison.Ordinal)));
    }

    [Fact]
    public void TheExpertDebugAbiSatisfiesItsClaim()
    {
        Assert.Contains(ExpertAttribute, SampleExpertDebugL1e, StringComparison.Ordinal);
        Valid(SampleExpertDebugL1e, "XenPv.Abis.ExpertDebugL1e");
    }

    [Fact]
    public void TheExpertDebugAbiStillDependsOnItsExpertOption()
    {
        var markup = ReplaceOnce(SampleExpertDebugL1e, ExpertAttribute, ExpertAttribute.Replace("GuestAbiIndependentOf = \"Debug\"", "[|GuestAbiIndependentOf = \"Debug|PvPteDebug\"|]", StringComparison.Ordinal));
        var source = MarkedSource.Parse(markup);
        var outcome = TestCompilation.Run(source.Source);
        Assert.Equal(
            ["'ExpertDebugL1e' must not change with 'PvPteDebug' (GuestAbiIndependentOf), but the owner of bit 62 does: GuestAvailable ('Software62') under None, XenReserved ('GrantMapping') under PvPteDebug"],
            Messages(outcome, source, "PTE027"));
    }

    [Fact]
    public void ASwitchThatChangesNoOwner_IsSilent_EvenWhenItChangesAGuestWriteRule()
    {
        // Debug here only makes bit 62 refused to guests (still the guest's): ownership is the same in both builds.
        const string source = """
            using System;
            using PteGen;

            namespace Test;

            [PteSwitches]
            [Flags]
            public enum Config { None = 0, Debug = 1 }

            [PteLayout(typeof(Config), GuestAbiIndependentOf = "Debug")]
            public readonly partial struct Entry
            {
                [Hardware(0, 61)] public partial ulong Low { get; }
                [GuestAvailable(62, When = "!Debug")] public partial bool Free62 { get; }
                [GuestAvailable(62, When = "Debug", GuestWrite = GuestWrite.Refused)] public partial bool Refused62 { get; }
                [Hardware(63)] public partial bool NoExecute { get; }
            }
            """;
        Valid(source);
    }

    [Fact]
    public void AnEmptyClaimChecksNothing()
    {
        var source = ReplaceOnce(SampleL1e, L1eAttribute, "[PteLayout(typeof(XenConfig), Level = 1, GuestAbiIndependentOf = \"\")]");
        var outcome = TestCompilation.Run(source, SampleXenConfig);
        Assert.Empty(outcome.AnalyzerDiagnostics);
        Assert.DoesNotContain(outcome.CompilerDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void AMisspeltSwitch_IsPte028_NamingTheKnownSwitches()
    {
        var (outcome, source) = RunL1e(L1eWith("GuestAbiIndependentOf = \"Debgu\""));
        Assert.Equal(
            ["GuestAbiIndependentOf \"Debgu\" of 'L1e' is not valid: 'Debgu' is not a switch; the switches of 'XenConfig' are Debug, Pke"],
            Messages(outcome, source, "PTE028"));
    }

    [Fact]
    public void TheNoSwitchNameAndCaseMismatches_AreNotSwitches()
    {
        var (outcome, source) = RunL1e(L1eWith("GuestAbiIndependentOf = \"None|debug\""));
        Assert.Equal(
            ["GuestAbiIndependentOf \"None|debug\" of 'L1e' is not valid: 'None', 'debug' are not switches; the switches of 'XenConfig' are Debug, Pke"],
            Messages(outcome, source, "PTE028"));
    }

    [Fact]
    public void ALayoutWithoutSwitches_HasNoSwitchToName()
    {
        const string markup = """
            using PteGen;

            namespace Test;

            [PteLayout([|GuestAbiIndependentOf = "Debug"|])]
            public readonly partial struct Entry
            {
                [Hardware(0, 62)] public partial ulong Low { get; }
                [Hardware(63)] public partial bool NoExecute { get; }
            }
            """;
        Assert.Equal(
            "GuestAbiIndependentOf \"Debug\" of 'Entry' is not valid: 'Debug' is not a switch; the layout declares no switches type",
            ReportsOnlyAndCompiles("PTE028", markup));
    }

    [Fact]
    public void AnOverlappingLayout_GetsItsOwnershipErrorOnly()
    {
        // Who owns bit 62 is undefined while two claims hold it: PTE010 says so, PTE027 would only add noise.
        var source = ReplaceOnce(
            ReplaceOnce(SampleL1e, L1eAttribute, "[PteLayout(typeof(XenConfig), Level = 1, GuestAbiIndependentOf = \"Debug\")]"),
            "[GuestAvailable(62, When = \"!Pke && !Debug\")]",
            "[GuestAvailable(62, When = \"!Pke\")]");
        var outcome = TestCompilation.Run(source, SampleXenConfig);
        Assert.NotEmpty(outcome.Pte("PTE010"));
        Assert.Empty(outcome.Pte("PTE027"));
    }
}
