using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace PteGen.EditorTests.Lsp;

/// <summary>
/// csharp-ls, started the way an editor starts it (<c>dotnet tool run csharp-ls</c>, LSP over standard input and
/// output), on one workspace folder, as a client that supports pull diagnostics (<c>textDocument/diagnostic</c>;
/// csharp-ls then pushes none) and <c>workspace/configuration</c>.
/// </summary>
internal sealed class LanguageServer : IAsyncDisposable
{
    /// <summary>
    /// The <c>csharp</c> section csharp-ls asks for with <c>workspace/configuration</c> right after <c>initialized</c>
    /// (0.28 reads its settings only from there and from <c>workspace/didChangeConfiguration</c>, not from
    /// <c>initializationOptions</c>). Without <c>analyzersEnabled</c> it reports the compiler's diagnostics only.
    /// </summary>
    private static readonly JsonObject CSharpSettings = new() { ["analyzersEnabled"] = true };

    private readonly Process _process;
    private readonly JsonRpcConnection _connection;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly StringBuilder _transcript = new();
    private readonly Dictionary<string, int> _versions = new(StringComparer.Ordinal);

    private LanguageServer(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Log("stderr", e.Data);
            }
        };
        _process.BeginErrorReadLine();
        _connection = new JsonRpcConnection(process.StandardOutput.BaseStream, process.StandardInput.BaseStream, AnswerServerRequest);
        _connection.NotificationReceived += (method, parameters) =>
        {
            if (method is "window/logMessage" or "window/showMessage")
            {
                Log(method, parameters?["message"]?.ToString() ?? "");
            }
            else if (method == "$/progress" && parameters?["value"] is { } progress)
            {
                Log("progress", $"{progress["kind"]} {progress["title"]} {progress["message"]}".Trim());
            }
        };
    }

    /// <summary>Whether the server asked for the <c>csharp</c> settings (and so got <c>analyzersEnabled</c>).</summary>
    public bool SettingsRequested { get; private set; }

    /// <summary>What the server wrote to standard error and logged, with the seconds since it started.</summary>
    public string Transcript
    {
        get
        {
            lock (_transcript)
            {
                return _transcript.ToString();
            }
        }
    }

    /// <summary>Starts the server from <paramref name="repositoryRoot"/> (where the tool manifest is) and initializes it on <paramref name="workspaceFolder"/>.</summary>
    public static async Task<LanguageServer> StartAsync(string repositoryRoot, string workspaceFolder, TimeSpan timeout)
    {
        var start = Dotnet.StartInfo(repositoryRoot, ["tool", "run", "csharp-ls", "--", "--locale", "en-US", "--loglevel", "info"]);
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var server = new LanguageServer(process);
        try
        {
            var root = new Uri(workspaceFolder).AbsoluteUri;
            await server._connection.RequestAsync(
                "initialize",
                new JsonObject
                {
                    ["processId"] = Environment.ProcessId,
                    ["clientInfo"] = new JsonObject { ["name"] = "PteGen.EditorTests" },
                    ["rootUri"] = root,
                    ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = root, ["name"] = "editor-test" }),
                    ["capabilities"] = new JsonObject
                    {
                        ["workspace"] = new JsonObject { ["configuration"] = true, ["workspaceFolders"] = true },
                        ["textDocument"] = new JsonObject
                        {
                            ["synchronization"] = new JsonObject { ["dynamicRegistration"] = false },
                            ["diagnostic"] = new JsonObject { ["dynamicRegistration"] = false },
                        },
                    },
                },
                timeout);
            await server._connection.NotifyAsync("initialized", new JsonObject());
            return server;
        }
        catch (Exception exception)
        {
            var transcript = server.Transcript;
            await server.DisposeAsync();
            throw new InvalidOperationException($"csharp-ls did not initialize: {exception.Message}\n{transcript}", exception);
        }
    }

    public Task OpenAsync(string path)
    {
        _versions[path] = 1;
        return _connection.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject
            {
                ["uri"] = new Uri(path).AbsoluteUri,
                ["languageId"] = "csharp",
                ["version"] = 1,
                ["text"] = File.ReadAllText(path),
            },
        });
    }

    /// <summary>The editor's buffer now holds <paramref name="text"/> (sent whole, as one change).</summary>
    public Task ChangeAsync(string path, string text)
    {
        var version = _versions[path] += 1;
        return _connection.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = new Uri(path).AbsoluteUri, ["version"] = version },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text }),
        });
    }

    /// <summary>The document's diagnostics, pulled (<c>textDocument/diagnostic</c>).</summary>
    public async Task<IReadOnlyList<EditorDiagnostic>> PullAsync(string path, TimeSpan timeout)
    {
        var report = await _connection.RequestAsync(
            "textDocument/diagnostic",
            new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = new Uri(path).AbsoluteUri } },
            timeout);
        return report?["items"] is JsonArray items ? [.. items.Select(item => EditorDiagnostic.From(item!))] : [];
    }

    /// <summary>
    /// Pulls the document's diagnostics until <paramref name="expected"/> holds for them (the server loads the
    /// projects and analyzes in the background, so the first answers may come before it is ready), and returns
    /// them; fails after <paramref name="timeout"/> with the last answer and the server's transcript.
    /// </summary>
    public async Task<IReadOnlyList<EditorDiagnostic>> WaitForAsync(
        string path,
        string expectation,
        Func<IReadOnlyList<EditorDiagnostic>, bool> expected,
        TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        IReadOnlyList<EditorDiagnostic>? last = null;
        Exception? lastError = null;
        var pulls = 0;
        while (deadline.Elapsed < timeout)
        {
            try
            {
                pulls++;
                last = await PullAsync(path, timeout - deadline.Elapsed);
                if (expected(last))
                {
                    Log("test", $"{Path.GetFileName(path)}: {expectation} after {pulls} pull(s), {deadline.Elapsed.TotalSeconds:F1} s");
                    return last;
                }
            }
            catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
            {
                lastError = exception;
            }

            if (_connection.Failure is { } failure)
            {
                throw new InvalidOperationException($"The connection to csharp-ls closed: {failure.Message}\n{Transcript}", failure);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        var answer = last is null ? "no answer" : last.Count == 0 ? "no diagnostics" : string.Join("\n  ", last);
        throw new TimeoutException(
            $"{Path.GetFileName(path)}: not {expectation} within {timeout.TotalSeconds:F0} s ({pulls} pulls; settings requested: {SettingsRequested}).\n"
            + $"Last answer:\n  {answer}\nLast error: {lastError?.Message ?? "none"}\nServer transcript:\n{Transcript}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited && _connection.Failure is null)
            {
                await _connection.RequestAsync("shutdown", null, TimeSpan.FromSeconds(10));
                await _connection.NotifyAsync("exit", null);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception exception) when (exception is TimeoutException or InvalidOperationException or IOException)
        {
            Log("test", $"shutdown: {exception.Message}");
        }
        finally
        {
            if (!_process.HasExited)
            {
                // Only the process tree this test started.
                _process.Kill(entireProcessTree: true);
            }

            await _connection.DisposeAsync();
            _process.Dispose();
        }
    }

    private JsonNode? AnswerServerRequest(string method, JsonNode? parameters)
    {
        Log("request", method);
        if (method != "workspace/configuration")
        {
            // client/registerCapability, window/workDoneProgress/create, window/showMessageRequest: acknowledged.
            return null;
        }

        var answers = new JsonArray();
        foreach (var item in parameters?["items"]?.AsArray() ?? [])
        {
            var isCSharp = item?["section"]?.GetValue<string>() == "csharp";
            SettingsRequested |= isCSharp;
            answers.Add(isCSharp ? CSharpSettings.DeepClone() : null);
        }

        return answers;
    }

    private void Log(string source, string text)
    {
        lock (_transcript)
        {
            _transcript.Append($"[{_clock.Elapsed.TotalSeconds,6:F1} s] {source}: {text}\n");
        }
    }
}
