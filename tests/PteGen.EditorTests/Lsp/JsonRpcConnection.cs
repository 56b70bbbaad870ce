using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;

namespace PteGen.EditorTests.Lsp;

/// <summary>
/// JSON-RPC 2.0 over a pair of streams with the Language Server Protocol's framing: each message is a
/// <c>Content-Length: N</c> header, a blank line, and N bytes of UTF-8 JSON. Requests from this side wait for their
/// response; requests from the server are answered by <see cref="ServerRequestHandler"/>; notifications go to
/// <see cref="NotificationReceived"/>.
/// </summary>
internal sealed class JsonRpcConnection : IAsyncDisposable
{
    private readonly Stream _input;
    private readonly Stream _output;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonNode?>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private long _nextId;

    /// <param name="input">What the server writes (its standard output).</param>
    /// <param name="output">What the server reads (its standard input).</param>
    /// <param name="serverRequestHandler">Answers a request from the server: its method and params, the result to send.</param>
    public JsonRpcConnection(Stream input, Stream output, Func<string, JsonNode?, JsonNode?> serverRequestHandler)
    {
        _input = input;
        _output = output;
        ServerRequestHandler = serverRequestHandler;
        _reader = Task.Run(ReadLoopAsync);
    }

    public Func<string, JsonNode?, JsonNode?> ServerRequestHandler { get; }

    /// <summary>A notification from the server: its method and params. Called on the reader's thread.</summary>
    public event Action<string, JsonNode?>? NotificationReceived;

    /// <summary>Why the connection stopped reading, once it has.</summary>
    public Exception? Failure { get; private set; }

    public async Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, TimeSpan timeout)
    {
        var id = Interlocked.Increment(ref _nextId);
        var response = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = response;
        await WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        try
        {
            return await response.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            _pending.TryRemove(id, out _);
            await NotifyAsync("$/cancelRequest", new JsonObject { ["id"] = id });
            throw new TimeoutException($"No answer to '{method}' within {timeout.TotalSeconds:F0} s.");
        }
    }

    public Task NotifyAsync(string method, JsonNode? parameters) =>
        WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        try
        {
            await _reader.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            // The server did not close its output; the owner kills it.
        }

        _stop.Dispose();
        _writeLock.Dispose();
    }

    private async Task WriteAsync(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await _writeLock.WaitAsync();
        try
        {
            await _output.WriteAsync(header);
            await _output.WriteAsync(body);
            await _output.FlushAsync();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested && await ReadMessageAsync() is { } message)
            {
                await DispatchAsync(message);
            }

            Failure ??= new EndOfStreamException("The server closed its output.");
        }
        catch (Exception exception)
        {
            Failure = exception;
        }

        foreach (var pending in _pending.Values)
        {
            pending.TrySetException(new IOException("The connection to the server is closed.", Failure));
        }
    }

    private async Task DispatchAsync(JsonObject message)
    {
        var method = message["method"]?.GetValue<string>();
        var id = message["id"];
        if (method is null)
        {
            // A response to one of ours.
            if (id is not null && _pending.TryRemove(id.GetValue<long>(), out var response))
            {
                if (message["error"] is { } error)
                {
                    response.TrySetException(new InvalidOperationException($"The server answered with an error: {error.ToJsonString()}"));
                }
                else
                {
                    response.TrySetResult(message["result"]);
                }
            }

            return;
        }

        if (id is null)
        {
            NotificationReceived?.Invoke(method, message["params"]);
            return;
        }

        await WriteAsync(new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = id.DeepClone(),
            ["result"] = ServerRequestHandler(method, message["params"]),
        });
    }

    /// <summary>One framed message, or <see langword="null"/> at the end of the stream.</summary>
    private async Task<JsonObject?> ReadMessageAsync()
    {
        int? length = null;
        while (await ReadHeaderLineAsync() is { } line)
        {
            if (line.Length == 0)
            {
                if (length is null)
                {
                    throw new InvalidDataException("A message without Content-Length.");
                }

                var body = new byte[length.Value];
                await _input.ReadExactlyAsync(body, _stop.Token);
                return JsonNode.Parse(body)?.AsObject() ?? throw new InvalidDataException("An empty message.");
            }

            const string ContentLength = "Content-Length:";
            if (line.StartsWith(ContentLength, StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line[ContentLength.Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    /// <summary>A header line without its CR LF, or <see langword="null"/> at the end of the stream.</summary>
    private async Task<string?> ReadHeaderLineAsync()
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (true)
        {
            if (await _input.ReadAsync(one, _stop.Token) == 0)
            {
                return null;
            }

            if (one[0] == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            line.Append((char)one[0]);
        }
    }
}
