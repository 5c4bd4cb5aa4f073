using Force12.Queues.Core.Lag;
using Force12.Queues.Kinesis.Client;
using Force12.Queues.Kinesis.Lag;
using Force12.Queues.Kinesis.Leases;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Kinesis.Configuration;

/// <summary>A pipeline's validated Kinesis source; creates its <see cref="KinesisLagCollector"/>.</summary>
public sealed class KinesisSource : ILagSource
{
    /// <summary>Wraps validated options.</summary>
    public KinesisSource(KinesisSourceOptions options) => Options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>The settings.</summary>
    public KinesisSourceOptions Options { get; }

    /// <inheritdoc />
    public string Kind => KinesisSourceProvider.SourceKind;

    /// <inheritdoc />
    public string Description =>
        $"kinesis stream {Options.StreamName}, lease table {Options.LeaseTable}"
        + (Options.KinesisEndpoint is { } k ? $" at {k}" : Options.Region is { } r ? $" in {r}" : "");

    /// <inheritdoc />
    public ILagCollector CreateCollector(LagCollectorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return CreateKinesisCollector(context.TimeProvider, context.LoggerFactory);
    }

    /// <summary>Creates the collector with its own Kinesis client and lease table (they live as long as the agent).</summary>
    public KinesisLagCollector CreateKinesisCollector(TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var kinesis = new KinesisClient(Options.ToClientOptions(), timeProvider);
        var leases = new KclLeaseTable(Options.ToLeaseTableOptions());
        return new KinesisLagCollector(kinesis, leases, Options.ToCollectorOptions(), timeProvider, loggerFactory.CreateLogger<KinesisLagCollector>());
    }
}
