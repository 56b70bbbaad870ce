using System.Security.Cryptography;
using System.Text;

namespace PteGen.IntegrationTests.Infrastructure;

/// <summary>
/// A fingerprint of everything <c>dotnet pack src/PteGen</c> reads from the repository: the sources of the three
/// packed projects, the repository-wide MSBuild and SDK files, and the git commit (SourceLink stamps it into the
/// assemblies and the nuspec). Other people edit the repository while these tests run; two packs are only comparable
/// when the fingerprint did not change around them.
/// </summary>
public static class PackInputs
{
    private static readonly string[] RootFiles =
    [
        "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", ".editorconfig", "NuGet.Config",
    ];

    /// <summary>Computes the fingerprint of <paramref name="repositoryRoot"/>.</summary>
    /// <param name="repositoryRoot">The folder that holds PteGen.sln.</param>
    public static async Task<string> CaptureAsync(string repositoryRoot)
    {
        var files = new List<string>();
        files.AddRange(RootFiles.Select(name => Path.Combine(repositoryRoot, name)).Where(File.Exists));
        foreach (var project in new[] { "PteGen", "PteGen.Generators", "PteGen.CodeFixes" })
        {
            var folder = Path.Combine(repositoryRoot, "src", project);
            if (Directory.Exists(folder))
            {
                files.AddRange(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(path => !IsBuildOutput(folder, path)));
            }
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files.Select(path => Path.GetRelativePath(repositoryRoot, path)).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file + "\n"));
            try
            {
                hash.AppendData(await File.ReadAllBytesAsync(Path.Combine(repositoryRoot, file)));
            }
            catch (IOException)
            {
                // Deleted or being replaced right now: that is a change, and the name alone records it.
                hash.AppendData("<unreadable>"u8);
            }
        }

        hash.AppendData(Encoding.UTF8.GetBytes("HEAD " + await GitHeadAsync(repositoryRoot)));
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static bool IsBuildOutput(string projectFolder, string path)
    {
        var first = Path.GetRelativePath(projectFolder, path).Split(Path.DirectorySeparatorChar)[0];
        return first is "bin" or "obj";
    }

    private static async Task<string> GitHeadAsync(string repositoryRoot)
    {
        try
        {
            using var git = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git")
            {
                ArgumentList = { "-C", repositoryRoot, "rev-parse", "HEAD" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (git is null)
            {
                return "";
            }

            var head = await git.StandardOutput.ReadToEndAsync();
            await git.WaitForExitAsync();
            return head.Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return ""; // No git: the files alone.
        }
    }
}
