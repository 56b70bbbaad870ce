namespace PteGen.Tests.Infrastructure;

/// <summary>Paths in the repository the tests run from (found above the test assembly, not from compile-time paths,
/// which deterministic CI builds map to <c>/_/</c>).</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The text of a file of the Xen sample (samples/XenPv).</summary>
    public static string ReadSample(string relativePath) => File.ReadAllText(Path.Combine(Root, "samples", "XenPv", relativePath));

    /// <summary>The test project's source folder.</summary>
    public static string TestProject => Path.Combine(Root, "tests", "PteGen.Tests");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PteGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("PteGen.sln not found above " + AppContext.BaseDirectory);
    }
}
