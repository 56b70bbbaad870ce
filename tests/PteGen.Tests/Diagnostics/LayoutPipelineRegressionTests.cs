using System.Globalization;
using Microsoft.CodeAnalysis;
using PteGen.Tests.Infrastructure;

namespace PteGen.Tests.Diagnostics;

/// <summary>
/// Declarations that used to hide the layout error behind compiler errors, crash the generator, or generate code that
/// does not compile. Each layout's error must reach <c>dotnet build</c> (see <see cref="RunOutcome.CommandLineDiagnostics"/>:
/// no analyzer runs once the compilation has an error), exactly once, and no generated file may fail to compile.
/// </summary>
public sealed class LayoutPipelineRegressionTests
{
    private const string Prelude = "using System;\nusing PteGen;\n\nnamespace Test;\n\n";

    private static string Edit(string text, string from, string to)
    {
        Assert.Contains(from, text, StringComparison.Ordinal);
        return text.Replace(from, to, StringComparison.Ordinal);
    }

    private static string Entry(string members, string declaration = "public readonly partial struct Entry", string attribute = "[PteLayout]") =>
        Prelude + attribute + "\n" + declaration + "\n{\n"
        + "    [Hardware(0, Role = PteRole.Present)] public partial bool Present { get; }\n"
        + "    [GuestAvailable(1, 63)] public partial ulong Rest { get; }\n"
        + members
        + "}\n";

    /// <summary>The PTE diagnostics of <paramref name="outcome"/> as <c>dotnet build</c> shows them, with no error in generated code.</summary>
    private static List<Diagnostic> CommandLinePte(RunOutcome outcome)
    {
        Assert.True(!outcome.GeneratedFileErrors.Any(), $"A generated file does not compile:{Environment.NewLine}{outcome.Describe()}");
        return outcome.CommandLineDiagnostics.Where(d => d.Id.StartsWith("PTE", StringComparison.Ordinal)).ToList();
    }

    /// <summary>The only PteGen diagnostic dotnet build shows is <paramref name="id"/>, once; the layout's code compiles around it.</summary>
    private static string AssertOnly(string id, RunOutcome outcome, bool compiles = true)
    {
        var pte = CommandLinePte(outcome);
        Assert.True(pte.Count == 1 && pte[0].Id == id, $"Expected only {id} in dotnet build, got:{Environment.NewLine}{outcome.Describe()}");
        Assert.Single(outcome.Pte(id)); // and once in the IDE, where both the generator's and the analyzer's show
        if (compiles)
        {
            var errors = outcome.CompilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, $"Expected no compiler error besides {id}:{Environment.NewLine}{outcome.Describe()}");
        }

        return pte[0].GetMessage(CultureInfo.InvariantCulture);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Finding 1: layout errors hidden behind CS0759 and CS9248.

    [Fact]
    public void TheSampleL1eWithAnOverlap_ShowsPTE010_NotCS0759_ForTheHookItImplements()
    {
        // The sample implements OnGlobalKernelPage; the edit makes bit 62 guest-available under Debug too.
        var l1e = SampleSource.L1e.Replace("[GuestAvailable(62, When = \"!Pke && !Debug\")]", "[GuestAvailable(62, When = \"!Pke\")]");
        var outcome = TestCompilation.Run(SampleSource.XenConfig, l1e);

        var message = AssertOnly("PTE010", outcome);
        Assert.Contains("Bit 62 of 'L1e'", message, StringComparison.Ordinal);
        Assert.EndsWith("static partial void OnGlobalKernelPage(global::XenPv.L1e entry);", GeneratedAssert.Member(outcome.Generated["XenPv.L1e.g.cs"], "OnGlobalKernelPage"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[GuestAvailable(2, 63)] public partial ulong [|Rest|] { get; set; }", "has a setter")]
    [InlineData("[GuestAvailable(2, 63)] public partial ulong [|Rest|] { get; init; }", "has an init accessor")]
    [InlineData("[GuestAvailable(2, 63)] public static partial ulong [|Rest|] { get; }", "is static")]
    public void AClaimWithASetterInitOrStatic_ShowsPTE004_NotCS9248(string claim, string problem)
    {
        var source = MarkedSource.Parse(Prelude + "[PteLayout]\npublic readonly partial struct Entry\n{\n    [Hardware(0, Role = PteRole.Present)] public partial bool Present { get; }\n    [Hardware(1)] public partial bool Writable { get; }\n    " + claim + "\n}\n");
        var outcome = TestCompilation.Run(source.Source);
        var message = AssertOnly("PTE004", outcome);
        Assert.Contains(problem, message, StringComparison.Ordinal);
        Infrastructure.DiagnosticAssert.AssertAt(outcome.Pte("PTE004").Single(), source.Span, outcome);
    }

    [Fact]
    public void ARecordStruct_ShowsPTE001_AndCompiles()
    {
        var message = AssertOnly("PTE001", TestCompilation.Run(Entry("", "public readonly partial record struct Entry")));
        Assert.Contains("record struct", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public readonly partial struct Entry<T>", "")]
    [InlineData("public readonly partial struct Entry", "partial class Outer<T> {")]
    public void AGenericLayout_ShowsPTE002_AndCompiles(string declaration, string outer)
    {
        var source = Entry("", declaration);
        if (outer.Length > 0)
        {
            source = Prelude + outer + "\n" + source[Prelude.Length..] + "}\n";
        }

        AssertOnly("PTE002", TestCompilation.Run(source));
    }

    [Theory]
    [InlineData("public readonly struct Entry", "PTE001", "it is not partial")]
    [InlineData("file readonly partial struct Entry", "PTE001", "it is file-local")]
    public void ALayoutTheGeneratorCannotComplete_IsReportedByTheGenerator(string declaration, string id, string problem)
    {
        var outcome = TestCompilation.Run(Entry("", declaration));
        var message = AssertOnly(id, outcome, compiles: false);
        Assert.Contains(problem, message, StringComparison.Ordinal);
        Assert.Contains(outcome.GeneratorDiagnostics, d => d.Id == id);
        Assert.Empty(outcome.Generated);
    }

    [Fact]
    public void ALayoutNestedInAFileLocalType_IsReportedByTheGenerator()
    {
        var source = Prelude + "file partial class Outer\n{\n" + Entry("")[Prelude.Length..] + "}\n";
        var message = AssertOnly("PTE001", TestCompilation.Run(source), compiles: false);
        Assert.Contains("nested in 'Outer', a file-local type", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALayoutInANonPartialClass_IsReportedByTheGenerator_WithItsOtherErrors()
    {
        // Both errors come from one host, the generator, since the compiler's CS0751 would stop the analyzer.
        var source = Prelude + "public class Outer\n{\n" + Entry("    [Hardware(1)] public partial bool Overlap { get; }\n")[Prelude.Length..] + "}\n";
        var outcome = TestCompilation.Run(source);
        var pte = CommandLinePte(outcome);
        Assert.Equal(["PTE003", "PTE010"], pte.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.All(pte, d => Assert.Contains(d, outcome.GeneratorDiagnostics));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Finding 4: one bad layout must never take the others down.

    [Fact]
    public void LayoutsWhoseNamesDifferOnlyInCase_AreBothGenerated()
    {
        var entry = Entry("");
        var upper = Edit(Entry(""), "struct Entry", "struct ENTRY");
        var outcome = TestCompilation.Run(entry, upper);

        Assert.Empty(CommandLinePte(outcome));
        Assert.Empty(outcome.CompilerDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Equal(["Test.ENTRY.g.cs", "Test.Entry.2.g.cs"], outcome.Generated.Keys.Order(StringComparer.Ordinal));
        Assert.NotNull(outcome.Compilation.GetTypeByMetadataName("Test.ENTRY")!.GetMembers("WithPresent").SingleOrDefault());
        Assert.NotNull(outcome.Compilation.GetTypeByMetadataName("Test.Entry")!.GetMembers("WithPresent").SingleOrDefault());
    }

    [Fact]
    public void PteLayoutOnTwoPartialDeclarations_GeneratesOnce_AndLeavesTheCompilersError()
    {
        var outcome = TestCompilation.Run(Entry(""), Prelude + "[PteLayout]\npublic readonly partial struct Entry\n{\n}\n");
        Assert.Single(outcome.Generated);
        Assert.Contains(outcome.CompilerDiagnostics, d => d.Id == "CS0579");
        Assert.Empty(outcome.GeneratedFileErrors);
    }

    [Fact]
    public void ABrokenLayout_DoesNotTakeTheOthersDown()
    {
        var broken = Edit(Entry("    [Hardware(1)] public partial bool Overlap { get; }\n"), "struct Entry", "struct Broken");
        var outcome = TestCompilation.Run(Entry(""), broken);
        Assert.Single(outcome.Pte("PTE010"));
        Assert.Contains("WithPresent", outcome.Generated["Test.Entry.g.cs"], StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Finding 6: declarations that generated code that did not compile.

    [Fact]
    public void UnsafeAndNewModifiersOnAClaim_AreRepeated_AndTheLayoutCompiles()
    {
        var source = Prelude + "[PteLayout]\npublic readonly partial struct Entry\n{\n"
            + "    [Hardware(0, Role = PteRole.Present)] public unsafe partial bool Present { get; }\n"
            + "    [GuestAvailable(1, 63)] public new partial ulong Rest { get; }\n}\n";
        var compilation = TestCompilation.Create(source);
        var outcome = TestCompilation.Run(compilation.WithOptions(compilation.Options.WithAllowUnsafe(true)));
        Assert.Empty(CommandLinePte(outcome));
        Assert.Empty(outcome.CompilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(outcome.GeneratedFileErrors.Concat(outcome.CompilerDiagnostics.Where(d => d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true)));
        Assert.StartsWith("public unsafe partial bool Present", GeneratedAssert.Member(outcome.Generated["Test.Entry.g.cs"], "Present"), StringComparison.Ordinal);
        Assert.StartsWith("public new partial ulong Rest", GeneratedAssert.Member(outcome.Generated["Test.Entry.g.cs"], "Rest"), StringComparison.Ordinal);
    }

    [Fact]
    public void AClaimImplementedInUserCode_ShowsPTE004()
    {
        var source = MarkedSource.Parse(Prelude + "[PteLayout]\npublic readonly partial struct Entry\n{\n"
            + "    [Hardware(0, Role = PteRole.Present)] public partial bool [|Present|] { get; }\n"
            + "    public partial bool Present { get => true; }\n"
            + "    [GuestAvailable(1, 63)] public partial ulong Rest { get; }\n}\n");
        var outcome = TestCompilation.Run(source.Source);
        var message = AssertOnly("PTE004", outcome);
        Assert.Contains("is implemented in your code", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANonPartialHook_ShowsPTE020_AndTheLayoutCompiles()
    {
        var l1e = SampleSource.L1e.Replace("static partial void OnGlobalKernelPage(L1e entry)", "static void OnGlobalKernelPage(L1e entry)");
        var message = AssertOnly("PTE020", TestCompilation.Run(SampleSource.XenConfig, l1e));
        Assert.Contains("'OnGlobalKernelPage(L1e)', which is not partial", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHookWithTheWrongSignature_ShowsPTE026_AndTheLayoutCompiles()
    {
        var l1e = SampleSource.L1e.Replace("static partial void OnGlobalKernelPage(L1e entry) => GlobalKernelPageWarning?.Invoke(entry);", "static partial void OnGlobalKernelPage(ulong entry) { }");
        var message = AssertOnly("PTE026", TestCompilation.Run(SampleSource.XenConfig, l1e));
        Assert.Contains("its signature differs from the generated 'static partial void OnGlobalKernelPage(L1e entry)'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHookOnALayoutWithoutOne_ShowsPTE026_AndTheLayoutCompiles()
    {
        var message = AssertOnly("PTE026", TestCompilation.Run(Entry("    static partial void OnGlobalKernelPage(Entry entry) { }\n")));
        Assert.Contains("the layout has no hook", message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheHooksParameterName_IsTheUsers()
    {
        var l1e = SampleSource.L1e.Replace("static partial void OnGlobalKernelPage(L1e entry) => GlobalKernelPageWarning?.Invoke(entry);", "static partial void OnGlobalKernelPage(L1e pte) => GlobalKernelPageWarning?.Invoke(pte);");
        var outcome = TestCompilation.Run(SampleSource.XenConfig, l1e);
        Assert.Empty(CommandLinePte(outcome));
        Assert.Empty(outcome.CompilerDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.EndsWith("static partial void OnGlobalKernelPage(L1e pte);", GeneratedAssert.Member(outcome.Generated["XenPv.L1e.g.cs"], "OnGlobalKernelPage"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[Obsolete(\"use Rest\")]")]
    [InlineData("[Obsolete(\"use Rest\", true)]")]
    public void AnObsoleteClaim_CompilesWithoutWarningsInGeneratedCode(string obsolete)
    {
        var source = Prelude + "[PteLayout]\npublic readonly partial struct Entry\n{\n"
            + "    [Hardware(0, Role = PteRole.Present)] public partial bool Present { get; }\n"
            + $"    {obsolete} [GuestAvailable(1)] public partial bool Old {{ get; }}\n"
            + "    [GuestAvailable(2, 63)] public partial ulong Rest { get; }\n}\n";
        var outcome = TestCompilation.Run(source);
        Assert.Empty(CommandLinePte(outcome));
        Assert.Empty(outcome.CompilerDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true));
        Assert.Contains("WithOld", outcome.Generated["Test.Entry.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void AClaimWhoseTypeDoesNotResolve_GetsNoGeneratedCodeThatFails()
    {
        var outcome = TestCompilation.Run(Entry("    [GuestAvailable(1)] public partial Missing Flag { get; }\n").Replace("[GuestAvailable(1, 63)]", "[GuestAvailable(2, 63)]"));
        Assert.Empty(outcome.GeneratedFileErrors);
        Assert.Contains(outcome.CompilerDiagnostics, d => d.Id == "CS0246");
        GeneratedAssert.NoMember(outcome.Generated["Test.Entry.g.cs"], "WithFlag");
    }

    [Fact]
    public void AnUnresolvedClaimHoldingAFixupRole_IsNotAlsoReportedAsAMissingRole()
    {
        // Found by the declaration fuzzer: the claim's compiler error was followed by PTE021 "no claim holds role".
        var l1e = SampleSource.L1e.Replace("public partial bool GuestKernel { get; }", "public partial Missing GuestKernel { get; }");
        var outcome = TestCompilation.Run(SampleSource.XenConfig, l1e);
        Assert.Contains(outcome.CompilerDiagnostics, d => d.Id == "CS0246");
        Assert.Empty(outcome.AnalyzerDiagnostics);
        Assert.Empty(outcome.GeneratedFileErrors);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Finding 7: more switches than the limit is one error, not one per condition.

    [Fact]
    public void TooManySwitches_IsOnePTE014_AndNoPTE008()
    {
        var members = string.Join(", ", Enumerable.Range(0, 17).Select(i => $"S{i} = 1L << {i}"));
        var source = Prelude + $"[PteSwitches] [Flags] public enum Big : long {{ {members} }}\n\n"
            + "[PteLayout(typeof(Big))]\npublic readonly partial struct Entry\n{\n"
            + "    [Hardware(0, Role = PteRole.Present)] public partial bool Present { get; }\n"
            + "    [GuestAvailable(1, When = \"S1\")] public partial bool A { get; }\n"
            + "    [XenReserved(1, When = \"!S1\")] public partial bool B { get; }\n"
            + "    [GuestAvailable(2, 63, When = \"S2 || !S2\")] public partial ulong Rest { get; }\n}\n";
        var outcome = TestCompilation.Run(source);
        // One error on the enum, one on the layout that uses it, and none for each condition that names a switch.
        var pte = CommandLinePte(outcome).Where(d => d.Id.StartsWith("PTE0", StringComparison.Ordinal)).ToList();
        Assert.True(pte.Select(d => d.Id).Order(StringComparer.Ordinal).SequenceEqual(["PTE014", "PTE015"]), outcome.Describe());
        Assert.Contains("more than 12 switches", pte.Single(d => d.Id == "PTE014").GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
