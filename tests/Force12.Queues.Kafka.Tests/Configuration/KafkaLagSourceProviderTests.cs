using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Lag;
using Force12.Queues.Kafka.Configuration;
using Force12.Queues.Kafka.Lag;
using Microsoft.Extensions.Configuration;

namespace Force12.Queues.Kafka.Tests.Configuration;

public sealed class KafkaLagSourceProviderTests
{
    [Fact]
    public void Read_FullSettings_BuildsTypedOptions()
    {
        var (source, errors) = Read(new()
        {
            ["kind"] = "kafka",
            ["bootstrapServers"] = "kafka:9092",
            ["group"] = "bulbs",
            ["topicPattern"] = "bulbs-.*",
            ["resetPolicy"] = "latest",
            ["timeLag"] = "exact",
            ["requestTimeout"] = "2s",
            ["client:security.protocol"] = "SASL_SSL",
        });

        Assert.Empty(errors);
        Assert.NotNull(source);
        Assert.Equal("kafka kafka:9092 group bulbs, topics matching bulbs-.*", source.Description);
    }

    [Fact]
    public void Read_EveryProblem_ReportedOnceUnderItsKey()
    {
        var (source, errors) = Read(new()
        {
            ["kind"] = "kafka",
            ["topicPattern"] = "([a-",
            ["stallAfter"] = "0s",
            ["topic"] = "bulbs",
        });

        Assert.Null(source);
        Assert.Equal(
        [
            "pipelines.bulbs.source.topic: unknown setting (known here: kind, bootstrapServers, group, topics, topicPattern, resetPolicy, timeLag, unknownGroup, requestTimeout, stallAfter, client, clientSecretFiles)",
            "pipelines.bulbs.source.stallAfter: must be positive (was 0s)",
            "pipelines.bulbs.source.bootstrapServers: is required (host:port[,host:port...])",
            "pipelines.bulbs.source.group: is required",
            "pipelines.bulbs.source.topicPattern: '([a-' is not a valid regular expression",
        ], errors);
    }

    [Fact]
    public void Validator_ProgrammaticOptions_NamesConfigurationKeys()
    {
        var options = new KafkaLagCollectorOptions { BootstrapServers = "kafka:9092", GroupId = "g", Topics = [""], MaxParallelRequests = 0 };

        Assert.Equal(
            [new SettingProblem(KafkaSourceKeys.Topics, "contains an empty topic name"), new SettingProblem("maxParallelRequests", "must be at least 1 (was 0)")],
            KafkaLagCollectorOptionsValidator.Validate(options));
    }

    private static (ILagSource? Source, List<string> Errors) Read(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values.Select(kv => KeyValuePair.Create("source:" + kv.Key, kv.Value))).Build();
        var errors = new List<string>();
        var provider = new KafkaLagSourceProvider();
        var settings = new SectionReader(configuration.GetSection("source"), "pipelines.bulbs.source", errors);
        settings.RejectUnknown(provider.Keys); // as the agent's reader does before Read
        return (provider.Read(settings), errors);
    }
}
