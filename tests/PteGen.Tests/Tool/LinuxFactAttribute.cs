namespace PteGen.Tests.Tool;

/// <summary>A fact that needs Linux devices and a POSIX shell (<c>/dev/full</c>, <c>/bin/sh</c> redirections); skipped elsewhere.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "needs /dev/full and /bin/sh";
        }
    }
}

/// <summary>The theory form of <see cref="LinuxFactAttribute"/>.</summary>
public sealed class LinuxTheoryAttribute : TheoryAttribute
{
    public LinuxTheoryAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "needs /dev/full and /bin/sh";
        }
    }
}
