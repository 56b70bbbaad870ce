using System.Text.RegularExpressions;

namespace PteGen.IntegrationTests.Infrastructure;

/// <summary>One diagnostic line of MSBuild's canonical format: <c>origin: error CODE: message [project]</c>.</summary>
/// <param name="Origin">The file and position (<c>/x/A.cs(7,41)</c>), or the tool (<c>CSC</c>).</param>
/// <param name="Severity"><c>error</c> or <c>warning</c>.</param>
/// <param name="Code">The diagnostic ID, e.g. <c>PTE101</c>.</param>
/// <param name="Message">The message, without the trailing project.</param>
/// <param name="Project">The project file that reported it.</param>
/// <param name="Line">The whole line.</param>
public sealed partial record BuildDiagnostic(string Origin, string Severity, string Code, string Message, string Project, string Line)
{
    /// <summary>Whether this is an error.</summary>
    public bool IsError => Severity == "error";

    /// <summary>
    /// Whether the diagnostic is located in source that a generator produced: PteGen's generated files are named
    /// <c>PteGen.Generators/PteGen.Generators.PteGenerator/*.g.cs</c>, and MSBuild's generated sources end in <c>.g.cs</c>.
    /// </summary>
    public bool IsInGeneratedFile =>
        Origin.Contains("PteGen.Generators", StringComparison.OrdinalIgnoreCase)
        || Origin.Contains(".g.cs", StringComparison.OrdinalIgnoreCase);

    /// <summary>The file name of the origin (<c>A.cs</c>), or the origin itself when it is not a file.</summary>
    public string FileName
    {
        get
        {
            var path = Origin;
            var parenthesis = path.IndexOf('(', StringComparison.Ordinal);
            if (parenthesis > 0)
            {
                path = path[..parenthesis];
            }

            return Path.GetFileName(path);
        }
    }

    /// <summary>The line number in <see cref="Origin"/> (<c>/x/A.cs(7,41)</c> is line 7), or -1 when it has none.</summary>
    public int SourceLine
    {
        get
        {
            var start = Origin.LastIndexOf('(');
            var comma = start < 0 ? -1 : Origin.IndexOf(',', start + 1);
            return comma < 0 ? -1 : int.Parse(Origin[(start + 1)..comma], System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The distinct diagnostics among <paramref name="lines"/>, in order of first appearance.</summary>
    /// <param name="lines">Build output lines.</param>
    public static IReadOnlyList<BuildDiagnostic> Parse(IEnumerable<string> lines)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<BuildDiagnostic>();
        foreach (var line in lines)
        {
            var match = DiagnosticLine().Match(line);
            if (match.Success && seen.Add(line))
            {
                result.Add(new BuildDiagnostic(
                    match.Groups["origin"].Value.Trim(),
                    match.Groups["severity"].Value,
                    match.Groups["code"].Value,
                    match.Groups["message"].Value.Trim(),
                    match.Groups["project"].Value,
                    line));
            }
        }

        return result;
    }

    [GeneratedRegex(@"^(?<origin>.*?)\s*:\s+(?<severity>error|warning)\s+(?<code>[A-Za-z]+[0-9]+)\s*:\s*(?<message>.*?)(?:\s+\[(?<project>[^\[\]]+)\])?$")]
    private static partial Regex DiagnosticLine();
}
