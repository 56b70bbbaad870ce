using System.CommandLine;
using System.CommandLine.Invocation;
using XenPv.Tool;

// xenpte: decode, adjust, tabulate and negotiate Xen x86-64 PV page-table entries, from the generated layouts.
var root = new RootCommand(
    "xenpte: decode, adjust, tabulate and negotiate Xen x86-64 PV page-table entries (the PteGen layouts of samples/XenPv).")
{
    DecodeCommand.Create(),
    AdjustCommand.Create(),
    LayoutCommand.Create(),
    NegotiateCommand.Create(),
};

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0 && parsed.Action is ParseErrorAction onError && parsed.CommandResult.Command != root)
{
    // A mistake in a command's options: the error alone, and where to find the usage, rather than the whole help.
    onError.ShowHelp = false;
    var exitCode = parsed.Invoke();
    parsed.InvocationConfiguration.Error.WriteLine($"Run 'xenpte {parsed.CommandResult.Command.Name} --help' for usage.");
    return exitCode;
}

return parsed.Invoke();
