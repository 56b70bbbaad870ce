using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Diagnostics;
using PteGen.Generators.Configuration;

namespace PteGen.Generators.Usage;

/// <summary>Which side of the ABI a project is on.</summary>
internal enum ProjectRole
{
    /// <summary>Not set: a project that declares layouts is the hypervisor, one that only references them a guest.</summary>
    Default,
    Guest,
    Hypervisor,
}

/// <summary>PteGen's MSBuild settings as the analyzers see them (see <c>PteGen.props</c> and <see cref="BuildPropertyText"/>).</summary>
internal sealed class PteGenOptions
{
    private PteGenOptions(IReadOnlyList<string>? configuration, ProjectRole role, string? unknownRole)
    {
        Configuration = configuration;
        Role = role;
        UnknownRole = unknownRole;
    }

    /// <summary>
    /// The switch names of <c>PteGenConfiguration</c>; <see langword="null"/> when the property is absent or names no
    /// switch (empty, or only separators).
    /// </summary>
    public IReadOnlyList<string>? Configuration { get; }

    public ProjectRole Role { get; }

    /// <summary>
    /// The text of <c>PteGenRole</c> (on one line) when it is not one entry that is Guest or Hypervisor: another word, or
    /// a list such as <c>Guest;Hypervisor</c>.
    /// </summary>
    public string? UnknownRole { get; }

    public static PteGenOptions Read(AnalyzerOptions options)
    {
        var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
        var names = BuildPropertyText.ReadSwitchNames(global);
        IReadOnlyList<string>? configuration = names.Count == 0 ? null : names;

        var roleText = BuildPropertyText.ReadRole(global);
        var roleEntries = BuildPropertyText.Entries(roleText);
        var role = ProjectRole.Default;
        string? unknownRole = null;
        if (roleEntries.Count == 1 && string.Equals(roleEntries[0], "Guest", StringComparison.OrdinalIgnoreCase))
        {
            role = ProjectRole.Guest;
        }
        else if (roleEntries.Count == 1 && string.Equals(roleEntries[0], "Hypervisor", StringComparison.OrdinalIgnoreCase))
        {
            role = ProjectRole.Hypervisor;
        }
        else if (roleEntries.Count > 0)
        {
            unknownRole = BuildPropertyText.OnOneLine(roleText);
        }

        return new PteGenOptions(configuration, role, unknownRole);
    }
}
