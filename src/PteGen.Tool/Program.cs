using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using PteGen.Tool;
using PteGen.Tool.Commands;

// ptegen: writes down the ABI that PteGen layouts declare, and compares two versions of it.
var root = new RootCommand("ptegen: export the page-table-entry ABI declared by PteGen layouts in a compiled assembly (C header, Markdown, SVG, JSON, baseline), and diff two versions of it.")
{
    ExportCommand.Create(),
    DiffCommand.Create(),
};
root.Directives.Clear();

// No response files: '@file' would read any file into the command line.
var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });

var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
var output = new StreamWriter(Console.OpenStandardOutput(), utf8, 1 << 16) { NewLine = "\n" };
var error = new StreamWriter(Console.OpenStandardError(), utf8, 1 << 10) { AutoFlush = true, NewLine = "\n" };
var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
var commandName = parsed.CommandResult.Command == root ? "ptegen" : $"ptegen {parsed.CommandResult.Command.Name}";

if (parsed.Errors.Count > 0)
{
    // "Required command was not provided" beside "Unrecognized command 'frob'" would contradict it: say only the latter.
    var errors = parsed.Errors.Count > 1
        ? parsed.Errors.Where(item => !item.Message.StartsWith("Required command was not provided", StringComparison.Ordinal)).ToList()
        : parsed.Errors.ToList();
    foreach (var item in errors)
    {
        error.WriteLine($"{commandName}: {item.Message}");
    }

    error.WriteLine(parsed.CommandResult.Command == root
        ? $"Run 'ptegen --help' for usage; the commands are {string.Join(", ", root.Subcommands.Select(item => item.Name))}."
        : $"Run '{commandName} --help' for usage.");
    return ExitCodes.Usage;
}

try
{
    var exitCode = parsed.Invoke(invocation);
    output.Flush();
    return exitCode;
}
catch (ToolException failure)
{
    try
    {
        output.Flush();
    }
    catch (IOException)
    {
    }

    error.WriteLine($"{commandName}: error: {failure.Message}");
    return failure.ExitCode;
}
catch (IOException failure)
{
    // Standard output could not be written (a closed pipe, a full disk).
    error.WriteLine($"{commandName}: error: cannot write the output: {failure.Message}");
    return ExitCodes.Output;
}
