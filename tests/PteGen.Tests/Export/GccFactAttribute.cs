namespace PteGen.Tests.Export;

/// <summary>
/// A fact that needs <c>gcc</c> on the PATH. Skipped, saying so, on a developer's machine without it; never in CI
/// (<c>CI=true</c>, which <c>.ci/run</c> sets), where a missing gcc fails the test instead of hiding it.
/// </summary>
public sealed class GccFactAttribute : FactAttribute
{
    public GccFactAttribute()
    {
        if (Gcc.Path is null && !Ci.IsRunning)
        {
            Skip = "gcc is not on the PATH.";
        }
    }
}

/// <summary>Where gcc is.</summary>
internal static class Gcc
{
    public static string? Path { get; } = Find();

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => System.IO.Path.Combine(folder, "gcc"))
            .FirstOrDefault(File.Exists);
}
