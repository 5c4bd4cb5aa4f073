namespace Force12.Queues.Lightbulbs.Events;

/// <summary>
/// One state report of a smart lightbulb. Keyed by <see cref="BulbId"/> on the queue, so the events
/// of one bulb stay in order; <see cref="Sequence"/> is unique per event, so delivery can be audited.
/// </summary>
public sealed record LightbulbEvent
{
    /// <summary>Unique number of the event within a run (the audit counts each one); 0 or more.</summary>
    public required long Sequence { get; init; }

    /// <summary>The bulb that reported; the message key.</summary>
    public required int BulbId { get; init; }

    /// <summary>The home the bulb belongs to.</summary>
    public required int HomeId { get; init; }

    /// <summary>Whether the bulb is on.</summary>
    public required bool On { get; init; }

    /// <summary>Brightness in percent, 0 to 100.</summary>
    public required byte Brightness { get; init; }

    /// <summary>When the bulb reported, with millisecond precision (both encodings keep milliseconds).</summary>
    public required DateTimeOffset EventTime { get; init; }
}
