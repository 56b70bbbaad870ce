using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;
using System.Text;
using PteGen.Tool.Formats;
using PteGen.Tool.Loading;
using PteGen.Tool.Model;
using PteGen.Tool.Output;

namespace PteGen.Tool.Commands;

/// <summary>
/// <c>ptegen export &lt;assembly-or-json&gt; --format c|md|svg|json|baseline [--out FILE-or-FOLDER | --into PAGE]</c>.
/// A header, JSON or baseline goes to standard output unless <c>--out</c> names a file or folder; pictures go to a
/// folder; a Markdown page goes to a file or folder with its pictures in <c>images/</c> beside it, or into the marked
/// region of an existing page.
/// </summary>
internal static class ExportCommand
{
    public const string ImageFolder = "images";

    private static readonly string FormatNames = string.Join(", ", Enum.GetNames<ExportFormat>().Select(name => name.ToLowerInvariant()));

    public static Command Create()
    {
        var input = new Argument<string>("assembly")
        {
            Description = "The compiled assembly that holds the layouts (its XML documentation file, when next to it, gives each claim's summary), or an ABI JSON file.",
        };
        var format = new Option<ExportFormat>("--format", "-f")
        {
            Description = $"What to write: {FormatNames}.",
            Required = true,
            HelpName = "c|md|svg|json|baseline",
            CustomParser = ParseFormat,
        };
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Where to write: a file, or a folder (an existing one, or a path ending in '/'). Default for c, json and baseline: standard output. Required for svg (a folder) and for md unless --into is given.",
            HelpName = "file-or-folder",
        };
        var into = new Option<string?>("--into")
        {
            Description = $"md only: replace the lines between '{MarkedRegion.Begin}' and '{MarkedRegion.End}' in this existing page; the pictures go to '{ImageFolder}/' beside it.",
            HelpName = "page.md",
        };
        var command = new Command("export", "Write down the ABI of the layouts in a compiled assembly: a C header, a Markdown page with pictures, SVG pictures, JSON or the baseline text.")
        {
            input,
            format,
            output,
            into,
        };
        command.Validators.Add(result =>
        {
            // A missing or unknown format is reported by its parser (GetValue would throw here).
            if (result.GetResult(format) is not { Tokens: [var token] } || FindFormat(token.Value) is not { } chosen)
            {
                return;
            }

            var hasOut = result.GetResult(output) is { Implicit: false };
            var hasInto = result.GetResult(into) is { Implicit: false };
            if (hasInto && chosen != ExportFormat.Md)
            {
                result.AddError("--into is for --format md only.");
            }
            else if (hasInto && hasOut)
            {
                result.AddError("--into and --out cannot be used together: --into writes the page it names.");
            }
            else if (chosen == ExportFormat.Svg && !hasOut)
            {
                result.AddError("--format svg writes one picture per layout: give the folder with --out.");
            }
            else if (chosen == ExportFormat.Svg && result.GetValue(output) is { } pictures
                && pictures.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) && !Directory.Exists(pictures))
            {
                result.AddError($"--format svg writes one picture per layout into a folder, and {Quote.Text(pictures)} names a file: give its folder.");
            }
            else if (chosen == ExportFormat.Md && !hasOut && !hasInto)
            {
                result.AddError($"--format md writes a page and its pictures: give the page or its folder with --out, or an existing page with --into.");
            }
        });
        command.SetAction(result =>
            Run(result.InvocationConfiguration.Output, result.GetValue(input)!, result.GetValue(format), result.GetValue(output), result.GetValue(into)));
        return command;
    }

    public static int Run(TextWriter stdout, string input, ExportFormat format, string? output, string? into)
    {
        var assembly = AbiInput.Read(input);
        var files = new OutputFiles();
        switch (format)
        {
            case ExportFormat.C:
                Single(stdout, files, output, assembly.Name + ".h", CHeaderExporter.Write(assembly));
                break;
            case ExportFormat.Json:
                Single(stdout, files, output, assembly.Name + ".abi.json", JsonExporter.Write(assembly));
                break;
            case ExportFormat.Baseline:
                Single(stdout, files, output, PteAbiBaseline.ShippedFileName, BaselineExporter.Write(assembly));
                break;
            case ExportFormat.Svg:
                OutputFiles.EnsureFolder(Path.GetFullPath(output!), output!);
                WritePictures(files, assembly, output!);
                break;
            case ExportFormat.Md when into is not null:
                Into(files, assembly, into);
                break;
            case ExportFormat.Md:
                var page = IsFolder(output!) ? Path.Combine(output!, assembly.Name + ".abi.md") : output!;
                WritePictures(files, assembly, PicturesBeside(page));
                files.Write(page, MarkdownExporter.Write(assembly, ImageFolder, standalone: true));
                break;
        }

        foreach (var file in files.Written)
        {
            stdout.WriteLine($"wrote {file}");
        }

        return ExitCodes.Success;
    }

    private static void Single(TextWriter stdout, OutputFiles files, string? output, string defaultName, string text)
    {
        if (output is null)
        {
            stdout.Write(text);
            return;
        }

        files.Write(IsFolder(output) ? Path.Combine(output, defaultName) : output, text);
    }

    private static void Into(OutputFiles files, ExportedAssembly assembly, string page)
    {
        string text;
        try
        {
            text = File.ReadAllText(page, Encoding.UTF8);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw ToolException.Input(File.Exists(page) || Directory.Exists(page)
                ? $"--into {Quote.Text(page)} cannot be read: {exception.Message}"
                : $"--into {Quote.Text(page)} does not exist: --into replaces the marked region of an existing page.");
        }

        // The markers are checked before anything is written.
        var updated = MarkedRegion.Replace(text, MarkdownExporter.Write(assembly, ImageFolder, standalone: false), page);
        WritePictures(files, assembly, PicturesBeside(page));
        files.Write(page, updated);
    }

    private static void WritePictures(OutputFiles files, ExportedAssembly assembly, string folder)
    {
        OutputFiles.EnsureFolder(folder, folder);
        foreach (var picture in Pictures.All(assembly))
        {
            files.Write(Path.Combine(folder, picture.FileName), SvgExporter.Write(picture));
        }
    }

    // The pictures' folder beside a page, spelled as the page was (relative stays relative).
    private static string PicturesBeside(string page) => Path.Combine(Path.GetDirectoryName(page) ?? "", ImageFolder);

    private static bool IsFolder(string path) =>
        Directory.Exists(path) || path.EndsWith('/') || path.EndsWith(Path.DirectorySeparatorChar);

    // By name only: Enum.TryParse would also take "1" or "c,md".
    private static ExportFormat? FindFormat(string text) =>
        Enum.GetNames<ExportFormat>().FirstOrDefault(candidate => string.Equals(candidate, text.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<ExportFormat>(name)
            : null;

    private static ExportFormat ParseFormat(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (FindFormat(text) is { } format)
        {
            return format;
        }

        result.AddError($"--format {Quote.Text(text)} is not a format: use {FormatNames}.");
        return default;
    }
}
