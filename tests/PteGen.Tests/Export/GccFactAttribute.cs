namespace PteGen.Tests.Export;

/// <summary>A fact that needs <c>gcc</c> on the PATH (it is on the development machines and in CI); skipped, saying so, where it is not.</summary>
public sealed class GccFactAttribute : FactAttribute
{
    public GccFactAttribute()
    {
        if (Gcc.Path is null)
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
