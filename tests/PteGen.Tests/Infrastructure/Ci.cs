namespace PteGen.Tests.Infrastructure;

/// <summary>Whether the tests run in CI, where an environmental skip would hide a missing tool.</summary>
internal static class Ci
{
    public static bool IsRunning { get; } = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
