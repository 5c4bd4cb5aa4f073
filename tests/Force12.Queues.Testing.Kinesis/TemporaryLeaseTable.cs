using Amazon.DynamoDBv2;
using Force12.Queues.Kinesis.Leases;

namespace Force12.Queues.Testing.Kinesis;

/// <summary>A uniquely named dynalite lease table, deleted on dispose.</summary>
public sealed class TemporaryLeaseTable : IAsyncDisposable
{
    private readonly AmazonDynamoDBClient _dynamo;

    private TemporaryLeaseTable(string name)
    {
        Name = name;
        _dynamo = AwsTestServices.CreateDynamo();
        Table = new KclLeaseTable(_dynamo, name);
    }

    /// <summary>The table's name.</summary>
    public string Name { get; }

    /// <summary>The lease table over the temporary DynamoDB table.</summary>
    public KclLeaseTable Table { get; }

    /// <summary>Creates a uniquely named table on dynalite (failing with a clear message when dynalite does not answer).</summary>
    public static async Task<TemporaryLeaseTable> CreateAsync(string prefix = "f12-leases")
    {
        await AwsTestServices.EnsureReachableAsync(AwsTestServices.DynamoDbUrl, "dynalite");
        var table = new TemporaryLeaseTable(AwsTestServices.UniqueName(prefix));
        await table.Table.CreateIfMissingAsync(TimeProvider.System);
        return table;
    }

    /// <summary>The owner <see cref="PutAsync"/> writes by default.</summary>
    public const string TestOwner = "test-worker";

    /// <summary>Moves the checkpoint of a lease written by <see cref="PutAsync"/> (as its owner).</summary>
    public async Task CheckpointAsync(string shardId, KclCheckpoint checkpoint)
    {
        var lease = (await Table.ListAsync()).Single(l => l.ShardId == shardId);
        Assert.NotNull(await Table.TryCheckpointAsync(lease, checkpoint));
    }

    /// <summary>Writes a lease for <paramref name="shardId"/>; false when one exists already.</summary>
    public Task<bool> PutAsync(string shardId, KclCheckpoint checkpoint, string? owner = TestOwner, params string[] parents) =>
        Table.TryCreateAsync(new KclLease
        {
            Key = KclLeaseKey.ForShard(shardId),
            Checkpoint = checkpoint,
            Owner = owner,
            Counter = 1,
            ParentShardIds = parents,
        });

    /// <summary>Deletes the table.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _dynamo.DeleteTableAsync(Name);
        }
        catch (Amazon.DynamoDBv2.Model.ResourceNotFoundException)
        {
            // already gone
        }

        _dynamo.Dispose();
    }
}
