using System.Buffers.Text;
using System.Text.Json;

namespace Force12.Queues.Lightbulbs.Events;

/// <summary>
/// Compact JSON: <c>{"seq":1,"bulb":42,"home":7,"on":true,"brightness":80,"time":1764072000000}</c>
/// (<c>time</c> in Unix milliseconds). Written by hand for speed; read with <see cref="Utf8JsonReader"/>,
/// so any member order and white space are accepted. Every member is required.
/// </summary>
public sealed class JsonLightbulbCodec : ILightbulbEventCodec
{
    private static ReadOnlySpan<byte> SeqPart => "{\"seq\":"u8;
    private static ReadOnlySpan<byte> BulbPart => ",\"bulb\":"u8;
    private static ReadOnlySpan<byte> HomePart => ",\"home\":"u8;
    private static ReadOnlySpan<byte> OnPart => ",\"on\":"u8;
    private static ReadOnlySpan<byte> BrightnessPart => ",\"brightness\":"u8;
    private static ReadOnlySpan<byte> TimePart => ",\"time\":"u8;

    /// <summary>The shared instance.</summary>
    public static JsonLightbulbCodec Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "json";

    /// <inheritdoc />
    public int MaxEncodedLength => 128;

    /// <inheritdoc />
    public int Encode(LightbulbEvent lightbulbEvent, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(lightbulbEvent);
        if (destination.Length < MaxEncodedLength)
        {
            throw new ArgumentException($"Destination must hold {MaxEncodedLength} bytes, has {destination.Length}.", nameof(destination));
        }

        var at = Put(destination, 0, SeqPart);
        at += Number(destination[at..], lightbulbEvent.Sequence);
        at = Put(destination, at, BulbPart);
        at += Number(destination[at..], lightbulbEvent.BulbId);
        at = Put(destination, at, HomePart);
        at += Number(destination[at..], lightbulbEvent.HomeId);
        at = Put(destination, at, OnPart);
        at = Put(destination, at, lightbulbEvent.On ? "true"u8 : "false"u8);
        at = Put(destination, at, BrightnessPart);
        at += Number(destination[at..], lightbulbEvent.Brightness);
        at = Put(destination, at, TimePart);
        at += Number(destination[at..], lightbulbEvent.EventTime.ToUnixTimeMilliseconds());
        destination[at++] = (byte)'}';
        return at;
    }

    /// <inheritdoc />
    public LightbulbEvent Decode(ReadOnlySpan<byte> source)
    {
        long? seq = null, time = null;
        int? bulb = null, home = null, brightness = null;
        bool? on = null;
        try
        {
            var reader = new Utf8JsonReader(source);
            Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject, "a JSON object");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.ValueSpan;
                Expect(reader.Read(), "a value after each name");
                if (name.SequenceEqual("seq"u8)) { seq = reader.GetInt64(); }
                else if (name.SequenceEqual("bulb"u8)) { bulb = reader.GetInt32(); }
                else if (name.SequenceEqual("home"u8)) { home = reader.GetInt32(); }
                else if (name.SequenceEqual("on"u8)) { on = reader.GetBoolean(); }
                else if (name.SequenceEqual("brightness"u8)) { brightness = reader.GetInt32(); }
                else if (name.SequenceEqual("time"u8)) { time = reader.GetInt64(); }
                else { reader.Skip(); }
            }

            Expect(reader.TokenType == JsonTokenType.EndObject, "the end of the object");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new FormatException($"Not a JSON lightbulb event: {e.Message}", e);
        }

        if (brightness is < 0 or > 100)
        {
            throw new FormatException($"Brightness must be 0 to 100, was {brightness}.");
        }

        return new LightbulbEvent
        {
            Sequence = seq ?? throw Missing("seq"),
            BulbId = bulb ?? throw Missing("bulb"),
            HomeId = home ?? throw Missing("home"),
            On = on ?? throw Missing("on"),
            Brightness = (byte)(brightness ?? throw Missing("brightness")),
            EventTime = DateTimeOffset.FromUnixTimeMilliseconds(time ?? throw Missing("time")),
        };
    }

    private static int Put(Span<byte> destination, int at, ReadOnlySpan<byte> text)
    {
        text.CopyTo(destination[at..]);
        return at + text.Length;
    }

    private static int Number(Span<byte> destination, long value)
    {
        _ = Utf8Formatter.TryFormat(value, destination, out var written);
        return written;
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new FormatException($"Not a JSON lightbulb event: expected {what}.");
        }
    }

    private static FormatException Missing(string member) => new($"Not a JSON lightbulb event: member '{member}' is missing.");
}
