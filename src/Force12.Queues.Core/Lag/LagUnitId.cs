namespace Force12.Queues.Core.Lag;

/// <summary>
/// Identifies one unit of parallelism in a source: a Kafka partition, a Kinesis shard, a RabbitMQ queue.
/// </summary>
/// <param name="Stream">The topic, stream or queue name.</param>
/// <param name="Unit">The unit within the stream as text: a partition number ("7"), a shard id
/// ("shardId-000000000003"), or empty for a queue that has no sub-units.</param>
public readonly record struct LagUnitId(string Stream, string Unit) : IComparable<LagUnitId>
{
    /// <summary>Orders by stream, then numerically by unit when both are numbers, else ordinally.</summary>
    public int CompareTo(LagUnitId other)
    {
        var byStream = string.CompareOrdinal(Stream, other.Stream);
        if (byStream != 0)
        {
            return byStream;
        }

        return long.TryParse(Unit, out var left) && long.TryParse(other.Unit, out var right)
            ? left.CompareTo(right)
            : string.CompareOrdinal(Unit, other.Unit);
    }

    /// <summary>Ordering as in <see cref="CompareTo"/>.</summary>
    public static bool operator <(LagUnitId left, LagUnitId right) => left.CompareTo(right) < 0;

    /// <summary>Ordering as in <see cref="CompareTo"/>.</summary>
    public static bool operator <=(LagUnitId left, LagUnitId right) => left.CompareTo(right) <= 0;

    /// <summary>Ordering as in <see cref="CompareTo"/>.</summary>
    public static bool operator >(LagUnitId left, LagUnitId right) => left.CompareTo(right) > 0;

    /// <summary>Ordering as in <see cref="CompareTo"/>.</summary>
    public static bool operator >=(LagUnitId left, LagUnitId right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => Unit.Length == 0 ? Stream : $"{Stream}[{Unit}]";
}
