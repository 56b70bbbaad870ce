namespace XenPv.Tool;

/// <summary>The exit codes of <c>xenpte</c>, the same for every command.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The input was read, but some of it was refused: bad lines in <c>adjust</c>, a failed negotiation.</summary>
    public const int Failure = 1;

    /// <summary>A mistake on the command line: an unknown command or option, a bad option value or argument.</summary>
    public const int Usage = 2;

    /// <summary>Standard input could not be read, or standard output written.</summary>
    public const int Io = 3;
}
