using System.Globalization;

namespace Force12.Queues.Core.Capacity;

/// <summary>Checks a <see cref="CapacityPool"/> and its <see cref="CapacityRequest"/>s, reporting every problem at once.</summary>
public static class CapacityValidator
{
    /// <summary>Returns one message per problem (empty when valid), each naming the pipeline or pool field.</summary>
    public static IReadOnlyList<string> Validate(CapacityPool pool, IReadOnlyList<CapacityRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(requests);
        var errors = new List<string>();
        void Fail(string where, string field, string rule, object? value) =>
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{where}.{field} {rule} (was {value})."));

        if (pool.PodSlots < 0)
        {
            Fail("pool", nameof(pool.PodSlots), "must be >= 0", pool.PodSlots);
        }

        if (pool.Cpu is { } cpu && !(cpu >= 0 && double.IsFinite(cpu)))
        {
            Fail("pool", nameof(pool.Cpu), "must be a finite number of cores >= 0 or unset", cpu);
        }

        if (pool.MemoryBytes is < 0)
        {
            Fail("pool", nameof(pool.MemoryBytes), "must be >= 0 or unset", pool.MemoryBytes);
        }

        foreach (var duplicate in requests.GroupBy(r => r.Pipeline, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"pipeline '{duplicate.Key}' is requested {duplicate.Count()} times; names must be unique.");
        }

        foreach (var r in requests)
        {
            var where = $"pipeline '{r.Pipeline}'";
            if (string.IsNullOrWhiteSpace(r.Pipeline))
            {
                errors.Add("A request has no pipeline name.");
            }

            if (r.Priority < 1)
            {
                Fail(where, nameof(r.Priority), "must be >= 1 (1 is highest)", r.Priority);
            }

            if (r.MinPods < 0)
            {
                Fail(where, nameof(r.MinPods), "must be >= 0", r.MinPods);
            }

            if (r.MaxPods < r.MinPods)
            {
                Fail(where, nameof(r.MaxPods), $"must be >= MinPods ({r.MinPods})", r.MaxPods);
            }

            if (r.RunningPods < 0 || r.StoppingPods < 0 || r.NeededPods < 0)
            {
                errors.Add($"{where}: NeededPods, RunningPods and StoppingPods must be >= 0 (were {r.NeededPods}, {r.RunningPods}, {r.StoppingPods}).");
            }

            if (!(r.PerPod.Cpu >= 0 && double.IsFinite(r.PerPod.Cpu)) || r.PerPod.MemoryBytes < 0)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{where}.PerPod must have Cpu and MemoryBytes >= 0 (were {r.PerPod.Cpu}, {r.PerPod.MemoryBytes})."));
            }
        }

        return errors;
    }
}
