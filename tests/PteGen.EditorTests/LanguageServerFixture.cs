using System.Diagnostics;
using PteGen.EditorTests.Lsp;

namespace PteGen.EditorTests;

/// <summary>
/// One csharp-ls for all the editor tests (loading the projects is most of the cost): restores the tool and the
/// temporary projects, starts the server on <see cref="EditorWorkspace"/>, and opens the documents the tests read.
/// </summary>
public sealed class LanguageServerFixture : IAsyncLifetime
{
    private readonly Stopwatch _clock = new();
    private EditorWorkspace? _workspace;
    private LanguageServer? _server;

    internal EditorWorkspace Workspace => _workspace ?? throw new InvalidOperationException("The fixture did not start.");

    internal LanguageServer Server => _server ?? throw new InvalidOperationException("The fixture did not start.");

    /// <summary>How long each setup step took, for the test log.</summary>
    public List<string> Timings { get; } = [];

    public TimeSpan Elapsed => _clock.Elapsed;

    public async Task InitializeAsync()
    {
        _clock.Start();
        _workspace = await EditorWorkspace.CreateAsync(restoreTimeout: TimeSpan.FromMinutes(3));
        Mark("temporary projects written and restored");

        // What .ci/run does first; a no-op when the tool is there already.
        await Dotnet.RunAsync(_workspace.RepositoryRoot, ["tool", "restore"], TimeSpan.FromMinutes(2));
        Mark("dotnet tool restore");

        _server = await LanguageServer.StartAsync(_workspace.RepositoryRoot, _workspace.Root, TimeSpan.FromMinutes(1));
        Mark("csharp-ls initialized");

        foreach (var document in new[] { _workspace.Violations, _workspace.Hypercalls, _workspace.Remapping, _workspace.BrokenLayout })
        {
            await _server.OpenAsync(document);
        }
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _workspace?.Dispose();
    }

    public void Mark(string step) => Timings.Add($"{_clock.Elapsed.TotalSeconds,6:F1} s  {step}");
}
