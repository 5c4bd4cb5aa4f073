using Docker.DotNet.Models;
using Docker.DotNet;
using Force12.Queues.Core.Pods;
using Force12.Queues.Simulation.Randomness;

namespace Force12.Queues.Chaos;

/// <summary>
/// Picks a random running pod out of the given listing (every pipeline of the run) and a random container of it,
/// and SIGKILLs that container through the Docker API (<c>docker kill</c>): no SIGTERM, no grace, work in hand lost.
/// Seeded, so a run's choices repeat for the same pod listings.
/// </summary>
internal sealed class ChaosMonkey(IDockerClient docker, int seed)
{
    private readonly SplitMixRandomSource _random = new(unchecked((ulong)seed));
    private readonly Dictionary<string, int> _killed = new(StringComparer.Ordinal);

    /// <summary>Kills per container name (processor, state-cache, bulb-state).</summary>
    public IReadOnlyDictionary<string, int> KilledByContainer => _killed;

    public int Kills => _killed.Values.Sum();

    /// <summary>Kills one container of a random running pod; the victim's description, or null when nothing could be killed.</summary>
    public async Task<string?> KillOneAsync(IReadOnlyList<PodInfo> pods, CancellationToken cancellationToken)
    {
        var running = pods.Where(p => p.State is PodState.Ready or PodState.Running && p.Containers.All(c => c.Running)).ToArray();
        if (running.Length == 0)
        {
            return null;
        }

        var pod = running[_random.NextInt(0, running.Length - 1)];
        var container = pod.Containers[_random.NextInt(0, pod.Containers.Count - 1)];
        try
        {
            await docker.Containers.KillContainerAsync(container.Id, new ContainerKillParameters { Signal = "KILL" }, cancellationToken);
        }
        catch (DockerApiException)
        {
            return null; // stopped or removed in between (the agent scaled it down, or it died on its own)
        }

        _killed[container.Name] = _killed.GetValueOrDefault(container.Name) + 1;
        return $"{pod.Id}/{container.Name}";
    }
}
