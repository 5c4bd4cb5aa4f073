using Force12.Queues.Kinesis.Consumer;

namespace Force12.Queues.Kinesis.Tests.Consumer;

/// <summary>Processes its first batch (through the shared recorder) and then hangs until cancelled: a worker killed with a batch in hand.</summary>
internal sealed class StuckHandler(IKinesisRecordHandler inner) : IKinesisRecordHandler
{
    private readonly TaskCompletionSource<int> _inHand = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the size of the batch in hand once one is stuck.</summary>
    public Task<int> InHand => _inHand.Task;

    public async Task HandleAsync(ShardRecords batch, CancellationToken cancellationToken)
    {
        await inner.HandleAsync(batch, cancellationToken);
        if (_inHand.TrySetResult(batch.Records.Count))
        {
            await Task.Delay(Timeout.Infinite, cancellationToken); // processed, never checkpointed
        }
    }
}
