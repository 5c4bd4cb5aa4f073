using System.Globalization;

namespace Force12.Queues.Chaos;

/// <summary>
/// What a contended chaos run (a pool smaller than both pipelines' joint need) must show: priority 1 always gets every
/// pod it needs (up to its maximum), priority 2 yields when the pool is short and gets exactly what is left, the pool
/// is never exceeded, and the shortage really happened (a run that never contended proves nothing).
/// </summary>
internal static class PriorityShareCheck
{
    /// <summary>Samples in a row with more pods up than slots that make a problem.</summary>
    public const int OverrunSamples = 3;

    /// <summary>Every violation found in <paramref name="samples"/>, each naming the second; empty when the run held.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<PoolSample> samples, int podSlots, int maxPods, int maxStatePods)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var problems = new List<string>();
        var yielded = 0;
        var overrun = 0;
        for (var second = 0; second < samples.Count; second++)
        {
            var s = samples[second];
            var need = Math.Min(s.Needed, maxPods);
            var stateNeed = Math.Min(s.StateNeeded, maxStatePods);
            if (s.Target != need)
            {
                problems.Add(Say(second, $"priority 1 needed {need} pods but was given {s.Target}"));
            }

            if (s.Target + s.StateTarget > podSlots)
            {
                problems.Add(Say(second, $"targets {s.Target} + {s.StateTarget} exceed the pool of {podSlots}"));
            }

            // Pods up come from two listings a moment apart (one per pipeline), so a pod stopping in one and its
            // replacement starting in the other can both be seen once: only an overrun that lasts is the agent's.
            overrun = s.PodsUp > podSlots ? overrun + 1 : 0;
            if (overrun == OverrunSamples)
            {
                problems.Add(Say(second, $"{s.PodsUp} pods were up in a pool of {podSlots} for {OverrunSamples} samples in a row"));
            }

            if (s.StateTarget < stateNeed)
            {
                yielded++;
                if (s.Target + s.StateTarget != podSlots)
                {
                    problems.Add(Say(second, $"priority 2 got {s.StateTarget} of the {podSlots - s.Target} slots priority 1 left, needing {stateNeed}"));
                }
            }
        }

        if (yielded == 0)
        {
            problems.Add($"the pool of {podSlots} was never short in {samples.Count} samples: priority 2 never yielded, so the run did not test priorities");
        }

        return problems;
    }

    private static string Say(int second, string what) => string.Create(CultureInfo.InvariantCulture, $"sample {second}: {what}");
}
