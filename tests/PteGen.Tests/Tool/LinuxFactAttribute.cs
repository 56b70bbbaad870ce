namespace PteGen.Tests.Tool;

/// <summary>
/// A fact that needs Linux devices and a POSIX shell (<c>/dev/full</c>, <c>/bin/sh</c> redirections); skipped elsewhere,
/// but never in CI (<c>CI=true</c>), which runs on Linux: there a skip would hide the test.
/// </summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux() && !Ci.IsRunning)
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
        if (!OperatingSystem.IsLinux() && !Ci.IsRunning)
        {
            Skip = "needs /dev/full and /bin/sh";
        }
    }
}
