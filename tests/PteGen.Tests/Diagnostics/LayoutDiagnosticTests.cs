extern alias Generators;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PteGen.Tests.Infrastructure;
using DiagnosticDescriptors = Generators::PteGen.Generators.Diagnostics.DiagnosticDescriptors;
using LayoutAnalyzer = Generators::PteGen.Generators.Diagnostics.LayoutAnalyzer;
using static PteGen.Tests.Infrastructure.DiagnosticAssert;

namespace PteGen.Tests.Diagnostics;

/// <summary>
/// Every layout diagnostic PTE001-PTE020: where it is reported (the span marked <c>[|...|]</c>), what it says, that
/// generated code never adds compiler errors of its own, and that a legitimate declaration next to it is accepted.
/// </summary>
public class LayoutDiagnosticTests
{
    private const string Prelude = """
        using System;
        using PteGen;

        namespace Test;


        """;

    /// <summary>Switches like the Xen sample's: Debug and Pke can never be on together (docs/xen-pv-abi.md §1, bits 59-62).</summary>
    private const string ExclusiveConfig = """
        [PteSwitches]
        [MutuallyExclusive(Config.Debug, Config.Pke)]
        [Flags]
        public enum Config { None = 0, Debug = 1, Pke = 2 }


        """;

    /// <summary>The same switches without the exclusion: Debug|Pke is a valid configuration.</summary>
    private const string FreeConfig = """
        [PteSwitches]
        [Flags]
        public enum Config { None = 0, Debug = 1, Pke = 2 }


        """;

    /// <summary>The attribute of the sample's L1 entry, which the tests mark when a diagnostic is reported at it.</summary>
    private const string L1eAttribute = "[PteLayout(typeof(XenConfig), Level = 1)]";

    /// <summary>
    /// The Xen sample's L1 entry and its switches, as one file (<see cref="SampleSource.XenL1e"/>): bit 62 is Xen's under
    /// Debug, the protection key's under Pke, and the guest's otherwise. The tests derive their variants from it.
    /// </summary>
    private static SampleText XenL1e => SampleSource.XenL1e;

    /// <summary>The sample with <paramref name="l1eAttribute"/> as its layout attribute, marked for instance.</summary>
    private static SampleText XenL1eWithAttribute(string l1eAttribute) => XenL1e.Replace(L1eAttribute, l1eAttribute);

    /// <summary>The layout <c>Entry</c> (Present at bit 0, Rest at bits 1-63) with <paramref name="members"/> added.</summary>
    private static string Entry(string members, string declaration = "public readonly partial struct Entry", string attribute = "[PteLayout]") =>
        Prelude + attribute + "\n" + declaration + "\n{\n"
        + "    [Hardware(0, Role = PteRole.Present)] public partial bool Present { get; }\n"
        + "    [GuestAvailable(1, 63)] public partial ulong Rest { get; }\n"
        + members
        + "}\n";

    // ---------------------------------------------------------------------------------------------------------------
    // The descriptors themselves and their pages (DocumentationTests checks every PteGen diagnostic, PTE1xx included).

    [Fact]
    public void LayoutErrors_AreNotConfigurableErrorsOfCategoryPteGenWithADocumentationPage()
    {
        // Every layout error, whichever host reports it (the analyzer, or the generator for a layout it cannot complete).
        var descriptors = new LayoutAnalyzer().SupportedDiagnostics;
        Assert.All(descriptors, d => Assert.StartsWith("PTE0", d.Id, StringComparison.Ordinal));
        var docs = Path.Combine(RepositoryRoot(), "docs", "diagnostics");
        foreach (var descriptor in descriptors)
        {
            Assert.Equal(DiagnosticSeverity.Error, descriptor.DefaultSeverity);
            Assert.True(descriptor.IsEnabledByDefault);
            Assert.Equal("PteGen", descriptor.Category);
            Assert.Contains(WellKnownDiagnosticTags.NotConfigurable, descriptor.CustomTags);
            Assert.Equal(DiagnosticDescriptors.HelpLinkBase + descriptor.Id + ".md", descriptor.HelpLinkUri);

            var page = Path.Combine(docs, descriptor.Id + ".md");
            Assert.True(File.Exists(page), $"{page} is missing.");
            var firstLine = File.ReadLines(page).First();
            Assert.Equal($"# {descriptor.Id}: {descriptor.Title}", firstLine);
        }

        var index = File.ReadAllText(Path.Combine(docs, "README.md"));
        foreach (var descriptor in descriptors)
        {
            Assert.Contains($"[{descriptor.Id}]({descriptor.Id}.md)", index, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string> LayoutIds()
    {
        var ids = new TheoryData<string>();
        foreach (var descriptor in new LayoutAnalyzer().SupportedDiagnostics)
        {
            ids.Add(descriptor.Id);
        }

        return ids;
    }

    /// <summary>
    /// Each page's first C# block produces the message its <c>text</c> block quotes, and its second C# block (the fix) is a
    /// valid declaration: the documentation shows real output.
    /// </summary>
    [Theory]
    [MemberData(nameof(LayoutIds))]
    public void DocumentationPage_ExampleProducesTheQuotedMessageAndTheFixIsValid(string id)
    {
        const string docsPrelude = "using System;\nusing PteGen;\n\n";
        var page = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "diagnostics", id + ".md"));
        var examples = FencedBlocks(page, "csharp");
        Assert.Equal(2, examples.Count);
        var quoted = FencedBlocks(page, "text")
            .SelectMany(block => block.Split('\n'))
            .Where(line => line.StartsWith($"error {id}: ", StringComparison.Ordinal))
            .Select(line => line[$"error {id}: ".Length..])
            .ToList();
        Assert.NotEmpty(quoted);

        var options = id == "PTE013" ? new CSharpParseOptions(LanguageVersion.CSharp12) : TestCompilation.ParseOptions;
        var example = TestCompilation.Run(options, docsPrelude + examples[0]);
        var messages = example.Pte(id).Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        foreach (var message in quoted)
        {
            Assert.True(messages.Contains(message), $"{id}.md quotes a message the example does not produce:{Environment.NewLine}{message}{Environment.NewLine}{example.Describe()}");
        }

        AssertNoGeneratedFileErrors(example);

        var fix = TestCompilation.Run(docsPrelude + examples[1]);
        var errors = fix.CompilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0 && fix.AnalyzerDiagnostics.IsEmpty, $"The fix in {id}.md is not valid:{Environment.NewLine}{fix.Describe()}");
    }

    private static List<string> FencedBlocks(string markdown, string language)
    {
        var blocks = new List<string>();
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
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

    private static string RepositoryRoot() => Repository.Root;

    // ---------------------------------------------------------------------------------------------------------------
    // PTE001: a layout must be a partial struct.

    [Fact]
    public void Pte001_Class()
    {
        var message = ReportsOnly("PTE001", Entry("", "public partial class [|Entry|]"));
        Assert.Equal(
            "The layout 'Entry' must be declared as a 'partial struct' (it is a class); PteGen adds the storage and accessors in another part",
            message);
    }

    [Fact]
    public void Pte001_RecordStruct()
    {
        var message = ReportsOnly("PTE001", Entry("", "public readonly partial record struct [|Entry|]"));
        Assert.Equal(
            "The layout 'Entry' must be declared as a 'partial struct' (it is a record struct, whose generated equality would clash with PteGen's); PteGen adds the storage and accessors in another part",
            message);
    }

    [Fact]
    public void Pte001_RefStruct()
    {
        var message = ReportsOnly("PTE001", Entry("", "public readonly ref partial struct [|Entry|]"));
        Assert.Equal(
            "The layout 'Entry' must be declared as a 'partial struct' (it is a ref struct); PteGen adds the storage and accessors in another part",
            message);
    }

    [Fact]
    public void Pte001_StructThatIsNotPartial()
    {
        var message = ReportsOnly("PTE001", Entry("", "public readonly struct [|Entry|]"));
        Assert.Equal(
            "The layout 'Entry' must be declared as a 'partial struct' (it is not partial); PteGen adds the storage and accessors in another part",
            message);
    }

    [Fact]
    public void Pte001_Negative_PartialStructsReadonlyOrNot()
    {
        Valid(Entry(""));
        Valid(Entry("", "internal partial struct Entry"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // PTE002: a layout must not be generic.

    [Fact]
    public void Pte002_GenericLayout()
    {
        var message = ReportsOnly("PTE002", Entry("", "public readonly partial struct [|Entry|]<T>"));
        Assert.Equal("The layout 'Entry' must not be generic or nested in a generic type: an entry is exactly one ulong", message);
    }

    [Fact]
    public void Pte002_NestedInAGenericType()
    {
        var source = Entry("", "public readonly partial struct [|Entry|]", "public partial class Outer<T>\n{\n[PteLayout]") + "}\n";
        var message = ReportsOnly("PTE002", source);
        Assert.Equal("The layout 'Entry' must not be generic or nested in a generic type: an entry is exactly one ulong", message);
    }

    [Fact]
    public void Pte002_Negative_NestedInANonGenericPartialType()
    {
        Valid(Entry("", attribute: "public partial class Outer\n{\n[PteLayout]") + "}\n", "Test.Outer+Entry");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // PTE003: the types containing a layout must be partial.

    [Fact]
    public void Pte003_NestedInANonPartialClass()
    {
        var source = Entry("", "public readonly partial struct [|Entry|]", "public class Outer\n{\n[PteLayout]") + "}\n";
        var message = ReportsOnly("PTE003", source);
        Assert.Equal("The layout 'Entry' is nested in 'Outer', which must be declared 'partial' so that PteGen can add to the layout", message);
    }

    [Fact]
    public void Pte003_NamesTheContainingTypeThatIsNotPartial()
    {
        var source = Entry("", "public readonly partial struct [|Entry|]", "public class Outer\n{\npublic partial class Middle\n{\n[PteLayout]") + "}\n}\n";
        var message = ReportsOnly("PTE003", source);
        Assert.Equal("The layout 'Entry' is nested in 'Outer', which must be declared 'partial' so that PteGen can add to the layout", message);
    }

    [Fact]
    public void Pte003_Negative_NestedInPartialClasses()
    {
        Valid(
            Entry("", attribute: "public partial class Outer\n{\npublic partial class Middle\n{\n[PteLayout]") + "}\n}\n",
            "Test.Outer+Middle+Entry");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // PTE004: a layout property must be a partial get-only instance property.

    [Fact]
    public void Pte004_Setter()
    {
        var message = ReportsOnly("PTE004", Entry("").Replace(
            "public partial bool Present { get; }",
            "public partial bool [|Present|] { get; set; }"));
        Assert.Equal(
            "The property 'Present' of layout 'Entry' has a setter (entries are immutable; use the generated With method); declare it as 'public partial bool Present { get; }'",
            message);
    }

    [Fact]
    public void Pte004_InitAccessor()
    {
        var message = ReportsOnly("PTE004", Entry("").Replace(
            "public partial bool Present { get; }",
            "public partial bool [|Present|] { get; init; }"));
        Assert.Equal(
            "The property 'Present' of layout 'Entry' has an init accessor (entries are immutable; use the generated With method); declare it as 'public partial bool Present { get; }'",
            message);
    }

    [Fact]
    public void Pte004_Static()
    {
        var message = ReportsOnly("PTE004", Entry("").Replace(
            "public partial bool Present { get; }",
            "public static partial bool [|Present|] { get; }"));
        Assert.Equal(
            "The property 'Present' of layout 'Entry' is static; declare it as 'public partial bool Present { get; }'",
            message);
    }

    [Fact]
    public void Pte004_NotPartial()
    {
        var message = ReportsOnlyAndCompiles("PTE004", Entry("").Replace(
            "public partial bool Present { get; }",
            "public bool [|Present|] => true;"));
        Assert.Equal(
            "The property 'Present' of layout 'Entry' is not partial; declare it as 'public partial bool Present { get; }'",
            message);
    }

    [Fact]
    public void Pte004_Negative_GetOnlyPartialPropertiesAndOrdinaryUserProperties()
    {
        Valid(Entry("""
                public bool IsEmpty => Rest == 0;
                public static int Count => 2;

            """).Replace("public partial bool Present", "internal readonly partial bool Present"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // PTE005: bit range out of 0..63 or inverted.

    [Theory]
    [InlineData("[|-1|]", "The bit range (-1, -1) of 'Flag' is invalid: bit numbers cannot be negative")]
    [InlineData("[|64|]", "The bit range (64, 64) of 'Flag' is invalid: bits are numbered 0 to 63")]
    [InlineData("[|0, 64|]", "The bit range (0, 64) of 'Flag' is invalid: bits are numbered 0 to 63")]
    [InlineData("[|11, 9|]", "The bit range (11, 9) of 'Flag' is invalid: the low bit 11 is above the high bit 9 (ranges are written (low, high), LSB0, both included)")]
    [InlineData("[|high: 9, low: 11|]", "The bit range (11, 9) of 'Flag' is invalid: the low bit 11 is above the high bit 9 (ranges are written (low, high), LSB0, both included)")]
    public void Pte005_BitRange(string range, string expected)
    {
        var source = Prelude + $$"""
            [PteLayout]
            public readonly partial struct Entry
            {
                [Hardware(0, 62)] public partial ulong Low { get; }
                [GuestAvailable(63)] public partial bool High { get; }
                [XenReserved({{range}}, GuestWrite = GuestWrite.Refused)] public partial ulong Flag { get; }
            }
            """;
        Assert.Equal(expected, ReportsOnlyAndCompiles("PTE005", source));
    }

    [Fact]
    public void Pte005_Negative_WholeEntryAndBit63()
    {
        Valid(Prelude + """
            [PteLayout]
            public readonly partial struct Whole
            {
                [Hardware(0, 63)] public partial ulong Value { get; }
            }

            [PteLayout]
            public readonly partial struct Ends
            {
                [Hardware(0)] public partial bool Low { get; }
                [GuestAvailable(1, 62)] public partial ulong Middle { get; }
                [Hardware(63)] public partial bool High { get; }
            }
            """, "Test.Whole", "Test.Ends");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // PTE006: the property type cannot hold the field.

    [Theory]
    [InlineData("0, 1", "bool", "'Field' claims bits 0-1 (2 bits), which its type 'bool' cannot hold: bool holds one bit; use an unsigned integer or an enum for a wider field")]
    [InlineData("0, 8", "byte", "'Field' claims bits 0-8 (9 bits), which its type 'byte' cannot hold: it has only 8 bits; use ushort")]
    [InlineData("0, 3", "int", "'Field' claims bits 0-3 (4 bits), which its type 'int' cannot hold: signed integers are not allowed (a field has no sign bit); use the unsigned type of the same size")]
    [InlineData("0", "sbyte", "'Field' claims bit 0 (1 bit), which its type 'sbyte' cannot hold: signed integers are not allowed (a field has no sign bit); use the unsigned type of the same size")]
    [InlineData("0, 7", "string", "'Field' claims bits 0-7 (8 bits), which its type 'string' cannot hold: use bool for one bit, or an unsigned integer or enum type")]
    [InlineData("0, 31", "IntKind", "'Field' claims bits 0-31 (32 bits), which its type 'IntKind' cannot hold: its underlying type int holds only 31 value bits; declare the enum as ': uint'")]
    [InlineData("0, 8", "ByteKind", "'Field' claims bits 0-8 (9 bits), which its type 'ByteKind' cannot hold: its underlying type byte holds only 8 value bits; declare the enum as ': ushort'")]
    public void Pte006_TypeCannotHoldTheField(string range, string type, string expected)
    {
        var high = int.Parse(range.Split(',').Last().Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var source = Prelude + $$"""
            public enum IntKind { Zero = 0 }
            public enum ByteKind : byte { Zero = 0 }

            [PteLayout]
            public readonly partial struct Entry
            {
                [Hardware({{range}})] public partial {{type}} [|Field|] { get; }
                [GuestAvailable({{high + 1}}, 63)] public partial ulong Rest { get; }
            }
            """;
        Assert.Equal(expected, ReportsOnlyAndCompiles("PTE006", source));
    }

    [Fact]
    public void Pte006_Negative_TypesThatHoldTheirFields()
    {
        Valid(Prelude + """
            public enum IntKind { Zero = 0, Big = 0x40000000 }
            public enum WideKind : uint { Zero = 0 }

            [PteLayout]
            public readonly partial struct Entry
            {
                [Hardware(0)] public partial bool Flag { get; }
                [Hardware(1, 8)] public partial byte Eight { get; }
                [Hardware(9, 17)] public partial ushort Nine { get; }
                [Hardware(18, 48)] public partial IntKind ThirtyOne { get; }
                [GuestAvailable(49, 63)] public partial ushort Rest { get; }
            }

            [PteLayout]
            public readonly partial struct Wide
            {
                [Hardware(0, 31)] public partial WideKind Low { get; }
                [Hardware(32, 63)] public partial ulong High { get; }
            }
            """, "Test.Entry", "Test.Wide");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // PTE007: the When condition is not a valid expression.

    [Theory]
    [InlineData("(Debug", "missing ')' for the '(' at position 1")]
    [InlineData("Debug && (Pke || (Debug)", "missing ')' for the '(' at position 10")]
    [InlineData("Debug)", "')' at position 6 has no matching '('")]
    [InlineData("Debug & Pke", "'&' at position 7 is not an operator; use '&&'")]
    [InlineData("(Debug | Pke)", "'|' at position 8 is not an operator; use '||'")]
    [InlineData("Debug &&", "the condition ends where a switch name, '!' or '(' was expected")]
    [InlineData("&& Pke", "'&&' at position 1 has no left operand")]
    [InlineData("Debug && ()", "unexpected ')' at position 11; expected a switch name, '!' or '('")]
    [InlineData("Debug Pke", "unexpected 'P' at position 7; expected '&&', '||' or the end of the condition")]
    [InlineData("Debug == Pke", "unexpected '=' at position 7; expected '&&', '||' or the end of the condition")]
    public void Pte007_SyntaxError(string condition, string problem)
    {
        var source = Prelude + ExclusiveConfig + $$"""
            [PteLayout(typeof(Config))]
            public readonly partial struct Entry
            {
                [Hardware(0, 61)] public partial ulong Low { get; }
                [XenReserved(62, [|When = "{{condition}}"|])] public partial bool Flag { get; }
                [Hardware(63)] public partial bool High { get; }
            }
            """;
        var message = ReportsOnlyAndCompiles("PTE007", source);
        Assert.Equal(
            $"The condition \"{condition}\" of 'Flag' is not valid: {problem}; write switch names combined with !, &&, || and parentheses",
            message);
    }

    [Fact]
    public void Pte007_NestedTooDeeply()
    {
        var condition = new string('(', 70) + "Debug" + new string(')', 70);
        var source = Prelude + ExclusiveConfig + $$"""
            [PteLayout(typeof(Config))]
            public readonly partial struct Entry
            {
                [Hardware(0, 61)] public partial ulong Low { get; }
                [XenReserved(62, [|When = "{{condition}}"|])] public partial bool Flag { get; }
                [Hardware(63)] public partial bool High { get; }
            }
            """;
        var message = ReportsOnlyAndCompiles("PTE007", source);
        Assert.Equal(
            $"The condition \"{condition}\" of 'Flag' is not valid: the condition is nested more than 64 levels deep; write switch names combined with !, &&, || and parentheses",
            message);
    }

    [Fact]
    public void Pte007_Negative_ParenthesesNegationsAndWhitespace()
    {
        var deep = new string('(', 60) + "Debug" + new string(')', 60);
        Valid(Prelude + ExclusiveConfig + $$"""
            [PteLayout(typeof(Config))]
            public readonly partial struct Entry
            {
                [Hardware(0, 59)] public partial ulong Low { get; }
                [XenReserved(60, When = "{{deep}}")] public partial bool DebugOnly { get; }
                [GuestAvailable(60, When = " !( Debug ) ")] public partial bool NotDebug { get; }
                [XenReserved(61, When = "!(!Debug && !Pke) && !Pke")] public partial bool DebugNotPke { get; }
                [GuestAvailable(61, When = "(Pke||!Debug)")] public partial bool Other { get; }
                [GuestAvailable(62, When = "")] public partial bool Always { get; }
                [Hardware(63)] public partial bool High { get; }
            }
            """);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // PTE008: the When condition names an unknown switch.

    [Fact]
    public void Pte008_UnknownSwitch()
    {
        var message = ReportsOnlyAndCompiles("PTE008", XenL1e.Replace(
            "When = \"Debug\"",
            "[|When = \"Debug || Pkey\"|]"));
        Assert.Equal(
            "The condition \"Debug || Pkey\" of 'GrantMapping' names 'Pkey', which is not a switch of 'XenConfig' (its switches: Debug, Pke)",
            message);
    }

    [Fact]
    public void Pte008_CompositeAndZeroMembersAreNotSwitches()
    {
        var source = Prelude + """
            [PteSwitches]
            [Flags]
            public enum Config { None = 0, Debug = 1, Pke = 2, Both = Debug | Pke }

            [PteLayout(typeof(Config))]
            public readonly partial struct Entry
            {
                [Hardware(0, 62)] public partial ulong Low { get; }
                [Hardware(63, [|When = "Both || None"|])] public partial bool High { get; }
            }
            """;
        var (outcome, marked) = Run(source);
        var found = outcome.Pte("PTE008").ToList();
        Assert.Equal(2, found.Count);
        foreach (var diagnostic in found)
        {
            AssertAt(diagnostic, marked.Span, outcome);
        }

        Assert.Equal(
            ["The condition \"Both || None\" of 'High' names 'Both', which is not a switch of 'Config' (its switches: Debug, Pke)",
             "The condition \"Both || None\" of 'High' names 'None', which is not a switch of 'Config' (its switches: Debug, Pke)"],
            found.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
        AssertNoOtherPteDiagnostics(outcome, "PTE008");
        AssertNoGeneratedFileErrors(outcome);
    }

    [Fact]
    public void Pte008_ConditionOnALayoutWithoutSwitches()
    {
        var message = ReportsOnlyAndCompiles("PTE008", Prelude + """
            [PteLayout]
            public readonly partial struct Entry
            {
                [Hardware(0, 62)] public partial ulong Low { get; }
                [Hardware(63, [|When = "Debug"|])] public partial bool High { get; }
            }
            """);
        Assert.Equal("The condition \"Debug\" of 'High' names 'Debug', which is not a switch of 'Entry', which declares no switches type", message);
    }

    [Fact]
    public void Pte008_Negative_KnownSwitches()
    {
        Valid(XenL1e, SampleSource.L1eName);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // PTE009: MutuallyExclusive names something that is not a switch.

    [Theory]
    [InlineData("[|4|]", "'4' (int)")]
    [InlineData("[|Config.Both|]", "'Config.Both' (3)")]
    [InlineData("[|Config.None|]", "'Config.None' (0)")]
    [InlineData("[|Other.Debug|]", "'Other.Debug' (1)")]
    public void Pte009_NotASwitch(string second, string described)
    {
        var source = Prelude + $$"""
            public enum Other { Debug = 1 }

            [PteSwitches]
            [MutuallyExclusive(Config.Debug, {{second}})]
            [Flags]
            public enum Config { None = 0, Debug = 1, Pke = 2, Both = Debug | Pke }

            [PteLayout(typeof(Config))]
            public readonly partial struct Entry
            {
                [Hardware(0, 62)] public partial ulong Low { get; }
                [Hardware(63)] public partial bool High { get; }
            }
            """;
        var message = ReportsOnlyAndCompiles("PTE009", source);
        Assert.Equal($"[MutuallyExclusive] on 'Config' names {described}, which is not a single-bit member of 'Config'", message);
    }

    [Fact]
    public void Pte009_Negative_SingleBitMembers()
    {
        Valid(XenL1e, SampleSource.L1eName);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // PTE010: two claims own the same bit.

    [Fact]
    public void Pte010_OverlapUnderOneConfigurationOnly()
    {
        // Without [MutuallyExclusive(Debug, Pke)], Debug|Pke is a configuration, and in it bit 62 is both the protection
        // key's (Pke) and Xen's grant marker (Debug): exactly the collision that keeps Xen from enabling PKE for PV.
        var source = XenL1e
            .Remove("[MutuallyExclusive(XenConfig.Debug, XenConfig.Pke)]\n")
            .Replace(
                "[XenReserved(62, When = \"Debug\", Role = PteRole.GrantMapping)]",
                "[[|XenReserved(62, When = \"Debug\", Role = PteRole.GrantMapping)|]]");
        var message = ReportsOnlyAndCompiles("PTE010", source);
        Assert.Equal(
            "Bit 62 of 'L1e' claimed by both 'ProtectionKey' (Hardware bits 59-62, when Pke) and 'GrantMapping' (XenReserved bit 62, when Debug) under configuration Debug|Pke; every bit must have exactly one owner in every configuration",
            message);
    }

    [Fact]
    public void Pte010_Negative_TheSameLayoutWithMutuallyExclusive()
    {
        Valid(XenL1e, SampleSource.L1eName);
    }

    [Fact]
    public void Pte010_OverlapInEveryConfigurationNamesTheBits()
    {
        var source = Prelude + ExclusiveConfig + """
            [PteLayout(typeof(Config))]
            public readonly partial struct Entry
            {
                [Hardware(0, 11)] public partial ushort Low { get; }
                [[|GuestAvailable(9, 12)|]] public partial byte Software { get; }
                [Hardware(13, 63)] public partial ulong High { get; }
            }
            """;
        var message = ReportsOnlyAndCompiles("PTE010", source);
        Assert.Equal(
            "Bits 9-11 of 'Entry' claimed by both 'Low' (Hardware bits 0-11) and 'Software' (GuestAvailable bits 9-12) in every configuration (None, Debug, Pke); every bit must have exactly one owner in every configuration",
            message);
    }

    [Fact]
    public void Pte010_OverlapInALayoutWithoutSwitches()
    {
        var message = ReportsOnlyAndCompiles("PTE010", Entry("    [[|Hardware(0)|]] public partial bool Again { get; }\n"));
        Assert.Equal(
            "Bit 0 of 'Entry' claimed by both 'Present' (Hardware bit 0) and 'Again' (Hardware bit 0); every bit must have exactly one owner in every configuration",
            message);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // PTE011: a bit has no owner.

    [Fact]
    public void Pte011_UncoveredInOneConfigurationOnly()
    {
        // Remove Xen's debug claim: in a debug build, bit 62 belongs to nobody.
        var source = XenL1eWithAttribute("[[|PteLayout(typeof(XenConfig), Level = 1)|]]").Remove(
            "    [XenReserved(62, When = \"Debug\", Role = PteRole.GrantMapping)]\n    public partial bool GrantMapping { get; }\n");
        var message = ReportsOnlyAndCompiles("PTE011", source);
        Assert.Equal(
            "Bit 62 of 'L1e' has no owner under configuration Debug; declare a Hardware, XenReserved or GuestAvailable claim for it",
            message);
    }

    [Fact]
    public void Pte011_UncoveredRunInEveryConfiguration()
    {
        var source = XenL1eWithAttribute("[[|PteLayout(typeof(XenConfig), Level = 1)|]]").Remove(
            "    [GuestAvailable(9, 11)]\n    public partial byte Available { get; }\n");
        var message = ReportsOnlyAndCompiles("PTE011", source);
        Assert.Equal(
            "Bits 9-11 of 'L1e' have no owner in any configuration (None, Debug, Pke); declare a Hardware, XenReserved or GuestAvailable claim for them",
            message);
    }

    [Fact]
    public void Pte011_EachUncoveredRunIsItsOwnDiagnostic()
    {
        var source = Prelude + """
            [[|PteLayout|]]
            public readonly partial struct Entry
            {
                [Hardware(0, 8)] public partial ushort Low { get; }
                [Hardware(12, 62)] public partial ulong Middle { get; }
            }
            """;
        var (outcome, marked) = Run(source);
        var found = outcome.Pte("PTE011").ToList();
        Assert.Equal(2, found.Count);
        foreach (var diagnostic in found)
        {
            AssertAt(diagnostic, marked.Span, outcome);
        }

        Assert.Equal(
            ["Bits 9-11 of 'Entry' have no owner; declare a Hardware, XenReserved or GuestAvailable claim for them",
             "Bit 63 of 'Entry' has no owner; declare a Hardware, XenReserved or GuestAvailable claim for it"],
            found.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
        AssertNoOtherPteDiagnostics(outcome, "PTE011");
        AssertNoGeneratedFileErrors(outcome);
    }

    [Fact]
    public void Pte011_Negative_OwnerChangesWithTheConfiguration()
    {
        // Bit 62 has three different owners, one per configuration, and never none.
        Valid(XenL1e, SampleSource.L1eName);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // PTE012: a role is declared twice.

    [Fact]
    public void Pte012_DuplicatedRoleInEveryConfiguration()
    {
        var source = XenL1e.Replace(
            "[Hardware(1, Role = PteRole.Writable)]",
            "[[|Hardware(1, Role = PteRole.Present)|]]");
        var message = ReportsOnlyAndCompiles("PTE012", source);
        Assert.Equal(
            "Role Present of 'L1e' is declared by both 'Present' and 'Writable' in every configuration (None, Debug, Pke); a role may be held by one claim per configuration",
            message);
    }

    [Fact]
    public void Pte012_DuplicatedRoleUnderOneConfigurationOnly()
    {
        var source = Prelude + FreeConfig + """
            [PteLayout(typeof(Config))]
            public readonly partial struct Entry
            {
                [Hardware(0, 60)] public partial ulong Low { get; }
                [XenReserved(61, When = "Debug", Role = PteRole.GrantMapping)] public partial bool DebugGrant { get; }
                [GuestAvailable(61, When = "!Debug")] public partial bool Software61 { get; }
                [[|XenReserved(62, When = "Pke", Role = PteRole.GrantMapping)|]] public partial bool PkeGrant { get; }
                [GuestAvailable(62, When = "!Pke")] public partial bool Software62 { get; }
                [Hardware(63)] public partial bool High { get; }
            }
            """;
        var message = ReportsOnlyAndCompiles("PTE012", source);
        Assert.Equal(
            "Role GrantMapping of 'Entry' is declared by both 'DebugGrant' and 'PkeGrant' under configuration Debug|Pke; a role may be held by one claim per configuration",
            message);
    }

    [Fact]
    public void Pte012_Negative_SameRoleInDisjointConfigurations()
    {
        Valid(Prelude + FreeConfig + """
            [PteLayout(typeof(Config))]
            public readonly partial struct Entry
            {
                [Hardware(0, 60)] public partial ulong Low { get; }
                [XenReserved(61, When = "Debug", Role = PteRole.GrantMapping)] public partial bool DebugGrant { get; }
                [GuestAvailable(61, When = "!Debug")] public partial bool Software61 { get; }
                [XenReserved(62, When = "!Debug", Role = PteRole.GrantMapping)] public partial bool ReleaseGrant { get; }
                [GuestAvailable(62, When = "Debug")] public partial bool Software62 { get; }
                [Hardware(63)] public partial bool High { get; }
            }
            """);
    }

    [Fact]
    public void Pte012_Negative_SameRoleInConfigurationsMadeExclusive()
    {
        Valid(Prelude + ExclusiveConfig + """
            [PteLayout(typeof(Config))]
            public readonly partial struct Entry
            {
                [Hardware(0, 60)] public partial ulong Low { get; }
                [XenReserved(61, When = "Debug", Role = PteRole.GrantMapping)] public partial bool DebugGrant { get; }
                [GuestAvailable(61, When = "!Debug")] public partial bool Software61 { get; }
                [XenReserved(62, When = "Pke", Role = PteRole.GrantMapping)] public partial bool PkeGrant { get; }
                [GuestAvailable(62, When = "!Pke")] public partial bool Software62 { get; }
                [Hardware(63)] public partial bool High { get; }
            }
            """);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // PTE013: PteGen needs C# 13 or later.

    [Fact]
    public void Pte013_OnePerLayoutBelowCSharp13AndNothingElse()
    {
        // One valid layout, and one whose other errors (overlap, unknown switch) must not be reported on top.
        var source = Prelude + ExclusiveConfig + """
            [[|PteLayout(typeof(Config), Level = 1)|]]
            public readonly partial struct Valid
            {
                [Hardware(0, Role = PteRole.Present)] public partial bool Present { get; }
                [GuestAvailable(1, 63)] public partial ulong Rest { get; }
            }

            [[|PteLayout|]]
            public readonly partial struct Invalid
            {
                [Hardware(0, 63)] public partial ulong All { get; }
                [Hardware(3, When = "Nope")] public partial bool Again { get; }
            }
            """;
        var (outcome, marked) = Run(source, new CSharpParseOptions(LanguageVersion.CSharp12));
        var found = outcome.Pte("PTE013").OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.Equal(2, found.Count);
        AssertAt(found[0], marked.Spans[0], outcome);
        AssertAt(found[1], marked.Spans[1], outcome);
        Assert.Equal(
            "PteGen layouts need C# 13 or later (partial properties), and this project uses C# 12.0: set <LangVersion>13</LangVersion> or later. Nothing is generated for 'Valid' until then.",
            found[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(
            "PteGen layouts need C# 13 or later (partial properties), and this project uses C# 12.0: set <LangVersion>13</LangVersion> or later. Nothing is generated for 'Invalid' until then.",
            found[1].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        AssertNoOtherPteDiagnostics(outcome, "PTE013");
        AssertNoGeneratedFileErrors(outcome);
        Assert.Empty(outcome.Generated);
        Assert.DoesNotContain(outcome.CompilerDiagnostics, d => d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Pte013_Negative_CSharp13()
    {
        var source = Entry("");
        var outcome = TestCompilation.Run(new CSharpParseOptions(LanguageVersion.CSharp13), source);
        Assert.Empty(outcome.AnalyzerDiagnostics);
        Assert.DoesNotContain(outcome.CompilerDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Single(outcome.Generated);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // PTE014: invalid switches type.

    [Fact]
    public void Pte014_NotAnEnum()
    {
        var message = ReportsOnlyAndCompiles("PTE014", Entry("", attribute: "[PteLayout([|typeof(int)|])]"));
        Assert.Equal("'int' cannot be the switches type of 'Entry': it is not an enum", message);
    }

    [Fact]
    public void Pte014_EnumNotMarkedPteSwitches()
    {
        var source = Entry("", attribute: "[Flags]\npublic enum Plain { None = 0, Debug = 1 }\n\n[PteLayout([|typeof(Plain)|])]");
        var message = ReportsOnlyAndCompiles("PTE014", source);
        Assert.Equal("'Test.Plain' cannot be the switches type of 'Entry': it is not marked [PteSwitches]", message);
    }

    [Fact]
    public void Pte014_Negative_PteSwitchesEnum()
    {
        Valid(Entry("", attribute: ExclusiveConfig + "[PteLayout(typeof(Config))]"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // PTE015: invalid [PteSwitches] enum.

    private static string Switches(int count) =>
        string.Join(", ", Enumerable.Range(0, count).Select(n => $"S{n} = 1 << {n}"));

    [Fact]
    public void Pte015_MoreThanTwelveSwitches()
    {
        var source = Prelude + $$"""
            [PteSwitches]
            [Flags]
            public enum [|Big|] { None = 0, {{Switches(13)}} }
            """;
        var message = ReportsOnlyAndCompiles("PTE015", source);
        Assert.Equal("The switches enum 'Big' has 13 switches; PteGen checks every configuration, so at most 12 are allowed", message);
    }

    [Fact]
    public void Pte015_ALayoutUsingTheEnumGetsPte014()
    {
        var source = Prelude + $$"""
            [PteSwitches]
            [Flags]
            public enum [|Big|] { None = 0, {{Switches(13)}}, All = S0 | S1 }

            [PteLayout([|typeof(Big)|])]
            public readonly partial struct Entry
            {
                [Hardware(0, 63)] public partial ulong Value { get; }
            }
            """;
        var (outcome, marked) = Run(source);
        var onEnum = Single(outcome, "PTE015", marked.Spans[0]);
        Assert.Equal(
            "The switches enum 'Big' has 13 switches; PteGen checks every configuration, so at most 12 are allowed",
            onEnum.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        var onLayout = Single(outcome, "PTE014", marked.Spans[1]);
        Assert.Equal(
            "'Test.Big' cannot be the switches type of 'Entry': it has more than 12 switches",
            onLayout.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        AssertNoOtherPteDiagnostics(outcome, "PTE015", "PTE014");
        AssertNoGeneratedFileErrors(outcome);
    }

    [Fact]
    public void Pte015_Negative_TwelveSwitches()
    {
        Valid(Prelude + $$"""
            [PteSwitches]
            [Flags]
            public enum Twelve { None = 0, {{Switches(12)}}, Composite = S0 | S11 }

            [PteLayout(typeof(Twelve))]
            public readonly partial struct Entry
            {
                [Hardware(0, 62)] public partial ulong Low { get; }
                [XenReserved(63, When = "S11 && !S0")] public partial bool Reserved { get; }
                [GuestAvailable(63, When = "!S11 || S0")] public partial bool Available { get; }
            }
            """);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // PTE016: invalid paging level.

    [Theory]
    [InlineData(5)]
    [InlineData(-1)]
    public void Pte016_InvalidLevel(int level)
    {
        var message = ReportsOnlyAndCompiles("PTE016", Entry("", attribute: $"[PteLayout([|Level = {level}|])]"));
        Assert.Equal(
            $"Level {level} of 'Entry' is not a paging level: use 1 (leaf entry) to 4, or leave it 0 for a layout not tied to a level",
            message);
    }

    [Fact]
    public void Pte016_Negative_Levels0To4()
    {
        // Every role a level's guest-entry fixup may need, so that each level is a complete, legitimate declaration.
        for (var level = 0; level <= 4; level++)
        {
            Valid(Prelude + $$"""
                [PteLayout(Level = {{level}})]
                public readonly partial struct Entry
                {
                    [Hardware(0, Role = PteRole.Present)] public partial bool Present { get; }
                    [Hardware(1, Role = PteRole.Writable)] public partial bool Writable { get; }
                    [Hardware(2, Role = PteRole.User)] public partial bool User { get; }
                    [Hardware(3, 4)] public partial byte Caching { get; }
                    [Hardware(5, Role = PteRole.Accessed)] public partial bool Accessed { get; }
                    [Hardware(6, 7)] public partial byte DirtyAndSize { get; }
                    [Hardware(8, Role = PteRole.Global)] public partial bool Global { get; }
                    [Hardware(9, 51)] public partial ulong Middle { get; }
                    [XenReserved(52, Role = PteRole.GuestKernel)] public partial bool GuestKernel { get; }
                    [GuestAvailable(53, 63)] public partial ushort High { get; }
                }
                """);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // PTE017: a role does not fit its claim.

    [Theory]
    [InlineData("[GuestAvailable(0, [|Role = PteRole.Present|])] public partial bool Present { get; }", "Role Present on 'Present' belongs on a [Hardware] claim, not a [GuestAvailable] one")]
    [InlineData("[Hardware(0, [|Role = PteRole.GuestKernel|])] public partial bool Present { get; }", "Role GuestKernel on 'Present' belongs on a [XenReserved] claim, not a [Hardware] one")]
    [InlineData("[XenReserved(0, [|Role = PteRole.User|])] public partial bool Present { get; }", "Role User on 'Present' belongs on a [Hardware] claim, not a [XenReserved] one")]
    [InlineData("[Hardware(0, 1, [|Role = PteRole.Present|])] public partial byte Present { get; }", "Role Present on 'Present' marks a single bit, but the claim is 2 bits wide")]
    [InlineData("[Hardware(0, [|Role = (PteRole)99|])] public partial bool Present { get; }", "Role 99 on 'Present' is not a PteRole value")]
    public void Pte017_RoleDoesNotFit(string claim, string expected)
    {
        var source = Prelude + $$"""
            [PteLayout]
            public readonly partial struct Entry
            {
                {{claim}}
                [GuestAvailable(2, 63)] public partial ulong Rest { get; }
                [Hardware(1)] public partial bool Writable { get; }
            }
            """;
        var message = ReportsOnlyAndCompiles("PTE017", source);
        Assert.Equal(expected, message);
    }

    [Fact]
    public void Pte017_Negative_RolesOnTheirOwners()
    {
        Valid(XenL1e, SampleSource.L1eName);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // PTE018: Relocatable or Optional misused.

    [Theory]
    [InlineData(
        "[XenReserved(62, [|Optional = true|])] public partial bool Grant { get; }",
        "'Grant' is Optional but not Relocatable: only a claim whose bit is negotiated per domain can be left without one")]
    [InlineData(
        "[XenReserved(61, 62, [|Relocatable = true|])] public partial byte Grant { get; }",
        "'Grant' is Relocatable but 2 bits wide: negotiation moves single bits")]
    [InlineData(
        "[XenReserved(61, 62, Optional = true, [|Relocatable = true|])] public partial byte Grant { get; }",
        "'Grant' is Relocatable but 2 bits wide: negotiation moves single bits")]
    [InlineData(
        "[XenReserved(62, [|GuestWrite = (GuestWrite)7|])] public partial bool Grant { get; }",
        "'Grant' has GuestWrite = 7, which is not a GuestWrite value")]
    public void Pte018_RelocationMisused(string claim, string expected)
    {
        var low = claim.Contains("61, 62", StringComparison.Ordinal) ? 60 : 61;
        var source = Prelude + $$"""
            [PteLayout]
            public readonly partial struct Entry
            {
                [Hardware(0, {{low}})] public partial ulong Low { get; }
                {{claim}}
                [Hardware(63)] public partial bool High { get; }
            }
            """;
        Assert.Equal(expected, ReportsOnlyAndCompiles("PTE018", source));
    }

    [Fact]
    public void Pte018_Negative_RelocatableSingleBitsOptionalOrNot()
    {
        Valid(Prelude + """
            [PteLayout]
            public readonly partial struct Entry
            {
                [Hardware(0, 51)] public partial ulong Low { get; }
                [XenReserved(52, Role = PteRole.GuestKernel, Relocatable = true)] public partial bool GuestKernel { get; }
                [GuestAvailable(53, 61)] public partial ushort Available { get; }
                [XenReserved(62, Role = PteRole.GrantMapping, Relocatable = true, Optional = true)] public partial bool Grant { get; }
                [Hardware(63)] public partial bool High { get; }
            }
            """);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // PTE019: a layout property needs exactly one ownership attribute.

    [Fact]
    public void Pte019_PartialPropertyWithoutAttribute()
    {
        var message = ReportsOnlyAndCompiles("PTE019", Entry("    public partial bool [|Extra|] { get; }\n"));
        Assert.Equal(
            "The partial property 'Extra' of layout 'Entry' has no ownership attribute; give it exactly one of [Hardware], [XenReserved] or [GuestAvailable]",
            message);
    }

    [Fact]
    public void Pte019_TwoOwnershipAttributes()
    {
        var source = Entry("").Replace(
            "[Hardware(0, Role = PteRole.Present)]",
            "[Hardware(0, Role = PteRole.Present)][[|GuestAvailable(0)|]]");
        var message = ReportsOnlyAndCompiles("PTE019", source);
        Assert.Equal(
            "The partial property 'Present' of layout 'Entry' has 2 ownership attributes; give it exactly one of [Hardware], [XenReserved] or [GuestAvailable]",
            message);
    }

    [Fact]
    public void Pte019_Negative_PartialPropertyTheUserImplements()
    {
        Valid(Entry("""
                /// <summary>Implemented by the user, so PteGen leaves it alone.</summary>
                public partial bool IsEmpty { get; }
                public partial bool IsEmpty => Rest == 0 && !Present;

            """));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // PTE020: a member conflicts with the generated code.

    [Theory]
    [InlineData("public ulong [|Raw|] => 0;", "a member named 'Raw', which conflicts with the generated member 'Raw'")]
    [InlineData("public const ulong [|PresentMask|] = 1;", "a member named 'PresentMask', which conflicts with the generated member 'PresentMask'")]
    [InlineData("public static int [|RestWidth|] => 63;", "a member named 'RestWidth', which conflicts with the generated member 'RestWidth'")]
    [InlineData("public event Action [|Raw|] { add { } remove { } }", "a member named 'Raw', which conflicts with the generated member 'Raw'")]
    [InlineData("public class [|Descriptor|] { }", "a member named 'Descriptor', which conflicts with the generated member 'Descriptor'")]
    [InlineData("public Entry [|WithPresent|](bool value) => this;", "a member named 'WithPresent', which conflicts with the generated member 'WithPresent'")]
    [InlineData("private readonly uint [|_extra|];", "the instance field '_extra', which conflicts with the generated storage (an entry is exactly one ulong)")]
    [InlineData("public [|Entry|](ulong raw) { }", "a constructor taking a ulong, which conflicts with the generated constructor from the raw value")]
    [InlineData("public override bool [|Equals|](object? obj) => false;", "'Equals(object)', which conflicts with the generated equality and formatting members")]
    [InlineData("public bool [|Equals|](Entry other) => false;", "'Equals(Entry)', which conflicts with the generated equality and formatting members")]
    [InlineData("public override int [|GetHashCode|]() => 0;", "'GetHashCode()', which conflicts with the generated equality and formatting members")]
    [InlineData("public override string [|ToString|]() => \"\";", "'ToString()', which conflicts with the generated equality and formatting members")]
    public void Pte020_ConflictingMember(string member, string expected)
    {
        var source = Entry("    " + member + "\n");
        var (outcome, marked) = Run(source);
        var diagnostic = Single(outcome, "PTE020", marked.Span);
        Assert.Equal("The layout 'Entry' declares " + expected, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        AssertNoGeneratedFileErrors(outcome);
        AssertNoOtherPteDiagnostics(outcome, "PTE020");
    }

    [Fact]
    public void Pte020_EqualityOperators()
    {
        var source = Entry("""
                public static bool operator [|==|](Entry left, Entry right) => true;
                public static bool operator [|!=|](Entry left, Entry right) => false;

            """);
        var (outcome, marked) = Run(source);
        var found = outcome.Pte("PTE020").OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.Equal(2, found.Count);
        AssertAt(found[0], marked.Spans[0], outcome);
        AssertAt(found[1], marked.Spans[1], outcome);
        Assert.Equal(
            ["The layout 'Entry' declares 'operator ==(Entry, Entry)', which conflicts with the generated equality and formatting members",
             "The layout 'Entry' declares 'operator !=(Entry, Entry)', which conflicts with the generated equality and formatting members"],
            found.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
        AssertNoOtherPteDiagnostics(outcome, "PTE020");
        AssertNoGeneratedFileErrors(outcome);
    }

    [Theory]
    [InlineData("[GuestAvailable(1, 63)] public partial ulong [|Raw|] { get; }", "a member named 'Raw', which conflicts with the generated member 'Raw'")]
    [InlineData("[GuestAvailable(1, 63)] public partial ulong [|Descriptor|] { get; }", "a member named 'Descriptor', which conflicts with the generated member 'Descriptor'")]
    [InlineData("[GuestAvailable(1, 63)] public partial ulong [|PresentMask|] { get; }", "a member named 'PresentMask', which conflicts with the generated member 'PresentMask'")]
    public void Pte020_ClaimNamedLikeAGeneratedMember(string claim, string expected)
    {
        var source = Entry("").Replace("[GuestAvailable(1, 63)] public partial ulong Rest { get; }", claim);
        var message = ReportsOnlyAndCompiles("PTE020", source);
        Assert.Equal("The layout 'Entry' declares " + expected, message);
    }

    [Fact]
    public void Pte020_ToStringOfTheSwitchesEnum()
    {
        var source = Entry(
            "    public string [|ToString|](Config configuration) => \"\";\n",
            attribute: ExclusiveConfig + "[PteLayout(typeof(Config))]");
        var message = ReportsOnlyAndCompiles("PTE020", source);
        Assert.Equal("The layout 'Entry' declares 'ToString(Config)', which conflicts with the generated equality and formatting members", message);
    }

    [Fact]
    public void Pte020_Negative_ToStringOfAnotherEnum()
    {
        // Only ToString(<switches enum>) is generated; an overload taking any other enum is the user's own.
        Valid(Entry(
            "    public string ToString(Other other) => other.ToString();\n",
            attribute: ExclusiveConfig + "public enum Other { A }\n\n[PteLayout(typeof(Config))]"));
        Valid(Entry(
            "    public string ToString(Other other) => other.ToString();\n",
            attribute: "public enum Other { A }\n\n[PteLayout]"));
    }

    [Fact]
    public void Pte020_Negative_MembersThatDoNotCollide()
    {
        Valid(Entry("""
                public static readonly Entry Empty = default;
                public const ulong KernelMarker = 1UL << 52;
                public Entry(bool present) : this(present ? PresentMask : 0UL) { }
                public bool IsEmpty => Raw == 0;
                public ulong RawBits() => Raw;
                public Entry WithoutPresent() => WithPresent(false);
                public string ToString(string prefix) => prefix + ToString();

            """));
    }
}
