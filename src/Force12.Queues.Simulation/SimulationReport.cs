namespace Force12.Queues.Simulation;

/// <summary>Everything one <c>force12 simulate</c> run produced.</summary>
public sealed record SimulationReport
{
    /// <summary>One row per strategy, in the order they ran (force12 first, oracle last).</summary>
    public required IReadOnlyList<PolicyResult> Results { get; init; }

    /// <summary>Samples of demand, backlog and pods per strategy and pipeline.</summary>
    public required IReadOnlyList<TimeSeriesPoint> Series { get; init; }

    /// <summary>Simulated seconds.</summary>
    public required double DurationSeconds { get; init; }

    /// <summary>The result of <paramref name="policy"/>; throws when it did not run.</summary>
    public PolicyResult Result(string policy) => Results.Single(r => r.Policy == policy);
}
