using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;

namespace PteGen.Tests.Configuration;

/// <summary>
/// The .editorconfig through which MSBuild hands CompilerVisibleProperty values to the compiler, read by Roslyn's own
/// parser, and the encoding PteGen.props applies to PteGen's properties before they go in.
/// </summary>
internal static class GeneratedEditorConfig
{
    /// <summary>
    /// The global options the compiler reads from the file GenerateMSBuildEditorConfig writes: one
    /// <c>build_property.NAME = VALUE</c> line per property, the value as it is.
    /// </summary>
    public static TestAnalyzerConfigOptions Parse(params (string Name, string Value)[] properties)
    {
        var text = new StringBuilder("is_global = true\n");
        foreach (var (name, value) in properties)
        {
            text.Append("build_property.").Append(name).Append(" = ").Append(value).Append('\n');
        }

        var config = AnalyzerConfig.Parse(text.ToString(), "/project/obj/Debug/net10.0/project.GeneratedMSBuildEditorConfig.editorconfig");
        return new TestAnalyzerConfigOptions(AnalyzerConfigSet.Create(ImmutableArray.Create(config)).GlobalConfigOptions.AnalyzerOptions);
    }

    /// <summary>
    /// The replacements of PteGen.props' <c>_PteGenEncodeCompilerVisibleProperties</c> target, in its order (the percent
    /// sign first, so that the others' percent signs stay as they are).
    /// </summary>
    public static string Encode(string value) =>
        value.Replace("%", "%25").Replace(";", "%3B").Replace("#", "%23").Replace("\r", "%0D").Replace("\n", "%0A");

    /// <summary>The file MSBuild writes with PteGen.props for these values of PteGenConfiguration and PteGenRole.</summary>
    public static TestAnalyzerConfigOptions WithPteGenProps(string configuration, string role) =>
        Parse(("_PteGenEncodedConfiguration", Encode(configuration)), ("_PteGenEncodedRole", Encode(role)));
}
