using System.Globalization;
using System.Runtime.InteropServices;

// A tiny pod container used by the orchestrator contract tests and the pod-start benchmark.
// It records its life in a folder so a test on the host can see what a container went through:
//   <dir>/<pod>.<container>.started   written at start (contains the process id)
//   <dir>/<pod>.<container>.sigterm   written when SIGTERM arrives
//   <dir>/<pod>.<container>.exited    written just before the clean exit (code 0) that follows SIGTERM
// Environment:
//   PROBE_SIGNAL_DIR   folder to record in (default: the working directory)
//   FORCE12_POD, FORCE12_CONTAINER   set by the orchestrators; name the files
//   PROBE_EXIT_AFTER_MS   exit with code 3 after this many milliseconds (simulates a crash)
//   PROBE_IGNORE_SIGTERM=1   record SIGTERM but keep running (so only SIGKILL stops it)
//   FORCE12_WARM=1, FORCE12_CONTROL_DIR   started warm (docs/pod-contract.md): writes 'warm' there, waits for 'consume',
//                    then records <dir>/<pod>.<container>.consuming; PROBE_IGNORE_WARM=1 records it at once (a cold pod)
var dir = Environment.GetEnvironmentVariable("PROBE_SIGNAL_DIR") ?? Directory.GetCurrentDirectory();
var pod = Environment.GetEnvironmentVariable("FORCE12_POD") ?? "pod";
var container = Environment.GetEnvironmentVariable("FORCE12_CONTAINER") ?? "container";
var prefix = Path.Combine(dir, $"{pod}.{container}");

var ignoreSigterm = Environment.GetEnvironmentVariable("PROBE_IGNORE_SIGTERM") == "1";
using var stop = new CancellationTokenSource();
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    File.WriteAllText(prefix + ".sigterm", Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
    if (!ignoreSigterm)
    {
        stop.Cancel();
    }
});

Directory.CreateDirectory(dir);
File.WriteAllText(prefix + ".started", Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
Console.WriteLine($"probe {pod}/{container} started, recording to {dir}");

var control = Environment.GetEnvironmentVariable("FORCE12_CONTROL_DIR");
if (Environment.GetEnvironmentVariable("FORCE12_WARM") == "1" && control is not null)
{
    if (Environment.GetEnvironmentVariable("PROBE_IGNORE_WARM") != "1")
    {
        File.WriteAllText(Path.Combine(control, "warm.tmp"), pod);
        File.Move(Path.Combine(control, "warm.tmp"), Path.Combine(control, "warm"), overwrite: true);
        while (!File.Exists(Path.Combine(control, "consume")) && !stop.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, CancellationToken.None);
        }
    }

    File.WriteAllText(prefix + ".consuming", Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
}

if (int.TryParse(Environment.GetEnvironmentVariable("PROBE_EXIT_AFTER_MS"), out var exitAfterMs))
{
    stop.CancelAfter(exitAfterMs);
}

try
{
    await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, stop.Token);
}
catch (OperationCanceledException)
{
    // Stopped by SIGTERM or by the crash timer.
}

if (File.Exists(prefix + ".sigterm"))
{
    Console.WriteLine($"probe {pod}/{container} received SIGTERM, exiting cleanly");
    File.WriteAllText(prefix + ".exited", "0");
    return 0;
}

Console.WriteLine($"probe {pod}/{container} crashing on purpose");
return 3;
