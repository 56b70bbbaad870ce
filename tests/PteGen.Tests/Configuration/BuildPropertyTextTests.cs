extern alias Generators;

using CsCheck;
using BuildPropertyText = Generators::PteGen.Generators.Configuration.BuildPropertyText;

namespace PteGen.Tests.Configuration;

/// <summary>
/// The one reader of PteGenConfiguration and PteGenRole: the percent-decoding of what PteGen.props hands the compiler,
/// the split into entries, and what the compiler's own .editorconfig reader does to the plain and the encoded values.
/// </summary>
public sealed class BuildPropertyTextTests
{
    [Theory]
    [InlineData("Debug%3BPke", "Debug;Pke")]
    [InlineData("Debug%3bPke", "Debug;Pke")]
    [InlineData("Debug%23Pke", "Debug#Pke")]
    [InlineData("100%25", "100%")]
    [InlineData("%0A  Debug%3B%0D%0A  Pke%0A", "\n  Debug;\r\n  Pke\n")]
    [InlineData("Debug%253BPke", "Debug%3BPke")] // decoded once: %25 is the percent sign itself
    public void Decode_TurnsEveryEncodedCharacterBack(string encoded, string expected)
    {
        Assert.Equal(expected, BuildPropertyText.Decode(encoded));
    }

    [Theory]
    [InlineData("Debug")]
    [InlineData("50%")]
    [InlineData("%")]
    [InlineData("%4")]
    [InlineData("%ZZDebug")]
    [InlineData("Debug%G1")]
    public void Decode_LeavesTextWithoutAnEncodedCharacterAsItIs(string text)
    {
        Assert.Equal(text, BuildPropertyText.Decode(text));
    }

    [Fact]
    public void Decode_APercentSignBeforeAnEncodedCharacter()
    {
        Assert.Equal("%;", BuildPropertyText.Decode("%%3B"));
    }

    [Theory]
    [InlineData("Debug;Pke")]
    [InlineData("Debug,Pke")]
    [InlineData("Debug|Pke")]
    [InlineData("Debug Pke")]
    [InlineData("Debug\tPke")]
    [InlineData(" Debug ; ;Pke ")]
    [InlineData(";;Debug,,|Pke;")]
    [InlineData("\n      Debug;\r\n      Pke\n    ")]
    public void Entries_AreSeparatedBySemicolonsCommasBarsAndWhiteSpace_EmptyOnesDropped(string text)
    {
        Assert.Equal(["Debug", "Pke"], BuildPropertyText.Entries(text));
    }

    [Theory]
    [InlineData("debug;PKE", new[] { "debug", "PKE" })] // as written: the users of the names match them case-insensitively
    [InlineData("Debug#Pke", new[] { "Debug#Pke" })] // '#' is no separator: the name is unknown (PTE105), not cut short
    [InlineData("None", new[] { "None" })]
    [InlineData("Guest;Hypervisor", new[] { "Guest", "Hypervisor" })]
    public void Entries_KeepEveryOtherCharacter(string text, string[] expected)
    {
        Assert.Equal(expected, BuildPropertyText.Entries(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(";")]
    [InlineData(" ; , | \n\t")]
    public void Entries_OfNothingButSeparators_AreNone(string text)
    {
        Assert.Empty(BuildPropertyText.Entries(text));
    }

    [Fact]
    public void Entries_OfAHugeValue_AreSplitInOnePass()
    {
        var text = string.Join(";", Enumerable.Range(0, 200_000).Select(index => index % 2 == 0 ? "Debug" : " Pke "));
        var entries = BuildPropertyText.Entries(text);
        Assert.Equal(200_000, entries.Count);
        Assert.Equal("Pke", entries[^1]);
    }

    [Theory]
    [InlineData("Kernel", "Kernel")]
    [InlineData("  Guest;Hypervisor  ", "Guest;Hypervisor")]
    [InlineData("\n      Guest\r\n      Hypervisor\n    ", "Guest Hypervisor")]
    public void OnOneLine_TrimsAndTurnsEveryRunOfWhiteSpaceIntoOneSpace(string text, string expected)
    {
        Assert.Equal(expected, BuildPropertyText.OnOneLine(text));
    }

    [Fact]
    public void ReadSwitchNames_PrefersTheEncodedCopy_OverThePlainPropertyTheEditorConfigCut()
    {
        var global = Options(
            ("build_property.PteGenConfiguration", "Debug"),
            ("build_property._PteGenEncodedConfiguration", "Debug%3BPke"));
        Assert.Equal(["Debug", "Pke"], BuildPropertyText.ReadSwitchNames(global));
    }

    [Fact]
    public void ReadSwitchNames_WithoutTheEncodedCopy_ReadsThePlainProperty()
    {
        Assert.Equal(["Debug", "Pke"], BuildPropertyText.ReadSwitchNames(Options(("build_property.PteGenConfiguration", "Debug;Pke"))));
    }

    [Fact]
    public void ReadSwitchNames_AnEmptyEncodedCopy_IsAnEmptyProperty()
    {
        // PteGen.props writes the encoded copy even when the property is unset: that is the value, not a missing key.
        var global = Options(("build_property._PteGenEncodedConfiguration", ""), ("build_property.PteGenConfiguration", "Debug"));
        Assert.Empty(BuildPropertyText.ReadSwitchNames(global));
    }

    [Fact]
    public void ReadSwitchNames_Absent_IsEmpty()
    {
        Assert.Empty(BuildPropertyText.ReadSwitchNames(TestAnalyzerConfigOptions.Empty));
    }

    [Fact]
    public void ReadRole_DecodesTheEncodedCopy()
    {
        var global = Options(("build_property._PteGenEncodedRole", "%0A  Guest%3BHypervisor%0A"), ("build_property.PteGenRole", ""));
        Assert.Equal("\n  Guest;Hypervisor\n", BuildPropertyText.ReadRole(global));
        Assert.Equal("", BuildPropertyText.ReadRole(TestAnalyzerConfigOptions.Empty));
    }

    /// <summary>
    /// Why the encoding exists: the compiler's reader of the generated .editorconfig ends a value at <c>;</c> or
    /// <c>#</c>, so the plain property loses every switch after the first; the encoded copy arrives whole.
    /// </summary>
    [Fact]
    public void TheCompilersEditorConfigReader_CutsThePlainValues_AndKeepsTheEncodedOnes()
    {
        var global = GeneratedEditorConfig.Parse(
            ("PteGenConfiguration", "Debug;Pke"),
            ("_PteGenEncodedConfiguration", "Debug%3BPke"),
            ("PteGenRole", "Guest#Hypervisor"),
            ("_PteGenEncodedRole", "Guest%23Hypervisor"));

        Assert.True(global.TryGetValue("build_property.PteGenConfiguration", out var plainConfiguration));
        Assert.Equal("Debug", plainConfiguration);
        Assert.True(global.TryGetValue("build_property.PteGenRole", out var plainRole));
        Assert.Equal("Guest", plainRole);

        Assert.Equal(["Debug", "Pke"], BuildPropertyText.ReadSwitchNames(global));
        Assert.Equal("Guest#Hypervisor", BuildPropertyText.ReadRole(global));
    }

    /// <summary>
    /// Any value, encoded as PteGen.props encodes it (<c>%</c>, <c>;</c>, <c>#</c>, CR and LF), written as MSBuild
    /// writes the line and read back by the compiler's own reader, decodes to the value (up to the white space around
    /// it, which the reader trims and PteGen ignores) and splits into the same entries.
    /// </summary>
    [Fact]
    public void AnyValue_EncodedAsPteGenPropsDoes_SurvivesTheCompilersEditorConfigReader()
    {
        const string alphabet = "DebugPkeNx019 _-.;,|#%\t\r\n=:[]\"'\\/*{}";
        Gen.Char[alphabet].Array[0, 40].Select(characters => new string(characters)).Sample(
            value =>
            {
                var global = GeneratedEditorConfig.Parse(("_PteGenEncodedConfiguration", GeneratedEditorConfig.Encode(value)));
                Assert.Equal(value.Trim(), BuildPropertyText.Decode(global.TryGetValue("build_property._PteGenEncodedConfiguration", out var read) ? read : "<missing>").Trim());
                Assert.Equal(BuildPropertyText.Entries(value), BuildPropertyText.ReadSwitchNames(global));
            },
            iter: 2_000,
            print: value => $"\"{value.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\t", "\\t")}\"");
    }

    private static TestAnalyzerConfigOptions Options(params (string Key, string Value)[] entries) =>
        new(entries.Select(entry => KeyValuePair.Create(entry.Key, entry.Value)));
}
