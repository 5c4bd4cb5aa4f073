using System.Reflection;
using Docker.DotNet;
using Docker.DotNet.Models;
using Force12.Queues.Core.Pods;

namespace Force12.Queues.Benchmarks.Pods;

/// <summary>Records each call on the container operations.</summary>
public class TimedContainerOperations : DispatchProxy
{
    private IContainerOperations _inner = null!;
    private DockerCallLog _log = null!;

    public void Init(IContainerOperations inner, DockerCallLog log)
    {
        _inner = inner;
        _log = log;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var method = targetMethod!.Name.Replace("Async", string.Empty, StringComparison.Ordinal);
        var start = _log.NowMs;
        var result = targetMethod.Invoke(_inner, args);
        if (result is not Task task)
        {
            return result;
        }

        string? pod = null;
        int? index = null;
        if (args is [CreateContainerParameters create, ..])
        {
            pod = (create.Labels?.TryGetValue(PodLabels.Pod, out var p) == true ? p : null);
            index = create.Labels?.TryGetValue(PodLabels.ContainerIndex, out var text) == true && int.TryParse(text, out var i) ? i : null;
        }
        else if (args is [string id, ..] && _log.Containers.TryGetValue(id, out var known))
        {
            (pod, index) = known;
        }

        task.ContinueWith(
            t =>
            {
                if (t is Task<CreateContainerResponse> { IsCompletedSuccessfully: true } created && pod is not null && index is not null)
                {
                    _log.Containers[created.Result.ID] = (pod, index.Value);
                }

                _log.Calls.Enqueue(new DockerCall(method, pod, index, start, _log.NowMs));
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return result;
    }
}
