using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Force12.Queues.Testing;

namespace Force12.Queues.Agent.Tests.Faults;

/// <summary>
/// <c>force12-agent run -c FILE --stop-pods-on-exit</c> as a child process, read through <c>/api/status</c>; its output
/// kept for assertions and failure messages. Disposing sends SIGTERM, which stops its pods, and waits for the exit.
/// </summary>
internal sealed class AgentUnderTest : IAsyncDisposable
{
    private const int KeptLines = 200;
    private readonly Process _process;
    private readonly Uri _status;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly List<string> _lines = [];

    private AgentUnderTest(Process process, int port)
    {
        _process = process;
        _status = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/api/status");
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The agent's last 200 lines of output.</summary>
    public string Output
    {
        get
        {
            lock (_lines)
            {
                return string.Join('\n', _lines.Skip(Math.Max(0, _lines.Count - KeptLines)));
            }
        }
    }

    /// <summary>Every line of the agent's whole output that contains <paramref name="text"/>.</summary>
    public IReadOnlyList<string> LinesWith(string text)
    {
        lock (_lines)
        {
            return _lines.Where(l => l.Contains(text, StringComparison.Ordinal)).ToArray();
        }
    }

    /// <summary>
    /// Writes <paramref name="config"/> into <paramref name="folder"/>, starts the agent on it (with <paramref name="environment"/>
    /// added to the test's own) and waits for its first status.
    /// </summary>
    public static async Task<AgentUnderTest> StartAsync(string folder, string config, IReadOnlyDictionary<string, string>? environment = null)
    {
        var path = Path.Combine(folder, "agent.yaml");
        await File.WriteAllTextAsync(path, config);
        var port = int.Parse(config.Split("address: 127.0.0.1:")[1].Split('\n')[0].Trim(), CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "force12-agent.dll"), "run", "-c", path, "--stop-pods-on-exit" })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var agent = new AgentUnderTest(Process.Start(start)!, port);
        await agent.AwaitAsync(s => s.Tick > 0, TimeSpan.FromSeconds(60), "the agent's first tick");
        return agent;
    }

    /// <summary>A free TCP port on the loopback interface.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The agent's current status.</summary>
    public async Task<AgentSnapshot> StatusAsync()
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync(_status));
        return AgentSnapshot.From(document.RootElement);
    }

    /// <summary>Polls the status until <paramref name="condition"/> holds and returns that status; fails naming <paramref name="what"/>.</summary>
    public async Task<AgentSnapshot> AwaitAsync(Func<AgentSnapshot, bool> condition, TimeSpan deadline, string what)
    {
        AgentSnapshot? last = null;
        await Eventually.HoldsAsync(
            async () =>
            {
                if (_process.HasExited)
                {
                    Assert.Fail($"the agent exited with {_process.ExitCode} while waiting for {what}\n{Output}");
                }

                try
                {
                    last = await StatusAsync();
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    return false;
                }

                return condition(last);
            },
            deadline, () => $"{what} (last status: {last})\n{Output}");
        return last!;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            try
            {
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            }
            catch (TimeoutException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
        _http.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add(line);
        }
    }
}
