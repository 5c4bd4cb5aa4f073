using Force12.Queues.Core.Lag;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.RabbitMQ.Lag;

/// <summary>A pipeline's validated <c>rabbitmq</c> source.</summary>
public sealed class RabbitMqLagSource : ILagSource
{
    /// <summary>Wraps validated options.</summary>
    public RabbitMqLagSource(RabbitMqLagCollectorOptions options) => Options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>The collector settings.</summary>
    public RabbitMqLagCollectorOptions Options { get; }

    /// <inheritdoc />
    public string Kind => RabbitMqLagSourceProvider.SourceKind;

    /// <inheritdoc />
    public string Description =>
        $"rabbitmq {Options.ManagementUrl} vhost {Options.VirtualHost}, queues {string.Join(",", Options.Queues)}";

    /// <inheritdoc />
    public ILagCollector CreateCollector(LagCollectorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The provider validated the options once; the collector trusts them.
        return new RabbitMqLagCollector(Options, new RabbitMqManagementApi(Options), context.TimeProvider, context.LoggerFactory.CreateLogger<RabbitMqLagCollector>());
    }
}
