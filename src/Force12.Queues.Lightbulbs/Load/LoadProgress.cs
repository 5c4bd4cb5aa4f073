namespace Force12.Queues.Lightbulbs.Load;

/// <summary>A progress sample of a running load generator.</summary>
/// <param name="Elapsed">Time since sending started.</param>
/// <param name="TargetRate">The pattern's rate now, events per second.</param>
/// <param name="Sent">Events handed to the sink so far.</param>
/// <param name="Acknowledged">Events the sink confirmed so far.</param>
/// <param name="Failed">Events that failed so far.</param>
public readonly record struct LoadProgress(TimeSpan Elapsed, double TargetRate, long Sent, long Acknowledged, long Failed);
