using System.Globalization;
using Force12.Queues.Core.Configuration;

namespace Force12.Queues.Core.Capacity;

/// <summary>
/// Checks a <see cref="CapacityPool"/> and its <see cref="CapacityRequest"/>s, reporting every problem at once in the
/// one configuration message format: <c>capacity.podSlots: must be &gt;= 0 (was -1)</c>, <c>pipelines.NAME.priority: ...</c>.
/// </summary>
public static class CapacityValidator
{
    /// <summary>Returns one message per problem (empty when valid), each naming the pool's or the pipeline's key.</summary>
    public static IReadOnlyList<string> Validate(CapacityPool pool, IReadOnlyList<CapacityRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(requests);
        var errors = new List<string>();
        void Fail(string where, string key, string rule, object? value) =>
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{where}.{key}: {rule} (was {value})"));

        if (pool.PodSlots < 0)
        {
            Fail(AgentKeys.Capacity, CapacityKeys.PodSlots, "must be >= 0", pool.PodSlots);
        }

        if (pool.Cpu is { } cpu && !(cpu >= 0 && double.IsFinite(cpu)))
        {
            Fail(AgentKeys.Capacity, CapacityKeys.Cpu, "must be a finite number of cores >= 0 or unset", cpu);
        }

        if (pool.MemoryBytes is < 0)
        {
            Fail(AgentKeys.Capacity, CapacityKeys.Memory, "must be >= 0 or unset", pool.MemoryBytes);
        }

        foreach (var duplicate in requests.GroupBy(r => r.Pipeline, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"{AgentKeys.Pipelines}.{duplicate.Key}: is requested {duplicate.Count()} times; names must be unique");
        }

        foreach (var r in requests)
        {
            var where = $"{AgentKeys.Pipelines}.{r.Pipeline}";
            if (string.IsNullOrWhiteSpace(r.Pipeline))
            {
                errors.Add($"{AgentKeys.Pipelines}: a request has no pipeline name");
            }

            if (r.Priority < 1)
            {
                Fail(where, PipelineKeys.Priority, "must be >= 1 (1 is highest)", r.Priority);
            }

            if (r.MinPods < 0)
            {
                Fail(where, SlaPolicyKeys.MinPods, "must be >= 0", r.MinPods);
            }

            if (r.MaxPods < r.MinPods)
            {
                Fail(where, SlaPolicyKeys.MaxPods, $"must be >= {SlaPolicyKeys.MinPods} ({r.MinPods})", r.MaxPods);
            }

            if (r.RunningPods < 0 || r.StoppingPods < 0 || r.NeededPods < 0)
            {
                errors.Add($"{where}: needed, running and stopping pods must be >= 0 (were {r.NeededPods}, {r.RunningPods}, {r.StoppingPods})");
            }

            if (!(r.PerPod.Cpu >= 0 && double.IsFinite(r.PerPod.Cpu)) || r.PerPod.MemoryBytes < 0)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{where}.{PipelineKeys.Pod}: cpu and memory per pod must be >= 0 (were {r.PerPod.Cpu}, {r.PerPod.MemoryBytes})"));
            }
        }

        return errors;
    }
}
