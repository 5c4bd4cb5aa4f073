using Force12.Queues.Core.Lag;
using Force12.Queues.RabbitMQ.Lag;

namespace Force12.Queues.RabbitMQ.Tests.Lag;

/// <summary>Answers each queue from a table the test sets; a missing entry is a missing queue.</summary>
internal sealed class ScriptedManagementApi : IRabbitMqManagementApi
{
    public Dictionary<string, RabbitMqQueueStats> Queues { get; } = [];

    public Task<RabbitMqQueueStats> GetQueueAsync(string queue, CancellationToken cancellationToken) =>
        Queues.TryGetValue(queue, out var stats)
            ? Task.FromResult(stats)
            : throw new RabbitMqManagementException(LagErrorKind.StreamNotFound, $"queue '{queue}' does not exist");
}
