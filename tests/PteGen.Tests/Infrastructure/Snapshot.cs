using System.Runtime.CompilerServices;

namespace PteGen.Tests.Infrastructure;

/// <summary>
/// Checked-in snapshots: <c>Snapshots/{name}.verified.cs</c> holds the expected text. A mismatch writes
/// <c>{name}.received.cs</c> next to it and fails; with <c>PTEGEN_ACCEPT_SNAPSHOTS=1</c> the received text is
/// accepted (written as the new verified file) instead.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "PTEGEN_ACCEPT_SNAPSHOTS";

    public static void Match(string actual, string name, [CallerFilePath] string callerFile = "")
    {
        // The caller's folder, relative to the test project (deterministic builds map compile-time paths to /_/).
        var marker = "PteGen.Tests" + Path.DirectorySeparatorChar;
        var callerFolder = Path.GetDirectoryName(callerFile)! + Path.DirectorySeparatorChar;
        var relative = callerFolder.Substring(callerFolder.LastIndexOf(marker, StringComparison.Ordinal) + marker.Length);
        var directory = Path.Combine(Repository.TestProject, relative, "Snapshots");
        Directory.CreateDirectory(directory);
        var verified = Path.Combine(directory, name + ".verified.cs");
        var received = Path.Combine(directory, name + ".received.cs");
        var expected = File.Exists(verified) ? File.ReadAllText(verified) : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        Assert.Fail(expected is null
            ? $"No snapshot {verified} yet. Review {received}, then rename it to .verified.cs (or run the tests with {AcceptVariable}=1)."
            : $"The output differs from {verified}{Environment.NewLine}{FirstDifference(expected, actual)}{Environment.NewLine}Review {received}; run with {AcceptVariable}=1 to accept it.");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var index = 0; index < Math.Max(expectedLines.Length, actualLines.Length); index++)
        {
            var left = index < expectedLines.Length ? expectedLines[index] : "<end of file>";
            var right = index < actualLines.Length ? actualLines[index] : "<end of file>";
            if (left != right)
            {
                return $"First difference at line {index + 1}:{Environment.NewLine}  verified: {left}{Environment.NewLine}  received: {right}";
            }
        }

        return "The files differ in line endings only.";
    }
}
