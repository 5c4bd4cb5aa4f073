namespace Force12.Queues.Lightbulbs.State;

/// <summary>What the cache knows about one bulb.</summary>
/// <param name="On">Whether the bulb is on.</param>
/// <param name="Brightness">Brightness in percent, 0 to 100.</param>
public readonly record struct BulbState(bool On, byte Brightness);
