namespace Force12.Queues.Core.Forecasting;

/// <summary>One finished history bucket.</summary>
/// <param name="Start">Start of the bucket (UTC).</param>
/// <param name="RatePerSecond">Mean arrival rate over the bucket, messages per second.</param>
public sealed record CompletedBucket(DateTimeOffset Start, double RatePerSecond);
