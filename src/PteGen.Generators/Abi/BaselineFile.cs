using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace PteGen.Generators.Abi;

/// <summary>One line of a baseline file that holds a fact, with where it is.</summary>
internal sealed record BaselineEntry(PteAbiFact Fact, Location Location);

/// <summary>One line of a baseline file that is not a fact, with why and where.</summary>
internal sealed record UnreadableLine(string FileName, int LineNumber, string Error, Location Location);

/// <summary>
/// One <c>PteAbi.Shipped.txt</c> or <c>PteAbi.Unshipped.txt</c> among the project's additional files, read line by
/// line: blank and <c>#</c> lines skipped, the others facts or unreadable lines.
/// </summary>
internal sealed class BaselineFile
{
    private BaselineFile(string path, bool isShipped, List<BaselineEntry> entries, List<UnreadableLine> unreadable)
    {
        Path = path;
        IsShipped = isShipped;
        Entries = entries;
        Unreadable = unreadable;
    }

    public string Path { get; }

    public bool IsShipped { get; }

    public IReadOnlyList<BaselineEntry> Entries { get; }

    public IReadOnlyList<UnreadableLine> Unreadable { get; }

    /// <summary>The baseline files among <paramref name="files"/>, matched by name; empty when there is none.</summary>
    public static List<BaselineFile> ReadAll(ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
    {
        var result = new List<BaselineFile>();
        foreach (var file in files)
        {
            var name = System.IO.Path.GetFileName(file.Path);
            var isShipped = string.Equals(name, PteAbiBaseline.ShippedFileName, StringComparison.OrdinalIgnoreCase);
            if (!isShipped && !string.Equals(name, PteAbiBaseline.UnshippedFileName, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // A file the build lists but cannot read has no facts: every shipped claim then reads as a break.
            var text = file.GetText(cancellationToken) ?? SourceText.From("");
            result.Add(Read(file.Path, isShipped, text, cancellationToken));
        }

        // The order of additional files is the project's; a stable order keeps the reports deterministic.
        result.Sort((left, right) => string.CompareOrdinal(left.Path, right.Path));
        return result;
    }

    private static BaselineFile Read(string path, bool isShipped, SourceText text, CancellationToken cancellationToken)
    {
        var entries = new List<BaselineEntry>();
        var unreadable = new List<UnreadableLine>();
        var fileName = isShipped ? PteAbiBaseline.ShippedFileName : PteAbiBaseline.UnshippedFileName;
        foreach (var line in text.Lines)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var content = line.ToString();
            if (PteAbiBaseline.IsSkipped(content))
            {
                continue;
            }

            var location = Location.Create(path, line.Span, text.Lines.GetLinePositionSpan(line.Span));
            if (PteAbiFact.TryParse(content, out var fact, out var error))
            {
                entries.Add(new BaselineEntry(fact, location));
            }
            else
            {
                unreadable.Add(new UnreadableLine(fileName, line.LineNumber + 1, error, location));
            }
        }

        return new BaselineFile(path, isShipped, entries, unreadable);
    }
}
