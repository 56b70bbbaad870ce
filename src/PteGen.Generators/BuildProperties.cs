namespace PteGen.Generators;

/// <summary>
/// The MSBuild properties PteGen reads, as the compiler exposes them (<c>CompilerVisibleProperty</c>). PteGen.props
/// makes percent-encoded copies visible, since the compiler's .editorconfig would cut the plain values at <c>;</c> or
/// <c>#</c>; <see cref="PteGen.Generators.Configuration.BuildPropertyText"/> decodes them, or reads the plain keys
/// when a host sets those.
/// </summary>
internal static class BuildProperties
{
    /// <summary>
    /// The switches on in this build (<c>Debug;Pke</c>; <c>None</c> for none). Empty (absent): the analyzers assume any
    /// valid configuration, the generator's constant fixups take no switch. See PteGen.props.
    /// </summary>
    public const string Configuration = "build_property.PteGenConfiguration";

    /// <summary><c>Guest</c> or <c>Hypervisor</c>; empty means: guest when the project declares no layout.</summary>
    public const string Role = "build_property.PteGenRole";

    /// <summary><see cref="Configuration"/> as PteGen.props encodes it for the compiler.</summary>
    public const string EncodedConfiguration = "build_property._PteGenEncodedConfiguration";

    /// <summary><see cref="Role"/> as PteGen.props encodes it for the compiler.</summary>
    public const string EncodedRole = "build_property._PteGenEncodedRole";
}
