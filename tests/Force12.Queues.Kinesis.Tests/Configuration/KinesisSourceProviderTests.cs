using Force12.Queues.Core.Configuration;
using Force12.Queues.Kinesis.Configuration;
using Force12.Queues.Kinesis.Leases;
using Microsoft.Extensions.Configuration;

namespace Force12.Queues.Kinesis.Tests.Configuration;

public sealed class KinesisSourceProviderTests
{
    [Fact]
    public void Read_FullSettings_BuildsSourceWithoutSecretsInDescription()
    {
        var (source, errors) = Read(new()
        {
            ["kind"] = "kinesis",
            ["stream"] = "bulbs",
            ["leaseTable"] = "bulbs-app",
            ["region"] = "eu-west-1",
            ["kinesisEndpoint"] = "http://127.0.0.1:4567",
            ["dynamoDbEndpoint"] = "http://127.0.0.1:4568",
            ["initialPosition"] = "latest",
            ["maxReadsPerShardPerPoll"] = "3",
            ["recordsPerRead"] = "500",
            ["stallAfter"] = "1m",
        });

        Assert.Empty(errors);
        Assert.Equal(500, ((KinesisSource)source!).Options.ToCollectorOptions().RecordsPerRead);
        var kinesis = Assert.IsType<KinesisSource>(source);
        Assert.Equal("kinesis", kinesis.Kind);
        Assert.Equal("kinesis stream bulbs, lease table bulbs-app at http://127.0.0.1:4567/", kinesis.Description);
        Assert.Equal(KclCheckpointKind.Latest, kinesis.Options.Collector.InitialPosition);
        Assert.Equal(3, kinesis.Options.ToCollectorOptions().MaxReadsPerShardPerPoll);
        Assert.Equal("bulbs", kinesis.Options.ToCollectorOptions().StreamName);
        Assert.Equal(TimeSpan.FromMinutes(1), kinesis.Options.Collector.StallAfter);
    }

    [Fact]
    public void Read_BadSettings_ReportsEveryErrorNamingTheField()
    {
        var (source, errors) = Read(new()
        {
            ["kind"] = "kinesis",
            ["kinesisEndpoint"] = "not a url",
            ["initialPosition"] = "middle",
            ["maxReadsPerShardPerPoll"] = "6",
            ["shards"] = "4",
        });

        Assert.Null(source);
        Assert.Equal(
        [
            "pipelines.bulbs.source.shards: unknown setting (known here: kind, stream, leaseTable, region, kinesisEndpoint, dynamoDbEndpoint, initialPosition, maxReadsPerShardPerPoll, recordsPerRead, maxConcurrentShards, stallAfter)",
            "pipelines.bulbs.source.leaseTable: is required",
            "pipelines.bulbs.source.kinesisEndpoint: 'not a url' is not an http(s) URL, for example http://127.0.0.1:4567",
            "pipelines.bulbs.source.initialPosition: 'middle' is not trimHorizon or latest",
            "pipelines.bulbs.source.stream: is required",
            "pipelines.bulbs.source.maxReadsPerShardPerPoll: must be between 1 and 5 (was 6)",
        ], errors);
    }

    private static (Core.Lag.ILagSource? Source, List<string> Errors) Read(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var errors = new List<string>();
        var reader = new SectionReader(new RootOf(configuration), "pipelines.bulbs.source", errors);
        var provider = new KinesisSourceProvider();
        reader.RejectUnknown(provider.Keys); // as the agent's reader does before Read
        return (provider.Read(reader), errors);
    }

    /// <summary>The configuration root as a section.</summary>
    private sealed class RootOf(IConfigurationRoot root) : IConfigurationSection
    {
        public string Key => "source";

        public string Path => "source";

        public string? Value { get => null; set => throw new NotSupportedException(); }

        public string? this[string key] { get => root[key]; set => root[key] = value; }

        public IEnumerable<IConfigurationSection> GetChildren() => root.GetChildren();

        public Microsoft.Extensions.Primitives.IChangeToken GetReloadToken() => root.GetReloadToken();

        public IConfigurationSection GetSection(string key) => root.GetSection(key);
    }
}
