using System.Diagnostics;
using System.Globalization;

namespace Force12.Queues.Chaos;

/// <summary>
/// The agent as a real child process, <c>dotnet force12.dll run -c FILE --stop-pods-on-exit</c>, with its output kept
/// (the last 400 lines) for failure messages. SIGKILL leaves its pods running for the next agent to adopt; SIGTERM
/// makes it scale every pipeline to zero and exit.
/// </summary>
internal sealed class AgentProcess : IDisposable
{
    private const int KeptLines = 400;
    private readonly Process _process;
    private readonly Queue<string> _lines = new();

    private AgentProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>The agent's last lines, consecutive repeats of one message (a failing poll repeats every second) folded.</summary>
    public string Output
    {
        get
        {
            string[] lines;
            lock (_lines)
            {
                lines = [.. _lines];
            }

            // Lines start with the time (HH:mm:ss and a space); compare what follows it.
            var kept = new List<string>();
            foreach (var line in lines)
            {
                if (kept.Count == 0 || !kept[^1].AsSpan(Math.Min(9, kept[^1].Length)).SequenceEqual(line.AsSpan(Math.Min(9, line.Length))))
                {
                    kept.Add(line);
                }
            }

            return string.Join('\n', kept.TakeLast(80));
        }
    }

    public static AgentProcess Start(string configPath)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { ChaosServices.AgentDll(), "run", "-c", configPath, "--stop-pods-on-exit" })
        {
            start.ArgumentList.Add(arg);
        }

        return new AgentProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start the agent"));
    }

    /// <summary>SIGKILL: the agent gets no chance to stop anything.</summary>
    public async Task KillAsync(TimeSpan timeout)
    {
        _process.Kill(entireProcessTree: false);
        await WaitAsync(timeout);
    }

    /// <summary>SIGTERM, then waits for the agent to scale to zero and exit; true when it exited within <paramref name="timeout"/>.</summary>
    public async Task<bool> StopAsync(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return true;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        return await WaitAsync(timeout);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private async Task<bool> WaitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Enqueue(line);
            if (_lines.Count > KeptLines)
            {
                _lines.Dequeue();
            }
        }
    }
}
