using Force12.Queues.Lightbulbs.Events;
using Force12.Queues.Simulation.Randomness;

namespace Force12.Queues.Lightbulbs.Load;

/// <summary>
/// Makes the events of a run: consecutive sequence numbers from <see cref="FirstSequence"/>, a random bulb
/// out of <see cref="Bulbs"/> (homes of <see cref="BulbsPerHome"/> bulbs), each bulb flipping on or off and
/// picking a new brightness. Not thread-safe: one sender.
/// </summary>
public sealed class LightbulbEventFactory
{
    private readonly SplitMixRandomSource _random;
    private readonly TimeProvider _time;
    private readonly bool[] _on;

    /// <summary>Creates the factory.</summary>
    /// <param name="bulbs">Number of bulbs (ids 0 to bulbs - 1), at least 1.</param>
    /// <param name="bulbsPerHome">Bulbs per home, at least 1.</param>
    /// <param name="firstSequence">Sequence number of the first event, 0 or more.</param>
    /// <param name="random">Random source (seed it for repeatable runs).</param>
    /// <param name="time">Clock for the event time.</param>
    public LightbulbEventFactory(int bulbs, int bulbsPerHome, long firstSequence, SplitMixRandomSource random, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bulbs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(bulbsPerHome, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(firstSequence);
        _random = random ?? throw new ArgumentNullException(nameof(random));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _on = new bool[bulbs];
        Bulbs = bulbs;
        BulbsPerHome = bulbsPerHome;
        FirstSequence = firstSequence;
        NextSequence = firstSequence;
    }

    /// <summary>Number of bulbs.</summary>
    public int Bulbs { get; }

    /// <summary>Bulbs per home.</summary>
    public int BulbsPerHome { get; }

    /// <summary>Sequence number of the first event.</summary>
    public long FirstSequence { get; }

    /// <summary>Sequence number the next event gets.</summary>
    public long NextSequence { get; private set; }

    /// <summary>The next event.</summary>
    public LightbulbEvent Next()
    {
        var bulb = _random.Next(Bulbs);
        var on = _on[bulb] = !_on[bulb];
        return new LightbulbEvent
        {
            Sequence = NextSequence++,
            BulbId = bulb,
            HomeId = bulb / BulbsPerHome,
            On = on,
            Brightness = on ? (byte)(1 + _random.Next(100)) : (byte)0,
            EventTime = _time.GetUtcNow(),
        };
    }
}
