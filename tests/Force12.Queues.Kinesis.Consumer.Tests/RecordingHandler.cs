using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Force12.Queues.Kinesis.Consumer;

namespace Force12.Queues.Kinesis.Tests.Consumer;

/// <summary>Records every delivery of every numbered event (the payload is the event's number), shared by all workers of a test.</summary>
internal sealed class RecordingHandler : IKinesisRecordHandler
{
    private readonly ConcurrentDictionary<int, int> _deliveries = new();
    private readonly ConcurrentQueue<(string Key, int Event)> _firstDeliveries = new();

    public int Distinct => _deliveries.Count;

    public int Duplicates => _deliveries.Values.Sum(v => v - 1);

    public IReadOnlyCollection<int> Missing(int total) => Enumerable.Range(0, total).Where(i => !_deliveries.ContainsKey(i)).ToArray();

    /// <summary>Events in the order they were first delivered, per partition key.</summary>
    public ILookup<string, int> FirstDeliveryOrder => _firstDeliveries.ToLookup(d => d.Key, d => d.Event);

    public Task HandleAsync(ShardRecords batch, CancellationToken cancellationToken)
    {
        foreach (var record in batch.Records)
        {
            var number = int.Parse(Encoding.UTF8.GetString(record.Data.Span), CultureInfo.InvariantCulture);
            if (_deliveries.AddOrUpdate(number, 1, (_, n) => n + 1) == 1)
            {
                _firstDeliveries.Enqueue((record.PartitionKey, number));
            }
        }

        return Task.CompletedTask;
    }
}
