using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using XenPv.Tool;

// xenpte: decode, adjust, tabulate and negotiate Xen x86-64 PV page-table entries, from the generated layouts, and
// check real guest kernels' software bits against them.
var root = new RootCommand(
    "xenpte: decode, adjust, tabulate and negotiate Xen x86-64 PV page-table entries (the PteGen layouts of samples/XenPv), " +
    "and show which guest kernels collide with which Xen configuration (compat).")
{
    DecodeCommand.Create(),
    AdjustCommand.Create(),
    LayoutCommand.Create(),
    NegotiateCommand.Create(),
    CompatCommand.Create(),
};

// No [suggest] directive (shell completion through dotnet-suggest, which the tool does not offer): System.CommandLine
// throws on "[suggest:abc]".
root.Directives.Clear();

// Stray tokens are reported by UsageErrors, which quotes them escaped and cut short: while parsing, the root does not
// treat them as errors, and then System.CommandLine reports them for no command. Turned back on after parsing, for
// the help, which would otherwise offer "additional arguments". No response files: '@file' would read any file,
// /dev/zero included, into memory; no entry starts with '@'.
root.TreatUnmatchedTokensAsErrors = false;
var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
root.TreatUnmatchedTokensAsErrors = true;

// The tool's own writers, so that a failure to write says which stream failed (see StandardStream). Output is
// buffered and flushed at the end; errors are written as they come.
var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
var output = new StreamWriter(StandardStream.Output(), utf8, 1 << 16);
var error = new StreamWriter(StandardStream.Error(), utf8, 1 << 10) { AutoFlush = true };
var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
var commandName = parsed.CommandResult.Command == root ? "xenpte" : $"xenpte {parsed.CommandResult.Command.Name}";

try
{
    var exitCode = UsageErrors.Any(parsed) ? UsageErrors.Report(parsed, error) : parsed.Invoke(invocation);
    output.Flush();
    return exitCode;
}
catch (StandardStreamException failure)
{
    try
    {
        error.WriteLine($"{commandName}: {failure.Message}.");
    }
    catch (StandardStreamException)
    {
        // Standard error itself cannot be written: the exit code is all that is left.
    }

    return ExitCodes.Io;
}
