using System.CommandLine;
using System.IO;
using System.Linq;

namespace XenPv.Tool;

/// <summary>
/// Mistakes on the command line: each error on its own line, stray tokens quoted escaped (see <see cref="Echo"/>),
/// then where to find the usage; exit code <see cref="ExitCodes.Usage"/>.
/// </summary>
internal static class UsageErrors
{
    /// <summary>
    /// Whether the command line has a mistake. Stray tokens after <c>--help</c> are not one: help clears the parse
    /// errors and runs.
    /// </summary>
    public static bool Any(ParseResult parsed) =>
        parsed.Errors.Count > 0 || (parsed.UnmatchedTokens.Count > 0 && parsed.Action is not { ClearsParseErrors: true });

    /// <summary>Writes the mistakes of <paramref name="parsed"/> to <paramref name="error"/>; returns <see cref="ExitCodes.Usage"/>.</summary>
    public static int Report(ParseResult parsed, TextWriter error)
    {
        foreach (var item in parsed.Errors)
        {
            // The tool's own messages quote the user's text through Echo already; System.CommandLine's are made safe here.
            error.WriteLine(Echo.Message(item.Message));
        }

        foreach (var token in parsed.UnmatchedTokens)
        {
            error.WriteLine($"Unrecognized command or argument {Echo.Quoted(token)}.");
        }

        error.WriteLine();
        var command = parsed.CommandResult.Command;
        error.WriteLine(command is RootCommand
            ? $"Run 'xenpte --help' for usage; the commands are {string.Join(", ", command.Subcommands.Select(item => item.Name))}."
            : $"Run 'xenpte {command.Name} --help' for usage.");
        return ExitCodes.Usage;
    }
}
