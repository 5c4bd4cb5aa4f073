using System.Collections.Concurrent;
using System.Diagnostics;
using Force12.Queues.Core.Pods;

namespace Force12.Queues.Processes;

/// <summary>Starts every process of a pod, recording each in the state folder; on any failure kills what it started.</summary>
internal sealed class ProcessPodLauncher
{
    // Runs the command through exec so the recorded pid is the program's own, with output appended to a log file
    // (not a pipe to the agent: the processes must outlive an agent restart).
    private const string ExecWithLog = "exec \"$0\" \"$@\" >>\"$FORCE12_LOG_FILE\" 2>&1";

    private readonly ProcessPodStore _store;
    private readonly TimeProvider _timeProvider;

    // Children of this agent are kept so the runtime reaps them when they exit.
    private readonly ConcurrentDictionary<int, Process> _children = new();

    public ProcessPodLauncher(ProcessPodStore store, TimeProvider timeProvider)
    {
        _store = store;
        _timeProvider = timeProvider;
    }

    public async Task<PodInfo> StartAsync(PodTemplate template, bool warm, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var podId = PodIds.New(template.Pipeline);
        var record = new ProcessPodRecord
        {
            Id = podId,
            Pipeline = template.Pipeline,
            Size = template.Containers.Count,
            CreatedAt = _timeProvider.GetUtcNow(),
            StopGraceSeconds = template.StopGracePeriod.TotalSeconds,
            StartedWarm = warm,
            WarmTimeoutSeconds = warm ? template.WarmTimeout.TotalSeconds : 0,
        };
        Exception? failure = null;
        try
        {
            // Recorded before the first process starts, so a crash mid-start leaves a record that reconcile cleans up.
            _store.Write(record);
            if (warm)
            {
                Directory.CreateDirectory(_store.ControlDirectory(template.Pipeline, podId));
            }

            foreach (var container in template.Containers)
            {
                record.Containers.Add(StartProcess(template, podId, container, warm));
                _store.Write(record);
            }
        }
        catch (Exception ex) when (ex is PodStartException or IOException or System.ComponentModel.Win32Exception or UnauthorizedAccessException)
        {
            failure = ex;
        }

        if (failure is not null)
        {
            // No half pods: kill what started, wait until it is gone (it may still be opening its log), then forget the pod.
            await ProcessSignaller.KillAsync(record.Containers, _timeProvider, CancellationToken.None);
            Forget(record.Containers.Select(c => c.Pid));
            _store.Delete(template.Pipeline, podId);
            throw failure as PodStartException ?? new PodStartException(podId, failure.Message, failure);
        }

        record = record with { StartedAt = _timeProvider.GetUtcNow() };
        _store.Write(record);
        return new PodInfo
        {
            Id = podId,
            Pipeline = template.Pipeline,
            State = warm ? PodState.Warm : PodState.Ready,
            CreatedAt = record.CreatedAt,
            StartedAt = record.StartedAt,
            ReadyAt = warm ? null : record.StartedAt,
            StartedWarm = warm,
            Containers = record.Containers
                .Select(c => new PodContainerInfo { Name = c.Name, Id = c.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture), Running = true })
                .ToList(),
        };
    }

    public void Forget(IEnumerable<int> pids)
    {
        foreach (var pid in pids)
        {
            if (_children.TryRemove(pid, out var process))
            {
                process.Dispose();
            }
        }
    }

    private ProcessContainerRecord StartProcess(PodTemplate template, string podId, ContainerTemplate container, bool warm)
    {
        var podDir = _store.PodDirectory(template.Pipeline, podId);
        var workingDirectory = container.WorkingDirectory ?? Path.Combine(podDir, container.Name);
        Directory.CreateDirectory(workingDirectory);
        var executable = ExecutableResolver.Resolve(container.Command!, workingDirectory)
            ?? throw new PodStartException(podId, $"container '{container.Name}': command '{container.Command}' is not an executable file or on PATH", null);

        // setsid: each container gets a session of its own, so a Ctrl-C (SIGINT to the agent's terminal group)
        // or a signal to the agent's process group never reaches the pods; only the orchestrator stops them.
        // The child is not a group leader, so setsid execs in place and the pid stays the recorded one.
        var start = new ProcessStartInfo("setsid") { WorkingDirectory = workingDirectory, UseShellExecute = false };
        start.ArgumentList.Add("/bin/sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(ExecWithLog);
        start.ArgumentList.Add(executable);
        foreach (var arg in container.Args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in container.Environment)
        {
            start.Environment[key] = value;
        }

        start.Environment[PodLabels.PipelineVariable] = template.Pipeline;
        start.Environment[PodLabels.PodVariable] = podId;
        start.Environment[PodLabels.ContainerVariable] = container.Name;
        start.Environment["FORCE12_LOG_FILE"] = Path.Combine(podDir, container.Name + ".log");
        if (warm)
        {
            start.Environment[WarmPodContract.WarmVariable] = "1";
            start.Environment[WarmPodContract.ControlDirectoryVariable] = _store.ControlDirectory(template.Pipeline, podId);
        }

        var process = Process.Start(start)
            ?? throw new PodStartException(podId, $"container '{container.Name}': the process did not start", null);
        _children[process.Id] = process;
        var ticks = ProcessIdentity.ReadStartTicks(process.Id)
            ?? throw new PodStartException(podId, $"container '{container.Name}': exited at once (pid {process.Id})", null);
        return new ProcessContainerRecord(container.Name, process.Id, ticks);
    }
}
