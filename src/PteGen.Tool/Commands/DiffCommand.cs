using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using PteGen.Tool.Formats;
using PteGen.Tool.Loading;

namespace PteGen.Tool.Commands;

/// <summary>
/// <c>ptegen diff &lt;old&gt; &lt;new&gt;</c>: every fact that changed between two versions of an ABI (assemblies or ABI
/// JSON files), in the baseline's words, with the old version as the shipped one (<see cref="PteAbiComparison"/>).
/// Exit code 0 when nothing breaks (additions alone are listed), <see cref="ExitCodes.Break"/> on a break.
/// </summary>
internal static class DiffCommand
{
    public static Command Create()
    {
        var old = new Argument<string>("old") { Description = "The shipped version: a compiled assembly with PteGen layouts, or an ABI JSON file." };
        var current = new Argument<string>("new") { Description = "The new version: a compiled assembly, or an ABI JSON file." };
        var command = new Command("diff", "List every ABI fact that changed between two versions of the layouts; exit 1 when a change breaks the old ABI.")
        {
            old,
            current,
        };
        command.SetAction(result => Run(result.InvocationConfiguration.Output, result.GetValue(old)!, result.GetValue(current)!));
        return command;
    }

    public static int Run(TextWriter stdout, string oldPath, string newPath)
    {
        var before = BaselineExporter.Facts(AbiInput.Read(oldPath)).ToList();
        var after = BaselineExporter.Facts(AbiInput.Read(newPath)).ToList();
        var changes = PteAbiComparison.Compare(before, Array.Empty<PteAbiFact>(), after);
        foreach (var change in changes)
        {
            switch (change.Kind)
            {
                case PteAbiChangeKind.Break:
                    stdout.WriteLine($"break: {change.Message}");
                    if (change.Baseline is { } was)
                    {
                        stdout.WriteLine($"  - {was.ToLine()}");
                    }

                    if (change.Current is { } now)
                    {
                        stdout.WriteLine($"  + {now.ToLine()}");
                    }

                    break;
                case PteAbiChangeKind.Addition:
                    stdout.WriteLine($"addition: {change.Current!.ToLine()}");
                    break;
            }
        }

        var breaks = changes.Count(change => change.IsBreak);
        var additions = changes.Count(change => change.Kind == PteAbiChangeKind.Addition);
        stdout.WriteLine(changes.Count == 0
            ? "no change: both hold the same ABI facts."
            : $"{Count(breaks, "break")}, {Count(additions, "addition")}: " + (breaks > 0 ? "the new version breaks the old ABI." : "nothing breaks."));
        return breaks > 0 ? ExitCodes.Break : ExitCodes.Success;
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
