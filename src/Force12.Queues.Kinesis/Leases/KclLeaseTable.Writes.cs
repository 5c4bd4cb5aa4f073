using Amazon.DynamoDBv2.Model;
using static Force12.Queues.Kinesis.Leases.KclLeaseSerializer;

namespace Force12.Queues.Kinesis.Leases;

/// <summary>The conditional writes: each returns the lease as written, or null (false) when another worker got there first.</summary>
public sealed partial class KclLeaseTable
{
    /// <summary>Writes a new lease row unless one with the same key exists.</summary>
    public async Task<bool> TryCreateAsync(KclLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return await Conditional(() => _dynamo.PutItemAsync(new PutItemRequest
        {
            TableName = TableName,
            Item = ToItem(lease),
            ConditionExpression = "attribute_not_exists(leaseKey)",
        }, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Takes <paramref name="lease"/> for <paramref name="owner"/> if its counter has not moved since it was read.</summary>
    public async Task<KclLease?> TryTakeAsync(KclLease lease, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var switched = lease.Owner == owner ? 0 : 1;
        var taken = lease with { Owner = owner, Counter = lease.Counter + 1, OwnerSwitchesSinceCheckpoint = lease.OwnerSwitchesSinceCheckpoint + switched };
        var ok = await Update(lease, "SET leaseOwner = :owner, leaseCounter = :next, ownerSwitchesSinceCheckpoint = :switches",
            "leaseCounter = :counter", new()
            {
                [":owner"] = new() { S = owner },
                [":switches"] = Number(taken.OwnerSwitchesSinceCheckpoint),
            }, cancellationToken).ConfigureAwait(false);
        return ok ? taken : null;
    }

    /// <summary>Renews a lease this worker holds (bumps the counter); null when it was lost.</summary>
    public async Task<KclLease?> TryRenewAsync(KclLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var ok = await Update(lease, "SET leaseCounter = :next", Held, Owner(lease), cancellationToken).ConfigureAwait(false);
        return ok ? lease with { Counter = lease.Counter + 1 } : null;
    }

    /// <summary>Records a checkpoint on a held lease (resets the owner-switch count, bumps the counter; at
    /// <see cref="KclCheckpointKind.ShardEnd"/> also records the children); null when the lease was lost.</summary>
    public async Task<KclLease?> TryCheckpointAsync(
        KclLease lease, KclCheckpoint checkpoint, IReadOnlyList<string>? childShardIds = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var values = Owner(lease);
        values[":checkpoint"] = new() { S = checkpoint.ToString() };
        values[":sub"] = Number(checkpoint.SubSequenceNumber);
        values[":zero"] = Number(0);
        var set = "SET checkpoint = :checkpoint, checkpointSubSequenceNumber = :sub, ownerSwitchesSinceCheckpoint = :zero, leaseCounter = :next";
        if (childShardIds is { Count: > 0 })
        {
            values[":children"] = new() { SS = [.. childShardIds] };
            set += ", childShardIds = :children";
        }

        var ok = await Update(lease, set, Held, values, cancellationToken).ConfigureAwait(false);
        return ok ? lease with
        {
            Checkpoint = checkpoint,
            OwnerSwitchesSinceCheckpoint = 0,
            Counter = lease.Counter + 1,
            ChildShardIds = childShardIds ?? lease.ChildShardIds,
        } : null;
    }

    /// <summary>Gives a held lease up (removes the owner, bumps the counter) so another worker can take it at once.</summary>
    public async Task<bool> TryReleaseAsync(KclLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return await Update(lease, "REMOVE leaseOwner SET leaseCounter = :next", Held, Owner(lease), cancellationToken).ConfigureAwait(false);
    }

    private const string Held = "leaseCounter = :counter AND leaseOwner = :owner";

    private static Dictionary<string, AttributeValue> Owner(KclLease lease) =>
        new() { [":owner"] = new() { S = lease.Owner ?? throw new InvalidOperationException($"Lease {lease.Key} has no owner") } };

    private Task<bool> Update(KclLease lease, string update, string condition, Dictionary<string, AttributeValue> values, CancellationToken cancellationToken)
    {
        values[":counter"] = Number(lease.Counter);
        values[":next"] = Number(lease.Counter + 1);
        return Conditional(() => _dynamo.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = TableName,
            Key = new() { [LeaseKey] = new() { S = lease.Key.ToString() } },
            UpdateExpression = update,
            ConditionExpression = condition,
            ExpressionAttributeValues = values,
        }, cancellationToken));
    }

    private async Task<bool> Conditional<T>(Func<Task<T>> write)
    {
        try
        {
            await Call(write).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }
}
