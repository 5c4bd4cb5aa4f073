using Docker.DotNet;
using Force12.Queues.Testing;
using RabbitMQ.Client.Exceptions;
using RabbitMQ.Client;

namespace Force12.Queues.Chaos;

/// <summary>
/// The real services a chaos run needs besides the embedded Kafka (dockerd and RabbitMQ with its management API),
/// found through the same environment variables as the other tests (FORCE12_DOCKER_HOST, FORCE12_RABBITMQ_URL,
/// FORCE12_RABBITMQ_MANAGEMENT_URL) with loopback defaults. <see cref="RequireAsync"/> fails with a clear message
/// when one does not answer: a chaos run never skips.
/// </summary>
internal sealed class ChaosServices : IDisposable
{
    public Uri DockerEndpoint { get; } = new(Variable("FORCE12_DOCKER_HOST", "unix:///var/run/docker.sock"));

    public Uri RabbitUrl { get; } = new(Variable("FORCE12_RABBITMQ_URL", "amqp://guest:guest@127.0.0.1:5672/"));

    public Uri ManagementUrl { get; } = new(Variable("FORCE12_RABBITMQ_MANAGEMENT_URL", "http://127.0.0.1:15672/"));

    public DockerClient Docker { get; private set; } = null!;

    public async Task RequireAsync(CancellationToken cancellationToken)
    {
        Docker = new DockerClientConfiguration(DockerEndpoint).CreateClient();
        try
        {
            await Docker.System.PingAsync(cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or DockerApiException or TimeoutException or IOException or System.Net.Sockets.SocketException)
        {
            throw new InvalidOperationException(
                $"dockerd is not reachable at {DockerEndpoint} ({e.Message}): the chaos run needs it for the pods. Run scripts/setup.sh (as root) to start it.", e);
        }

        try
        {
            await using var connection = await new ConnectionFactory { Uri = RabbitUrl }.CreateConnectionAsync(cancellationToken);
        }
        catch (BrokerUnreachableException e)
        {
            throw new InvalidOperationException(
                $"RabbitMQ is not reachable at {RabbitUrl.Host}:{RabbitUrl.Port} ({e.Message}): the chaos run needs it for the bulb-state stage. Run scripts/setup.sh (as root) to start it.", e);
        }

        using var http = new HttpClient();
        try
        {
            using var overview = await http.GetAsync(new Uri(ManagementUrl, "api/overview"), cancellationToken);
            if (overview.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                throw new HttpRequestException("no /api/overview: the management plugin is not enabled");
            }
        }
        catch (HttpRequestException e)
        {
            throw new InvalidOperationException(
                $"The RabbitMQ management API is not reachable at {ManagementUrl} ({e.Message}): the agent reads the bulb-state queue's depth from it. Run scripts/setup.sh (as root).", e);
        }
    }

    /// <summary>Builds <paramref name="image"/> from the bulbs sample with scripts/build-images.sh (FROM scratch, no registry).</summary>
    public static Task BuildImageAsync(string image, CancellationToken cancellationToken) =>
        SampleImages.BuildAsync("src/Force12.Queues.Samples.Bulbs", image, cancellationToken: cancellationToken);

    /// <summary>
    /// force12.dll in the tools project's own build output for the configuration this program was built in
    /// (bin/CONFIG/TFM of a project under tests/ or benchmarks/ mirrors src/Force12.Queues.Tools/bin/CONFIG/TFM).
    /// </summary>
    public static string AgentDll()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.Combine(RepositoryPaths.Root, "src", "Force12.Queues.Tools", "bin", output.Parent!.Name, output.Name, "force12.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dll} was not built: build the solution (same configuration) first.", dll);
    }

    public void Dispose() => Docker?.Dispose();

    private static string Variable(string name, string fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : fallback;
}
