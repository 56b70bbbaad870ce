namespace PteGen.Tool;

/// <summary>The exit codes of <c>ptegen</c>, the same for every command.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked (for <c>diff</c>: nothing breaks; additions alone are fine).</summary>
    public const int Success = 0;

    /// <summary><c>diff</c>: the new ABI breaks the old one.</summary>
    public const int Break = 1;

    /// <summary>A mistake on the command line: an unknown command, option or format, a missing argument.</summary>
    public const int Usage = 2;

    /// <summary>An input that cannot be used: a missing file, not a .NET assembly, no layouts in it, a bad JSON file.</summary>
    public const int Input = 3;

    /// <summary>The output cannot be written: a folder that cannot be created, a file that cannot be written.</summary>
    public const int Output = 4;
}
