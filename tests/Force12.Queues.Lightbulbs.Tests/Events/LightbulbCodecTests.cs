using System.Text;
using Force12.Queues.Lightbulbs.Events;

namespace Force12.Queues.Lightbulbs.Tests.Events;

public sealed class LightbulbCodecTests
{
    public static TheoryData<string> Codecs => ["json", "binary"];

    private static readonly LightbulbEvent[] Samples =
    [
        new() { Sequence = 0, BulbId = 0, HomeId = 0, On = false, Brightness = 0, EventTime = DateTimeOffset.FromUnixTimeMilliseconds(0) },
        new() { Sequence = 42, BulbId = 1234, HomeId = 56, On = true, Brightness = 80, EventTime = DateTimeOffset.FromUnixTimeMilliseconds(1_764_072_000_123) },
        new() { Sequence = long.MaxValue, BulbId = int.MaxValue, HomeId = int.MinValue, On = true, Brightness = 100, EventTime = DateTimeOffset.FromUnixTimeMilliseconds(253_402_300_799_999) },
    ];

    [Theory]
    [MemberData(nameof(Codecs))]
    public void EncodeDecode_EverySample_RoundTripsExactly(string name)
    {
        var codec = LightbulbCodecs.ByName(name)!;
        var buffer = new byte[codec.MaxEncodedLength];
        foreach (var sample in Samples)
        {
            var length = codec.Encode(sample, buffer);

            Assert.InRange(length, 1, codec.MaxEncodedLength);
            Assert.Equal(sample, codec.Decode(buffer.AsSpan(0, length)));
            Assert.Equal(sample, LightbulbCodecs.Decode(buffer.AsSpan(0, length)));
        }
    }

    [Fact]
    public void Encode_Json_WritesTheDocumentedShape()
    {
        var buffer = new byte[JsonLightbulbCodec.Instance.MaxEncodedLength];

        var length = JsonLightbulbCodec.Instance.Encode(Samples[1], buffer);

        Assert.Equal("""{"seq":42,"bulb":1234,"home":56,"on":true,"brightness":80,"time":1764072000123}""", Encoding.UTF8.GetString(buffer, 0, length));
    }

    [Fact]
    public void Decode_JsonInAnyOrderWithSpaces_ReadsEveryMember()
    {
        var json = """ { "time": 5, "on": false, "brightness": 0, "home": 2, "bulb": 3, "seq": 9, "extra": [1] } """u8;

        var decoded = JsonLightbulbCodec.Instance.Decode(json);

        Assert.Equal(new LightbulbEvent { Sequence = 9, BulbId = 3, HomeId = 2, On = false, Brightness = 0, EventTime = DateTimeOffset.FromUnixTimeMilliseconds(5) }, decoded);
    }

    [Theory]
    [InlineData("""{"seq":1,"bulb":2,"home":3,"on":true,"brightness":50}""", "'time' is missing")]
    [InlineData("""{"seq":1,"bulb":2,"home":3,"on":true,"brightness":101,"time":1}""", "Brightness must be 0 to 100")]
    [InlineData("""[1,2]""", "expected a JSON object")]
    [InlineData("""{"seq":"x""", "Not a JSON lightbulb event")]
    public void Decode_BadJson_ThrowsFormatExceptionNamingTheProblem(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => JsonLightbulbCodec.Instance.Decode(Encoding.UTF8.GetBytes(json)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_BinaryOfWrongLength_ThrowsFormatException()
    {
        var error = Assert.Throws<FormatException>(() => BinaryLightbulbCodec.Instance.Decode(new byte[] { BinaryLightbulbCodec.Marker, 1, 2 }));

        Assert.Contains("27 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_Binary_IsAboutAThirdOfJson()
    {
        var json = JsonLightbulbCodec.Instance.Encode(Samples[1], new byte[128]);

        Assert.Equal(27, BinaryLightbulbCodec.Instance.Encode(Samples[1], new byte[27]));
        Assert.True(json > 2 * 27, $"json took {json} bytes");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(987654)]
    public void LightbulbKey_RoundTrips(int bulbId)
    {
        var key = LightbulbKey.Encode(bulbId);

        Assert.Equal(bulbId.ToString(System.Globalization.CultureInfo.InvariantCulture), Encoding.ASCII.GetString(key));
        Assert.Equal(bulbId, LightbulbKey.Decode(key));
    }

    [Fact]
    public void ByName_Unknown_ReturnsNull() => Assert.Null(LightbulbCodecs.ByName("avro"));
}
