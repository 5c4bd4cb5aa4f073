namespace Force12.Queues.Lightbulbs.Events;

/// <summary>Turns a <see cref="LightbulbEvent"/> into message bytes and back. Implementations are thread-safe.</summary>
public interface ILightbulbEventCodec
{
    /// <summary>The name used on the command line (<c>json</c>, <c>binary</c>).</summary>
    string Name { get; }

    /// <summary>Upper bound of <see cref="Encode"/>'s output in bytes.</summary>
    int MaxEncodedLength { get; }

    /// <summary>Writes <paramref name="lightbulbEvent"/> into <paramref name="destination"/> (at least <see cref="MaxEncodedLength"/> bytes).</summary>
    /// <returns>The number of bytes written.</returns>
    int Encode(LightbulbEvent lightbulbEvent, Span<byte> destination);

    /// <summary>Reads one event.</summary>
    /// <exception cref="FormatException">The bytes are not an event in this encoding.</exception>
    LightbulbEvent Decode(ReadOnlySpan<byte> source);
}
