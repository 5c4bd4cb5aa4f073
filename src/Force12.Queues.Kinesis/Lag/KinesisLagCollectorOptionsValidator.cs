using System.Globalization;
using Force12.Queues.Core.Configuration;
using Force12.Queues.Kinesis.Configuration;
using Force12.Queues.Kinesis.Leases;

namespace Force12.Queues.Kinesis.Lag;

/// <summary>
/// The rules of <see cref="KinesisLagCollectorOptions"/>, each problem named by its configuration key
/// (<see cref="KinesisSourceKeys"/>), so the <c>kinesis</c> source provider reports them under the user's path once.
/// </summary>
public static class KinesisLagCollectorOptionsValidator
{
    /// <summary>Most shards read at the same time: 256.</summary>
    public const int MaxConcurrentShardsLimit = 256;

    /// <summary>Most records one GetRecords call returns: 10000 (the service maximum).</summary>
    public const int RecordsPerReadLimit = 10_000;

    /// <summary>Every problem with <paramref name="options"/>; empty when valid.</summary>
    public static IReadOnlyList<SettingProblem> Validate(KinesisLagCollectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<SettingProblem>();
        void Fail(string key, string problem) => problems.Add(new SettingProblem(key, problem));
        static string Between(int min, int max, int value) => string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max} (was {value})");
        if (string.IsNullOrWhiteSpace(options.StreamName))
        {
            Fail(KinesisSourceKeys.Stream, "is required");
        }

        if (options.MaxReadsPerShardPerPoll is < 1 or > KinesisLagCollectorOptions.ShardReadsPerSecondLimit)
        {
            Fail(KinesisSourceKeys.MaxReadsPerShardPerPoll, Between(1, KinesisLagCollectorOptions.ShardReadsPerSecondLimit, options.MaxReadsPerShardPerPoll));
        }

        if (options.RecordsPerRead is < 1 or > RecordsPerReadLimit)
        {
            Fail(KinesisSourceKeys.RecordsPerRead, Between(1, RecordsPerReadLimit, options.RecordsPerRead));
        }

        if (options.MaxConcurrentShards is < 1 or > MaxConcurrentShardsLimit)
        {
            Fail(KinesisSourceKeys.MaxConcurrentShards, Between(1, MaxConcurrentShardsLimit, options.MaxConcurrentShards));
        }

        if (options.InitialPosition is not (KclCheckpointKind.TrimHorizon or KclCheckpointKind.Latest))
        {
            Fail(KinesisSourceKeys.InitialPosition, $"must be trimHorizon or latest (was {options.InitialPosition})");
        }

        if (options.StallAfter <= TimeSpan.Zero)
        {
            Fail(KinesisSourceKeys.StallAfter, $"must be positive (was {QuantityParser.FormatDuration(options.StallAfter)})");
        }

        return problems;
    }
}
