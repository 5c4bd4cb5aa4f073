using System.Net;
using System.Net.Sockets;
using Force12.Queues.Agent.Composition;
using Force12.Queues.Core.Agent;
using Force12.Queues.Kafka.Configuration;
using Force12.Queues.Processes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Agent.Tests.Composition;

/// <summary>
/// The agent refuses to run with <c>leaderElection</c> on in a build that has no elector (no Kubernetes plugin), rather than
/// act unelected; the reason is the control loop's failure, not the cancelled start it causes (.NET 10 starts ExecuteAsync
/// in the background, so the failure stops a host that is still starting).
/// </summary>
public sealed class AgentHostLeaderElectionTests
{
    [Fact]
    public async Task Run_ElectionOnWithoutAnElectionProvider_ExitsWithFailureNamingWhatIsMissing()
    {
        var address = $"127.0.0.1:{FreePort()}";
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["http:address"] = address,
            ["leaderElection:enabled"] = "true",
            ["capacity:podSlots"] = "4",
            ["pipelines:bulbs:sla"] = "10s",
            ["pipelines:bulbs:source:kind"] = "kafka",
            ["pipelines:bulbs:source:bootstrapServers"] = "127.0.0.1:9092",
            ["pipelines:bulbs:source:group"] = "bulbs",
            ["pipelines:bulbs:source:topics:0"] = "bulbs",
            ["pipelines:bulbs:orchestrator"] = "process",
            ["pipelines:bulbs:pod:containers:0:name"] = "main",
            ["pipelines:bulbs:pod:containers:0:command"] = "sleep",
        }).Build();
        var build = await AgentHost.BuildAsync(
            services => AgentConfigurationCheck.Read(settings, services),
            new AgentRunOptions(),
            services => services.AddForce12().AddKafka().AddProcesses(),
            logging => logging.ClearProviders());
        Assert.Empty(build.Errors);
        using var error = new StringWriter();

        var exitCode = await AgentHostRun.RunAsync(build.App!, address, error, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exitCode == ExitCodes.Failure, $"exit code {exitCode}, stderr: {error}");
        Assert.Equal(
            "the agent failed: InvalidOperationException: leaderElection is enabled, but this build of the agent has no leader election provider (AddKubernetes() registers the Lease-based one)",
            error.ToString().TrimEnd());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
