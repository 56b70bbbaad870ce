using System;
using System.IO;

namespace XenPv.Tool;

/// <summary>Reading standard input or writing standard output or error failed (a directory as input, a full disk, a closed pipe).</summary>
internal sealed class StandardStreamException : Exception
{
    public StandardStreamException(string action, Exception inner)
        : base($"cannot {action}: {Reason(inner)}", inner)
    {
        Action = action;
    }

    /// <summary>What failed, for example <c>read standard input</c>.</summary>
    public string Action { get; }

    /// <summary>Whether the failure is an exception that reading or writing a standard stream can throw.</summary>
    public static bool IsStreamFailure(Exception exception) => exception is IOException or UnauthorizedAccessException;

    // The operating system's words ("Is a directory", "No space left on device"), without the runtime's wrapping:
    // a closed descriptor surfaces as "Access to the path is denied" around the IOException that says so.
    private static string Reason(Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is IOException inner)
        {
            innermost = inner;
        }

        return innermost.Message.TrimEnd('.');
    }
}
