namespace Force12.Queues.Lightbulbs.Events;

/// <summary>The available encodings, by name, and detection of the encoding of a message.</summary>
public static class LightbulbCodecs
{
    /// <summary>Names accepted by <see cref="ByName"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["json", "binary"];

    /// <summary>The codec called <paramref name="name"/> (case-insensitive), or null when there is none.</summary>
    public static ILightbulbEventCodec? ByName(string name) => name?.ToUpperInvariant() switch
    {
        "JSON" => JsonLightbulbCodec.Instance,
        "BINARY" => BinaryLightbulbCodec.Instance,
        _ => null,
    };

    /// <summary>The codec that wrote <paramref name="message"/>, told apart by its first byte.</summary>
    public static ILightbulbEventCodec Detect(ReadOnlySpan<byte> message) =>
        !message.IsEmpty && message[0] == BinaryLightbulbCodec.Marker ? BinaryLightbulbCodec.Instance : JsonLightbulbCodec.Instance;

    /// <summary>Decodes a message in either encoding.</summary>
    /// <exception cref="FormatException">The bytes are not a lightbulb event.</exception>
    public static LightbulbEvent Decode(ReadOnlySpan<byte> message) => Detect(message).Decode(message);
}
