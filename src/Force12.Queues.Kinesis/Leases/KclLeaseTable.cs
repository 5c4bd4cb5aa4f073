using Amazon;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Force12.Queues.Kinesis.Client;
using static Force12.Queues.Kinesis.Leases.KclLeaseSerializer;

namespace Force12.Queues.Kinesis.Leases;

/// <summary>
/// A KCL lease table in DynamoDB: reads every lease (consistent scan) and makes the conditional writes
/// KCL makes, each fenced on <c>leaseCounter</c> (and the owner), so that two workers never both
/// believe they hold a shard. Failures other than a lost condition throw <see cref="KinesisException"/>.
/// </summary>
public sealed partial class KclLeaseTable : IDisposable
{
    private readonly IAmazonDynamoDB _dynamo;
    private readonly bool _ownsClient;

    /// <summary>Uses an existing DynamoDB client (not disposed by this table).</summary>
    public KclLeaseTable(IAmazonDynamoDB dynamo, string tableName)
    {
        _dynamo = dynamo ?? throw new ArgumentNullException(nameof(dynamo));
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        TableName = tableName;
    }

    /// <summary>Creates its own DynamoDB client from <paramref name="options"/>.</summary>
    public KclLeaseTable(KclLeaseTableOptions options)
        : this(CreateClient(options ?? throw new ArgumentNullException(nameof(options))), options.TableName) => _ownsClient = true;

    /// <summary>The table's name.</summary>
    public string TableName { get; }

    /// <summary>
    /// Every lease row (KCL 3.x bookkeeping rows skipped), by a paginated consistent scan. Strict: a page without
    /// <c>Items</c>, a lease row that cannot be read, or a <c>LastEvaluatedKey</c> that comes back a second time fails the
    /// listing (<see cref="KinesisException"/>), since a lease silently lost would count its shard from the initial position.
    /// </summary>
    public async Task<IReadOnlyList<KclLease>> ListAsync(CancellationToken cancellationToken = default)
    {
        var leases = new List<KclLease>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await Call(() => _dynamo.ScanAsync(new ScanRequest
            {
                TableName = TableName,
                ConsistentRead = true,
                ExclusiveStartKey = start,
            }, cancellationToken)).ConfigureAwait(false);
            var items = page.Items ?? throw Unreadable("the Scan answer has no Items");
            leases.AddRange(items.Select(Lease).Where(l => l is not null).Select(l => l!));
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
            if (start is not null && !seen.Add(string.Join(",", start.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key}={k.Value.S}{k.Value.N}"))))
            {
                throw Unreadable("LastEvaluatedKey came back a second time (endless pagination)");
            }
        }
        while (start is not null);
        return leases;
    }

    /// <summary>Creates the table as KCL does (hash key <c>leaseKey</c>, on-demand) unless it exists; waits until it is active.</summary>
    public async Task CreateIfMissingAsync(TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        try
        {
            await _dynamo.CreateTableAsync(new CreateTableRequest
            {
                TableName = TableName,
                AttributeDefinitions = [new AttributeDefinition(LeaseKey, ScalarAttributeType.S)],
                KeySchema = [new KeySchemaElement(LeaseKey, KeyType.HASH)],
                BillingMode = BillingMode.PAY_PER_REQUEST,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ResourceInUseException)
        {
            // already there: fine
        }
        catch (Exception e) when (DynamoErrors.IsTranslatable(e))
        {
            throw DynamoErrors.Translate(e, TableName);
        }

        while (true)
        {
            var table = await Call(() => _dynamo.DescribeTableAsync(TableName, cancellationToken)).ConfigureAwait(false);
            if (table.Table.TableStatus == TableStatus.ACTIVE)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsClient)
        {
            _dynamo.Dispose();
        }
    }

    private static AmazonDynamoDBClient CreateClient(KclLeaseTableOptions options)
    {
        var config = new AmazonDynamoDBConfig();
        if (options.ServiceUrl is not null)
        {
            config.ServiceURL = options.ServiceUrl.ToString();
            config.AuthenticationRegion = options.Region ?? "us-east-1";
        }
        else if (options.Region is not null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        return options.Credentials is null ? new AmazonDynamoDBClient(config) : new AmazonDynamoDBClient(options.Credentials, config);
    }

    private KclLease? Lease(Dictionary<string, AttributeValue> item)
    {
        try
        {
            return FromItem(item);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw Unreadable($"lease row '{(item.TryGetValue(LeaseKey, out var key) ? key.S : "?")}': {e.Message}", e);
        }
    }

    private KinesisException Unreadable(string what, Exception? inner = null) =>
        new(KinesisErrorKind.Other, $"Lease table '{TableName}': unreadable Scan answer: {what}", null, inner);

    private async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (DynamoErrors.IsTranslatable(e) && e is not ConditionalCheckFailedException)
        {
            throw DynamoErrors.Translate(e, TableName);
        }
    }
}
