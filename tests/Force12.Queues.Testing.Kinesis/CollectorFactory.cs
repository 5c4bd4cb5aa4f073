using Force12.Queues.Kinesis.Configuration;
using Force12.Queues.Kinesis.Lag;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Testing.Kinesis;

/// <summary>Kinesis lag collectors on kinesalite/dynalite for tests, with options tuned per test.</summary>
internal static class CollectorFactory
{
    public static KinesisLagCollector Create(string stream, string table, Func<KinesisLagCollectorOptions, KinesisLagCollectorOptions>? tune = null, TimeProvider? time = null)
    {
        var options = AwsTestServices.SourceOptions(stream, table);
        options = options with { Collector = tune?.Invoke(options.Collector) ?? options.Collector };
        return new KinesisSource(options).CreateKinesisCollector(time ?? TimeProvider.System, NullLoggerFactory.Instance);
    }
}
