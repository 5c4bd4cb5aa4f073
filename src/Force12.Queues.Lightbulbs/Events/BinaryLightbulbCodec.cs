using System.Buffers.Binary;

namespace Force12.Queues.Lightbulbs.Events;

/// <summary>
/// Fixed 27-byte little-endian layout: marker 0xB1, sequence (8), bulb (4), home (4), flags (1, bit 0 = on),
/// brightness (1), event time in Unix milliseconds (8). The marker cannot start a JSON document, so a
/// reader can tell the encodings apart (<see cref="LightbulbCodecs.Detect"/>).
/// </summary>
public sealed class BinaryLightbulbCodec : ILightbulbEventCodec
{
    /// <summary>First byte of every binary event.</summary>
    public const byte Marker = 0xB1;

    /// <summary>Length of every binary event in bytes.</summary>
    public const int Length = 27;

    /// <summary>The shared instance.</summary>
    public static BinaryLightbulbCodec Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "binary";

    /// <inheritdoc />
    public int MaxEncodedLength => Length;

    /// <inheritdoc />
    public int Encode(LightbulbEvent lightbulbEvent, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(lightbulbEvent);
        if (destination.Length < Length)
        {
            throw new ArgumentException($"Destination must hold {Length} bytes, has {destination.Length}.", nameof(destination));
        }

        destination[0] = Marker;
        BinaryPrimitives.WriteInt64LittleEndian(destination[1..], lightbulbEvent.Sequence);
        BinaryPrimitives.WriteInt32LittleEndian(destination[9..], lightbulbEvent.BulbId);
        BinaryPrimitives.WriteInt32LittleEndian(destination[13..], lightbulbEvent.HomeId);
        destination[17] = lightbulbEvent.On ? (byte)1 : (byte)0;
        destination[18] = lightbulbEvent.Brightness;
        BinaryPrimitives.WriteInt64LittleEndian(destination[19..], lightbulbEvent.EventTime.ToUnixTimeMilliseconds());
        return Length;
    }

    /// <inheritdoc />
    public LightbulbEvent Decode(ReadOnlySpan<byte> source)
    {
        if (source.Length != Length || source[0] != Marker)
        {
            throw new FormatException($"A binary lightbulb event is {Length} bytes starting with 0x{Marker:X2}; got {source.Length} bytes.");
        }

        var brightness = source[18];
        if (brightness > 100)
        {
            throw new FormatException($"Brightness must be 0 to 100, was {brightness}.");
        }

        return new LightbulbEvent
        {
            Sequence = BinaryPrimitives.ReadInt64LittleEndian(source[1..]),
            BulbId = BinaryPrimitives.ReadInt32LittleEndian(source[9..]),
            HomeId = BinaryPrimitives.ReadInt32LittleEndian(source[13..]),
            On = (source[17] & 1) != 0,
            Brightness = brightness,
            EventTime = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64LittleEndian(source[19..])),
        };
    }
}
