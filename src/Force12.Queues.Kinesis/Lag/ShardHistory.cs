using System.Numerics;

namespace Force12.Queues.Kinesis.Lag;

/// <summary>What the collector remembers about one shard between polls.</summary>
internal sealed class ShardHistory
{
    /// <summary>Newest sequence number seen by the last scan that reached the tip; null when the shard was empty.</summary>
    public BigInteger? TipSequence { get; set; }

    /// <summary>True when the last scan reached the tip, so <see cref="TipSequence"/> marks "arrived before the last poll".</summary>
    public bool TipKnown { get; set; }

    /// <summary>Iterator left by the last scan that reached the tip; it continues after <see cref="TipSequence"/>.</summary>
    public string? ResumeIterator { get; set; }

    /// <summary>When <see cref="ResumeIterator"/> was handed out (iterators expire after 5 minutes).</summary>
    public DateTimeOffset ResumeIteratorAt { get; set; }

    /// <summary>The tip follower's iterator, used while the backlog is too deep to scan to the tip.</summary>
    public string? FollowerIterator { get; set; }

    /// <summary>When the shard was last observed.</summary>
    public DateTimeOffset? ObservedAt { get; set; }

    /// <summary>The lag reported last time.</summary>
    public long? LastLag { get; set; }

    /// <summary>The checkpoint text last time.</summary>
    public string? LastCheckpoint { get; set; }

    /// <summary>Since when the checkpoint has not moved.</summary>
    public DateTimeOffset CheckpointSince { get; set; }

    /// <summary>The lag when the checkpoint last moved.</summary>
    public long LagWhenCheckpointMoved { get; set; }

    /// <summary>The figures of the last poll that read the shard, repeated (aged) when a poll is throttled.</summary>
    public ShardFigures? LastFigures { get; set; }

    /// <summary>Smoothed arrival rate (records per second), kept to estimate deep backlogs.</summary>
    public double? ArrivalRate { get; set; }
}
