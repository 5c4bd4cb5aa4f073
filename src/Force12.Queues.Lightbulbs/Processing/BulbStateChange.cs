using Force12.Queues.Lightbulbs.Events;

namespace Force12.Queues.Lightbulbs.Processing;

/// <summary>
/// A bulb's state as changed by a processed event; what the processor publishes to the downstream
/// "bulb-state" stage (the MassTransit message contract).
/// </summary>
public sealed record BulbStateChange
{
    /// <summary>Sequence number of the event that caused the change.</summary>
    public required long Sequence { get; init; }

    /// <summary>The bulb.</summary>
    public required int BulbId { get; init; }

    /// <summary>Its home.</summary>
    public required int HomeId { get; init; }

    /// <summary>Whether it is on now.</summary>
    public required bool On { get; init; }

    /// <summary>Brightness now, percent.</summary>
    public required byte Brightness { get; init; }

    /// <summary>When the bulb reported.</summary>
    public required DateTimeOffset EventTime { get; init; }

    /// <summary>The state <paramref name="e"/> leaves its bulb in.</summary>
    public static BulbStateChange Of(LightbulbEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new()
        {
            Sequence = e.Sequence,
            BulbId = e.BulbId,
            HomeId = e.HomeId,
            On = e.On,
            Brightness = e.Brightness,
            EventTime = e.EventTime,
        };
    }
}
