using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PteGen.Generators.Usage;

/// <summary>Which side of the ABI a project is on.</summary>
internal enum ProjectRole
{
    /// <summary>Not set: a project that declares layouts is the hypervisor, one that only references them a guest.</summary>
    Default,
    Guest,
    Hypervisor,
}

/// <summary>PteGen's MSBuild settings as the analyzers see them (see <c>PteGen.props</c>).</summary>
internal sealed class PteGenOptions
{
    private PteGenOptions(IReadOnlyList<string>? configuration, ProjectRole role, string? unknownRole)
    {
        Configuration = configuration;
        Role = role;
        UnknownRole = unknownRole;
    }

    /// <summary>The switch names of <c>PteGenConfiguration</c>; <see langword="null"/> when the property is absent or empty.</summary>
    public IReadOnlyList<string>? Configuration { get; }

    public ProjectRole Role { get; }

    /// <summary>The text of <c>PteGenRole</c> when it is neither Guest nor Hypervisor.</summary>
    public string? UnknownRole { get; }

    public static PteGenOptions Read(AnalyzerOptions options)
    {
        var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
        IReadOnlyList<string>? configuration = null;
        if (global.TryGetValue(BuildProperties.Configuration, out var text) && text.Trim().Length > 0)
        {
            configuration = text.Split(new[] { ';', ',', '|', ' ' }, StringSplitOptions.RemoveEmptyEntries);
        }

        var role = ProjectRole.Default;
        string? unknownRole = null;
        if (global.TryGetValue(BuildProperties.Role, out var roleText) && roleText.Trim().Length > 0)
        {
            roleText = roleText.Trim();
            if (string.Equals(roleText, "Guest", StringComparison.OrdinalIgnoreCase))
            {
                role = ProjectRole.Guest;
            }
            else if (string.Equals(roleText, "Hypervisor", StringComparison.OrdinalIgnoreCase))
            {
                role = ProjectRole.Hypervisor;
            }
            else
            {
                unknownRole = roleText;
            }
        }

        return new PteGenOptions(configuration, role, unknownRole);
    }
}
