namespace PteGen.Generators;

/// <summary>The MSBuild properties PteGen reads, as the compiler exposes them (<c>CompilerVisibleProperty</c>).</summary>
internal static class BuildProperties
{
    /// <summary>
    /// The switches on in this build (<c>Debug;Pke</c>; <c>None</c> for none). Empty (absent): the analyzers assume any
    /// valid configuration, the generator's constant fixups take no switch. See PteGen.props.
    /// </summary>
    public const string Configuration = "build_property.PteGenConfiguration";

    /// <summary><c>Guest</c> or <c>Hypervisor</c>; empty means: guest when the project declares no layout.</summary>
    public const string Role = "build_property.PteGenRole";
}
