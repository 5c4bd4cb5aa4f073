using System.Globalization;
using Force12.Queues.Lightbulbs.Audit;

namespace Force12.Queues.Chaos;

/// <summary>What a chaos run did and what the audits found.</summary>
internal sealed record ChaosResult
{
    /// <summary>Why the run stopped early (agent died, budget spent), or null when it drained.</summary>
    public string? Failure { get; init; }

    /// <summary>The processors' audit against the load generator's acknowledged events.</summary>
    public required AuditReport Processed { get; init; }

    /// <summary>The bulb-state stage's audit against the state changes copied to the tap (published and accepted by RabbitMQ).</summary>
    public required AuditReport Downstream { get; init; }

    /// <summary>State-change messages the tap saw (a change sent twice counts twice).</summary>
    public required long PublishedMessages { get; init; }

    /// <summary>
    /// Events the broker deleted from the head of the topic by the end (its log start offsets): the embedded broker
    /// keeps at most 5 MiB per partition, so a backlog beyond that loses its oldest events before any pod sees them.
    /// Non-zero together with lost events means the run measured the broker's retention, not the pipeline.
    /// </summary>
    public required long DeletedByBroker { get; init; }

    public required int Kills { get; init; }

    public required IReadOnlyDictionary<string, int> KillsByContainer { get; init; }

    public required int AgentRestarts { get; init; }

    /// <summary>Pods that ran when the agent was killed and still ran under the new agent 5 s after its start, out of those that ran.</summary>
    public required (int Adopted, int Before) Adoption { get; init; }

    /// <summary>Running processor pods, one sample a second.</summary>
    public required IReadOnlyList<int> Pods { get; init; }

    /// <summary>Running bulb-state pods, one sample a second.</summary>
    public required IReadOnlyList<int> StatePods { get; init; }

    /// <summary>Needed and target pods of both pipelines (the agent's /api/status), one sample a second while it answered.</summary>
    public required IReadOnlyList<PoolSample> Shares { get; init; }

    /// <summary>The agent's decisions for the Kafka pipeline from the broker outage on; empty without an outage.</summary>
    public IReadOnlyList<OutageSample> Outage { get; init; } = [];

    /// <summary>Pod slots of the pool both pipelines shared.</summary>
    public required int PodSlots { get; init; }

    /// <summary>Samples in which bulb-state (priority 2) got fewer pods than it needed: the pool was short.</summary>
    public int ShortSamples => Shares.Count(s => s.StateTarget < s.StateNeeded && s.Target + s.StateTarget >= PodSlots);

    /// <summary>Processor pods the agent asked for (target after sharing the pool), one sample a second while it answered.</summary>
    public IReadOnlyList<int> RequiredPods => [.. Shares.Select(s => s.Target)];

    /// <summary>bulb-state pods the agent asked for, sampled with <see cref="RequiredPods"/>.</summary>
    public IReadOnlyList<int> StateRequiredPods => [.. Shares.Select(s => s.StateTarget)];

    public required TimeSpan WallTime { get; init; }

    /// <summary>Whether the count went down at some point after it first reached its highest value.</summary>
    public static bool ScaledDownAfterPeak(IReadOnlyList<int> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            return false;
        }

        var peak = samples.Max();
        return samples.Skip(samples.ToList().IndexOf(peak)).Min() < peak;
    }

    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"""
        chaos: {Processed.Expected:N0} events acknowledged, {Processed.Processed:N0} processed, {Processed.Lost:N0} lost, {Processed.Duplicates:N0} duplicates ({Percent(Processed.Duplicates, Processed.Expected)}), {Processed.Unexpected} unexpected; {DeletedByBroker:N0} deleted by the broker's retention before the end{(DeletedByBroker > 0 && Processed.Lost > 0 ? " (INVALID RUN: the backlog outgrew the broker; use more partitions)" : "")}
        downstream: {PublishedMessages:N0} state changes published ({Downstream.Expected:N0} distinct), {Downstream.Processed:N0} received by bulb-state, {Downstream.Lost:N0} lost, {Downstream.Duplicates:N0} duplicates, {Downstream.Unexpected} unexpected
        chaos driver: {Kills} containers SIGKILLed ({string.Join(", ", KillsByContainer.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value}"))}), {AgentRestarts} agent restart(s), {Adoption.Adopted} of {Adoption.Before} pods adopted by the new agent
        pods running: processor {Range(Pods)}, bulb-state {Range(StatePods)}; asked for by the agent: processor {Range(RequiredPods)}{(ScaledDownAfterPeak(RequiredPods) ? " (down again after its peak)" : "")}, bulb-state {Range(StateRequiredPods)}{(ScaledDownAfterPeak(StateRequiredPods) ? " (down again after its peak)" : "")}; pool of {PodSlots} pod slots short in {ShortSamples} of {Shares.Count} samples; {OutageCheck.Summary(Outage)}; wall time {WallTime.TotalSeconds:0} s{(Failure is null ? "" : "; FAILED: " + Failure)}
        """);

    /// <summary>One row of the table in docs/benchmarks.md.</summary>
    public string MarkdownRow() => string.Create(CultureInfo.InvariantCulture,
        $"| {Processed.Expected:N0} | {Processed.Processed:N0} | {Processed.Lost:N0} | {Processed.Duplicates:N0} ({Percent(Processed.Duplicates, Processed.Expected)}) | {Downstream.Expected:N0} / {Downstream.Processed:N0} / {Downstream.Lost:N0} | {Kills} | {AgentRestarts} | {Range(RequiredPods)} | {Range(StateRequiredPods)} | {WallTime.TotalSeconds:0} s |");

    public const string MarkdownHeader =
        "| Events acknowledged | Processed | Lost | Duplicates | State changes published / received / lost | Containers SIGKILLed | Agent restarts | Processor pods asked for | bulb-state pods asked for | Wall time |\n" +
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

    private static string Range(IReadOnlyList<int> samples) => samples.Count == 0 ? "none" : $"{samples.Min()} to {samples.Max()}";

    private static string Percent(long part, long whole) => whole == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * part / whole:0.0}%");
}
