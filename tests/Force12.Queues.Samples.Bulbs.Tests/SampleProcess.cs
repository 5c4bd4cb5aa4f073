using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Force12.Queues.Samples.Bulbs.Tests;

/// <summary>One role of the force12-bulbs program as a real child process, with its output kept for failure messages.</summary>
internal sealed partial class SampleProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SampleProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static SampleProcess Start(string role, IReadOnlyDictionary<string, string> environment) =>
        StartDll("force12-bulbs.dll", [role], environment);

    /// <summary>Starts <c>dotnet DLL ARGS</c> for a program built next to the tests (force12-bulbs.dll, force12.dll).</summary>
    public static SampleProcess StartDll(string dllName, IReadOnlyList<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var dll = BuiltDll(dllName);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new SampleProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>
    /// The program in its own project's build output (tests/X/bin/CONFIG/TFM mirrors src/Y/bin/CONFIG/TFM), where its
    /// runtimeconfig and dependencies are its own: the copy next to the tests shares the tests' framework choice.
    /// </summary>
    public static string BuiltDll(string dllName)
    {
        var project = dllName switch
        {
            "force12-bulbs.dll" => "Force12.Queues.Samples.Bulbs",
            "force12.dll" => "Force12.Queues.Tools",
            _ => throw new ArgumentOutOfRangeException(nameof(dllName), dllName, "unknown program"),
        };
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (output.Name, output.Parent!.Name);
        var root = output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(root, "src", project, "bin", configuration, framework, dllName);
        Assert.True(File.Exists(dll), $"{dll} was not built (build the solution first)");
        return dll;
    }

    public static void Signal(int pid, int signal)
    {
        if (Kill(pid, signal) != 0)
        {
            throw new InvalidOperationException($"kill({pid}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    public void Signal(int signal)
    {
        if (Kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"force12-bulbs did not exit within {timeout.TotalSeconds}s. Output:\n{Output}");
        }

        return _process.ExitCode;
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

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
