using Force12.Queues.Core.Lag;

namespace Force12.Queues.Kinesis.Lag;

/// <summary>The numbers of one shard after one poll.</summary>
internal sealed record ShardFigures(
    long Lag,
    KinesisCountMethod LagMethod,
    double? LagSeconds,
    TimeLagMethod LagSecondsMethod,
    double? ArrivalRate,
    double? ProcessingRate,
    LagUnitStatus Status);
