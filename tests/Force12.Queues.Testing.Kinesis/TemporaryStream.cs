using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Text;
using System.Text.Json.Nodes;
using Force12.Queues.Kinesis.Client;
using Force12.Queues.Kinesis.Model;

namespace Force12.Queues.Testing.Kinesis;

/// <summary>A uniquely named kinesalite stream, deleted on dispose.</summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "A Kinesis stream, not a System.IO.Stream.")]
public sealed class TemporaryStream : IAsyncDisposable
{
    private TemporaryStream(KinesisClient client, string name)
    {
        Client = client;
        Name = name;
    }

    /// <summary>The client that created the stream (disposed with it).</summary>
    public KinesisClient Client { get; }

    /// <summary>The stream's name.</summary>
    public string Name { get; }

    /// <summary>Creates a uniquely named stream of <paramref name="shards"/> shards on kinesalite and waits until it is active.</summary>
    public static async Task<TemporaryStream> CreateAsync(int shards, string prefix = "f12")
    {
        await AwsTestServices.EnsureReachableAsync(AwsTestServices.KinesisUrl, "kinesalite");
        var client = AwsTestServices.CreateKinesis();
        var stream = new TemporaryStream(client, AwsTestServices.UniqueName(prefix));
        await client.InvokeAsync("CreateStream", new JsonObject { ["StreamName"] = stream.Name, ["ShardCount"] = shards }, default);
        await stream.WaitActiveAsync();
        return stream;
    }

    /// <summary>Waits (up to 20 s) until the stream is ACTIVE again, after a create, split or merge.</summary>
    public Task WaitActiveAsync() =>
        Eventually.HoldsAsync(async () => (await Client.DescribeStreamSummaryAsync(Name)).Status == "ACTIVE",
            TimeSpan.FromSeconds(20), () => $"stream {Name} is ACTIVE");

    /// <summary>The first hash key of a shard: writing with it as explicit hash key lands in that shard.</summary>
    public async Task<BigInteger> HashKeyOfAsync(string shardId) =>
        (await Client.ListShardsAsync(Name)).Single(s => s.ShardId == shardId).StartingHashKey;

    /// <summary>Writes <paramref name="count"/> records numbered from <paramref name="first"/> into one shard; returns their sequence numbers.</summary>
    public async Task<IReadOnlyList<BigInteger>> PutAsync(string shardId, int count, int first = 0) =>
        (await PutTimedAsync(shardId, count, first)).Sequences;

    /// <summary>As <see cref="PutAsync"/>, also returning the local-clock window in which Kinesis accepted the records.</summary>
    public async Task<(IReadOnlyList<BigInteger> Sequences, DateTimeOffset NotBefore, DateTimeOffset NotAfter)> PutTimedAsync(string shardId, int count, int first = 0)
    {
        var hashKey = await HashKeyOfAsync(shardId);
        var notBefore = TimeProvider.System.GetUtcNow();
        var sequences = new List<BigInteger>();
        for (var offset = 0; offset < count; offset += 500)
        {
            var batch = Enumerable.Range(first + offset, Math.Min(500, count - offset))
                .Select(i => new PutRecordsEntry($"k{i}", Encoding.UTF8.GetBytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), hashKey))
                .ToArray();
            var outcomes = await Client.PutRecordsAsync(Name, batch);
            Assert.All(outcomes, o => Assert.True(o.Succeeded && o.ShardId == shardId, $"put went to {o.ShardId} ({o.ErrorCode})"));
            sequences.AddRange(outcomes.Select(o => o.SequenceNumber!.Value));
        }

        return (sequences, notBefore, TimeProvider.System.GetUtcNow());
    }

    /// <summary>Splits <paramref name="shardId"/> at <paramref name="newStartingHashKey"/> (call <see cref="WaitActiveAsync"/> after).</summary>
    public Task SplitAsync(string shardId, BigInteger newStartingHashKey) =>
        Client.InvokeAsync("SplitShard", new JsonObject
        {
            ["StreamName"] = Name,
            ["ShardToSplit"] = shardId,
            ["NewStartingHashKey"] = SequenceNumbers.Format(newStartingHashKey),
        }, default);

    /// <summary>Merges <paramref name="shardId"/> with <paramref name="adjacentShardId"/> (call <see cref="WaitActiveAsync"/> after).</summary>
    public Task MergeAsync(string shardId, string adjacentShardId) =>
        Client.InvokeAsync("MergeShards", new JsonObject
        {
            ["StreamName"] = Name,
            ["ShardToMerge"] = shardId,
            ["AdjacentShardToMerge"] = adjacentShardId,
        }, default);

    /// <summary>Deletes the stream and disposes the client.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Client.InvokeAsync("DeleteStream", new JsonObject { ["StreamName"] = Name }, default);
        }
        catch (KinesisException e) when (e.Kind == KinesisErrorKind.StreamNotFound)
        {
            // already gone
        }

        Client.Dispose();
    }
}
