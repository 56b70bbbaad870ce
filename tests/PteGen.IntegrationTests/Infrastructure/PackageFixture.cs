using System.Collections.Concurrent;
using System.Diagnostics;

namespace PteGen.IntegrationTests.Infrastructure;

/// <summary>The one collection of these tests: they share one packed package, its feed and one restore cache.</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "PteGen package";
}

/// <summary>One <c>dotnet pack</c> of the package, and what a pack produced.</summary>
/// <param name="Package">The .nupkg file.</param>
/// <param name="Command">The pack command and its output.</param>
/// <param name="InputsBefore">The <see cref="PackInputs"/> fingerprint before the pack started.</param>
/// <param name="InputsAfter">The fingerprint after it ended.</param>
public sealed record PackResult(string Package, CommandResult Command, string InputsBefore, string InputsAfter)
{
    /// <summary>Whether nobody changed the repository while this pack ran.</summary>
    public bool InputsStable => InputsBefore == InputsAfter;
}

/// <summary>
/// Packs PteGen once per test run into a temporary local feed, with a version of its own
/// (<c>0.1.0-it.&lt;time&gt;.&lt;id&gt;</c>) so that no cached package of another run can be restored, and gives every
/// scenario one NUGET_PACKAGES folder, shared by all scenarios and isolated from <c>~/.nuget</c>.
/// </summary>
/// <remarks>
/// <para>
/// The pack builds into <c>artifacts/integration-tests/&lt;run&gt;/</c> inside the repository (git-ignored), never into
/// the projects' own <c>bin/</c> and <c>obj/</c> that developers build concurrently. It stays inside the repository on
/// purpose: ContinuousIntegrationBuild maps only the git root to <c>/_/</c>, so an intermediate folder outside it
/// (say in /tmp) would stamp its absolute path into the assemblies (the PDB path) and make every pack different.
/// </para>
/// <para>
/// Right after the first pack, a second, clean pack of the same sources into another feed starts in the background
/// for the determinism test; it overlaps with the scenario builds and is cancelled at the end when no test used it.
/// </para>
/// <para>Set <c>PTEGEN_IT_KEEP=1</c> to keep the temporary folders for inspection.</para>
/// </remarks>
public sealed class PackageFixture : IAsyncLifetime
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(6);
    private readonly CancellationTokenSource _disposing = new();
    private readonly List<string> _log = [];
    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _shared = new(StringComparer.Ordinal);
    private Task<PackResult>? _secondPack;

    /// <summary>Creates the fixture's folders; <see cref="InitializeAsync"/> packs.</summary>
    public PackageFixture()
    {
        RepositoryRoot = FindRepositoryRoot();
        var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        RunId = $"{stamp}-{Guid.NewGuid():N}"[..23];
        Version = $"0.1.0-it.{stamp}.r{RunId[15..]}";
        WorkRoot = Path.Combine(Path.GetTempPath(), "ptegen-it-" + RunId);
        ArtifactsPath = Path.Combine(RepositoryRoot, "artifacts", "integration-tests", RunId);
    }

    /// <summary>The folder that holds PteGen.sln.</summary>
    public string RepositoryRoot { get; }

    /// <summary>This run's identifier (time and a random part).</summary>
    public string RunId { get; }

    /// <summary>The package version of this run.</summary>
    public string Version { get; }

    /// <summary>This run's temporary folder, outside the repository (no Directory.Build.props applies).</summary>
    public string WorkRoot { get; }

    /// <summary>The local feed the scenarios restore PteGen from.</summary>
    public string FeedDirectory => Path.Combine(WorkRoot, "feed");

    /// <summary>The NUGET_PACKAGES folder of every scenario process.</summary>
    public string PackagesDirectory => Path.Combine(WorkRoot, "nuget-packages");

    /// <summary>The folder that holds one folder per scenario.</summary>
    public string ScenariosRoot => Path.Combine(WorkRoot, "scenarios");

    /// <summary>The pack's bin/obj root (git-ignored, inside the repository; see the remarks).</summary>
    public string ArtifactsPath { get; }

    /// <summary>The pack every scenario uses.</summary>
    public PackResult Pack { get; private set; } = null!;

    /// <summary>The packed .nupkg.</summary>
    public string PackagePath => Pack.Package;

    /// <summary>The environment of every scenario's <c>dotnet</c> process.</summary>
    public IReadOnlyDictionary<string, string?> ScenarioEnvironment => new Dictionary<string, string?>
    {
        ["NUGET_PACKAGES"] = PackagesDirectory,
        ["MSBuildEnableWorkloadResolver"] = "false",
        // The repository's CI sets CI=true; a consumer's build should not inherit that.
        ["CI"] = null,
        ["ContinuousIntegrationBuild"] = null,
    };

    /// <summary>What the fixture did and how long each step took.</summary>
    public IReadOnlyList<string> Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToList();
            }
        }
    }

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(FeedDirectory);
        Directory.CreateDirectory(PackagesDirectory);
        Directory.CreateDirectory(ScenariosRoot);

        // Nothing above the scenarios (a Directory.Build.props or central package versions of an enclosing folder)
        // may change how they build: these files stop MSBuild's upward search.
        File.WriteAllText(Path.Combine(ScenariosRoot, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(ScenariosRoot, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(ScenariosRoot, "Directory.Packages.props"), "<Project />\n");

        Record($"run {RunId}, package version {Version}, work folder {WorkRoot}");
        Pack = await PackAsync(FeedDirectory, "pack");
        _secondPack = Task.Run(() => PackAsync(Path.Combine(WorkRoot, "feed-determinism"), "second pack (determinism)"));
    }

    /// <summary>
    /// The second pack of the same sources, clean, into its own feed (started after <see cref="Pack"/>); a pack
    /// whose inputs changed is repeated, with the latest pack as the new reference.
    /// </summary>
    /// <returns>Two packs of identical inputs.</returns>
    public async Task<(PackResult First, PackResult Second)> PackTwiceAsync()
    {
        var first = Pack;
        var second = await (_secondPack ?? throw new InvalidOperationException("The fixture is not initialized."));
        for (var attempt = 2; !(first.InputsStable && second.InputsStable && first.InputsAfter == second.InputsBefore); attempt++)
        {
            if (attempt > 4)
            {
                throw new InvalidOperationException(
                    "The repository's pack inputs (src/PteGen*, the root props, the git commit) changed during every pair of packs; "
                    + "the determinism test needs them to hold still for two packs.");
            }

            Record("pack inputs changed during or between the packs; packing again with the latest pack as the reference");
            first = second;
            second = await PackAsync(Path.Combine(WorkRoot, $"feed-determinism-{attempt}"), $"pack {attempt + 1} (determinism)");
        }

        return (first, second);
    }

    /// <summary>
    /// The result of <paramref name="create"/>, computed once per run: several tests assert on one build (for example
    /// the guest builds under each configuration) instead of building again.
    /// </summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="key">What is shared.</param>
    /// <param name="create">Computes it.</param>
    public async Task<T> SharedAsync<T>(string key, Func<Task<T>> create)
        where T : class =>
        (T)await _shared.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => await create())).Value;

    /// <summary>Writes <paramref name="message"/> to the fixture's log, with the time of day (UTC).</summary>
    /// <param name="message">The message.</param>
    public void Record(string message)
    {
        lock (_log)
        {
            _log.Add($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
        }
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        // A second pack that no test waited for is not worth finishing.
        await _disposing.CancelAsync();
        if (_secondPack is not null)
        {
            try
            {
                await _secondPack;
            }
            catch (Exception exception) when (exception is OperationCanceledException or InvalidOperationException or TimeoutException or IOException)
            {
            }
        }

        if (Environment.GetEnvironmentVariable("PTEGEN_IT_KEEP") == "1")
        {
            return;
        }

        TryDelete(WorkRoot);
        TryDelete(ArtifactsPath);
        TryDeleteIfEmpty(Path.GetDirectoryName(ArtifactsPath)!);
        TryDeleteIfEmpty(Path.Combine(RepositoryRoot, "artifacts"));
        _disposing.Dispose();
    }

    /// <summary>
    /// <c>dotnet pack</c> of src/PteGen into <paramref name="feed"/>, from a clean intermediate folder (the same path
    /// every time, emptied first), retried when it fails while someone else changes the repository.
    /// </summary>
    private async Task<PackResult> PackAsync(string feed, string label)
    {
        Directory.CreateDirectory(feed);
        string[] arguments =
        [
            "pack", Path.Combine(RepositoryRoot, "src", "PteGen", "PteGen.csproj"),
            "-c", "Release",
            "-o", feed,
            "-p:ContinuousIntegrationBuild=true",
            $"-p:Version={Version}",
            "--artifacts-path", ArtifactsPath,
            "-nologo", "-v:m", "-tl:off", "-nodeReuse:false", "--disable-build-servers",
        ];

        for (var attempt = 1; ; attempt++)
        {
            TryDelete(ArtifactsPath);
            var before = await PackInputs.CaptureAsync(RepositoryRoot);
            var stopwatch = Stopwatch.StartNew();
            var command = await DotNetCli.RunAsync(RepositoryRoot, arguments, timeout: PackTimeout, cancellationToken: _disposing.Token);
            var after = await PackInputs.CaptureAsync(RepositoryRoot);
            Record($"{label}: exit {command.ExitCode} in {stopwatch.Elapsed.TotalSeconds:F1} s: {command.CommandLine}");

            var package = Path.Combine(feed, $"PteGen.{Version}.nupkg");
            if (command.ExitCode == 0 && File.Exists(package))
            {
                return new PackResult(package, command, before, after);
            }

            // A build that failed while someone was changing the sources is worth another try; a repository that
            // does not pack while it holds still is a real failure.
            if (attempt >= 3 || before == after)
            {
                throw new InvalidOperationException($"{label} of PteGen failed (attempt {attempt}):\n{command}");
            }

            Record($"{label} failed while the repository changed; retrying");
            await Task.Delay(TimeSpan.FromSeconds(5), _disposing.Token);
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PteGen.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No PteGen.sln above {AppContext.BaseDirectory}.");
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static void TryDeleteIfEmpty(string folder)
    {
        try
        {
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
        }
    }
}
