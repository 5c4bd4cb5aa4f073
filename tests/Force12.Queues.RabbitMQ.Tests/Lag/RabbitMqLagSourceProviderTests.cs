using Force12.Queues.Core.Configuration;
using Force12.Queues.RabbitMQ.Lag;
using Microsoft.Extensions.Configuration;

namespace Force12.Queues.RabbitMQ.Tests.Lag;

public sealed class RabbitMqLagSourceProviderTests
{
    [Fact]
    public void Read_FullSettings_BuildsTheOptions()
    {
        var (source, errors) = Read(new()
        {
            ["kind"] = "rabbitmq",
            ["queues:0"] = "bulb-state",
            ["queues:1"] = "other",
            ["managementUrl"] = "http://rabbit:15672/",
            ["username"] = "u",
            ["password"] = "secret",
            ["virtualHost"] = "iot",
            ["requestTimeout"] = "2s",
        });

        Assert.Empty(errors);
        var options = Assert.IsType<RabbitMqLagSource>(source).Options;
        Assert.Equal(["bulb-state", "other"], options.Queues);
        Assert.Equal(new Uri("http://rabbit:15672/"), options.ManagementUrl);
        Assert.Equal("iot", options.VirtualHost);
        Assert.Equal(TimeSpan.FromSeconds(2), options.RequestTimeout);
        Assert.DoesNotContain("secret", source!.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OnlyQueues_UsesLocalDefaults()
    {
        var (source, errors) = Read(new() { ["kind"] = "rabbitmq", ["queues"] = "bulb-state" });

        Assert.Empty(errors);
        var options = Assert.IsType<RabbitMqLagSource>(source).Options;
        Assert.Equal(new Uri("http://127.0.0.1:15672/"), options.ManagementUrl);
        Assert.Equal(("guest", "guest", "/"), (options.Username, options.Password, options.VirtualHost));
    }

    [Fact]
    public void Read_BadSettings_ReportsEveryErrorWithItsPath()
    {
        var (source, errors) = Read(new() { ["kind"] = "rabbitmq", ["managementUrl"] = "ftp://x", ["requestTimeout"] = "soon", ["queue"] = "typo" });

        Assert.Null(source);
        Assert.Equal(
        [
            "pipelines.p.source.queue: unknown setting (known here: kind, queues, managementUrl, username, password, virtualHost, requestTimeout, stallAfter)",
            "pipelines.p.source.managementUrl: 'ftp://x' is not an absolute http or https URL",
            "pipelines.p.source.requestTimeout: 'soon' is not a duration (use a number with ms, s, m or h, for example 10s)",
            "pipelines.p.source.queues: is required: at least one queue name",
        ], errors);
    }

    private static (Core.Lag.ILagSource? Source, List<string> Errors) Read(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values.Select(kv => KeyValuePair.Create("source:" + kv.Key, kv.Value))).Build();
        var errors = new List<string>();
        var provider = new RabbitMqLagSourceProvider();
        var settings = new SectionReader(configuration.GetSection("source"), "pipelines.p.source", errors);
        settings.RejectUnknown(provider.Keys); // as the agent's reader does before Read
        var source = provider.Read(settings);
        return (source, errors);
    }
}
