using Force12.Queues.Lightbulbs.Audit;
using Force12.Queues.Lightbulbs.Processing;
using MassTransit;

namespace Force12.Queues.Samples.Bulbs;

/// <summary>The downstream stage's work on one state change; MassTransit acknowledges the message when this returns.</summary>
internal sealed class BulbStateChangeConsumer(BulbStateChangeConsumer.Settings settings, TimeProvider time) : IConsumer<BulbStateChange>
{
    public async Task Consume(ConsumeContext<BulbStateChange> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (settings.Work > TimeSpan.Zero)
        {
            await Task.Delay(settings.Work, time, context.CancellationToken).ConfigureAwait(false);
        }

        if (settings.Audit is { } audit)
        {
            audit.Append(context.Message.Sequence);
            audit.Flush();
        }
    }

    /// <summary>What the consumer needs besides the message.</summary>
    internal sealed record Settings(TimeSpan Work, AuditLogWriter? Audit);
}
