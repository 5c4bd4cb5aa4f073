using System.Numerics;
using Force12.Queues.Kinesis.Client;
using Force12.Queues.Kinesis.Leases;

namespace Force12.Queues.Kinesis.Tests.Leases;

public sealed class KclCheckpointTests
{
    private const string Max128 = "340282366920938463463374607431768211455"; // 2^128 - 1

    [Theory]
    [InlineData("TRIM_HORIZON", KclCheckpointKind.TrimHorizon)]
    [InlineData("LATEST", KclCheckpointKind.Latest)]
    [InlineData("AT_TIMESTAMP", KclCheckpointKind.AtTimestamp)]
    [InlineData("SHARD_END", KclCheckpointKind.ShardEnd)]
    [InlineData("49590338271490256608559692538361571095921575989136588898", KclCheckpointKind.SequenceNumber)]
    public void Parse_StoredText_RoundTrips(string text, KclCheckpointKind kind)
    {
        var checkpoint = KclCheckpoint.Parse(text);

        Assert.Equal(kind, checkpoint.Kind);
        Assert.Equal(text, checkpoint.ToString());
    }

    [Fact]
    public void Parse_128BitSequenceNumbers_ComparesWithoutOverflow()
    {
        var max = KclCheckpoint.Parse(Max128).SequenceNumber!.Value;
        var belowMax = SequenceNumbers.Parse("340282366920938463463374607431768211454");

        Assert.Equal(BigInteger.Pow(2, 128) - 1, max);
        Assert.True(belowMax < max);
        Assert.True(max > ulong.MaxValue);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("12a")]
    [InlineData("1.5")]
    public void Parse_NotASequenceNumber_ThrowsNamingTheText(string text)
    {
        var error = Assert.Throws<FormatException>(() => KclCheckpoint.Parse(text));

        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shardId-000000000007", null, "shardId-000000000007")]
    [InlineData("123456789012:bulbs:1700000000:shardId-000000000007", "bulbs", "shardId-000000000007")]
    public void LeaseKeyParse_SingleAndMultiStream_SplitsStreamAndShard(string key, string? stream, string shard)
    {
        var parsed = KclLeaseKey.Parse(key);

        Assert.Equal((stream, shard), (parsed.StreamName, parsed.ShardId));
        Assert.Equal(key, parsed.ToString());
        Assert.True(parsed.BelongsTo("bulbs"));
        Assert.Equal(stream is null, parsed.BelongsTo("other"));
    }
}
