using System.Reflection;
using Docker.DotNet;

namespace Force12.Queues.Benchmarks.Pods;

/// <summary>
/// Wraps an <see cref="IDockerClient"/> so every call on <see cref="IDockerClient.Containers"/> is recorded with its
/// start and end time; everything else is passed through. Used by <c>pod-burst</c> to see where a burst's time goes.
/// </summary>
public class TimedDockerClient : DispatchProxy
{
    private IDockerClient _inner = null!;
    private IContainerOperations _containers = null!;

    public static (IDockerClient Client, DockerCallLog Log) Wrap(IDockerClient inner)
    {
        var log = new DockerCallLog();
        var client = Create<IDockerClient, TimedDockerClient>();
        var proxy = (TimedDockerClient)(object)client;
        proxy._inner = inner;
        var containers = Create<IContainerOperations, TimedContainerOperations>();
        ((TimedContainerOperations)(object)containers).Init(inner.Containers, log);
        proxy._containers = containers;
        return (client, log);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        targetMethod!.Name == "get_Containers" ? _containers : targetMethod.Invoke(_inner, args);
}
