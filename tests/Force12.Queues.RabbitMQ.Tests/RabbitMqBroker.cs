using System.Net.Http.Headers;
using System.Text;
using RabbitMQ.Client;

namespace Force12.Queues.RabbitMQ.Tests;

/// <summary>
/// The real RabbitMQ that scripts/setup.sh starts (FORCE12_RABBITMQ_URL, FORCE12_RABBITMQ_MANAGEMENT_URL, defaulting to
/// 127.0.0.1). Construction fails with a clear message when it does not answer; tests never skip.
/// </summary>
public sealed class RabbitMqBroker : IAsyncLifetime
{
    public Uri AmqpUrl { get; } = new(Environment.GetEnvironmentVariable("FORCE12_RABBITMQ_URL") ?? "amqp://guest:guest@127.0.0.1:5672/");

    public Uri ManagementUrl { get; } = new(Environment.GetEnvironmentVariable("FORCE12_RABBITMQ_MANAGEMENT_URL") ?? "http://127.0.0.1:15672/");

    public IConnection Connection { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var http = new HttpClient { BaseAddress = ManagementUrl, Timeout = TimeSpan.FromSeconds(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("guest:guest")));
        try
        {
            using var overview = await http.GetAsync(new Uri("api/overview", UriKind.Relative));
            overview.EnsureSuccessStatusCode();
            Connection = await new ConnectionFactory { Uri = AmqpUrl }.CreateConnectionAsync();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or global::RabbitMQ.Client.Exceptions.BrokerUnreachableException)
        {
            throw new InvalidOperationException(
                $"RabbitMQ is not reachable at {AmqpUrl} / {ManagementUrl} ({e.Message}). Run scripts/setup.sh to start the test services.", e);
        }
    }

    public async Task DisposeAsync()
    {
        if (Connection is not null)
        {
            await Connection.DisposeAsync();
        }
    }

    /// <summary>Declares a fresh non-durable queue that deletes itself after the test (x-expires 60 s idle).</summary>
    public static async Task<string> CreateQueueAsync(IChannel channel)
    {
        var name = $"f12-test-{Guid.NewGuid():N}";
        await channel.QueueDeclareAsync(name, durable: false, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-expires"] = 60_000 });
        return name;
    }

    public static async Task PublishAsync(IChannel channel, string queue, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await channel.BasicPublishAsync(string.Empty, queue, Encoding.UTF8.GetBytes($"m{i}"));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class RabbitMqGroup : ICollectionFixture<RabbitMqBroker>
{
    public const string Name = "rabbitmq";
}
