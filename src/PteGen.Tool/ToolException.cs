using System;

namespace PteGen.Tool;

/// <summary>A mistake of the user's (a bad input, an output that cannot be written): a message and an exit code, no stack trace.</summary>
internal sealed class ToolException : Exception
{
    public ToolException(int exitCode, string message)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public ToolException(int exitCode, string message, Exception inner)
        : base(message, inner)
    {
        ExitCode = exitCode;
    }

    /// <summary>One of <see cref="ExitCodes"/>.</summary>
    public int ExitCode { get; }

    public static ToolException Input(string message) => new(ExitCodes.Input, message);

    public static ToolException Output(string message, Exception? inner = null) =>
        inner is null ? new(ExitCodes.Output, message) : new(ExitCodes.Output, message, inner);
}
