using System.Diagnostics;
using Force12.Queues.Testing.Pods;

namespace Force12.Queues.Processes.Tests.Pods;

/// <summary>A probe process started by the test itself, unknown to any orchestrator.</summary>
internal sealed class UnlabelledProcess : IUnlabelledWorkload
{
    public UnlabelledProcess(string signalDirectory)
    {
        var start = new ProcessStartInfo(ProcessPodOrchestratorContractTests.ProbePath) { RedirectStandardOutput = true };
        start.Environment["PROBE_SIGNAL_DIR"] = signalDirectory;
        start.Environment["FORCE12_POD"] = "unlabelled";
        Process = Process.Start(start)!;
    }

    public Process Process { get; }

    public Task<bool> IsRunningAsync() => Task.FromResult(!Process.HasExited);

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill();
        }

        await Process.WaitForExitAsync();
        Process.Dispose();
    }
}
