using System.Net;
using System.Net.Sockets;
using Force12.Queues.Core.Agent;
using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Pods;
using Force12.Queues.Keda.Protocol;
using Force12.Queues.Testing;
using Force12.Queues.Testing.Configuration;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Force12.Queues.Keda.Tests;

/// <summary>
/// What <c>AddKeda()</c> adds to a host, as the agent composes it (its configuration and status board in the same
/// container): the scaler serves on <c>orchestrators.keda.grpcAddress</c> while the host runs.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class KedaScalerHostedServiceTests
{
    [Fact]
    public async Task Host_KedaPipeline_ServesTheScalerOnTheConfiguredAddress()
    {
        var port = FreePort();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddForce12().AddKeda();
        builder.Services.AddSingleton(services => Read(services, $"127.0.0.1:{port}"));
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
            var client = new ExternalScaler.ExternalScalerClient(channel);
            var scaledObject = new ScaledObjectRef { Name = "bulbs", Namespace = "lights", ScalerMetadata = { ["pipeline"] = "bulbs" } };

            var spec = Assert.Single((await client.GetMetricSpecAsync(scaledObject)).MetricSpecs);
            var beforeFirstTick = await Assert.ThrowsAsync<RpcException>(async () => await client.IsActiveAsync(scaledObject));

            Assert.Equal("force12-bulbs-pods", spec.MetricName);
            Assert.Equal(StatusCode.Unavailable, beforeFirstTick.StatusCode);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static AgentConfiguration Read(IServiceProvider services, string grpcAddress)
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["capacity:podSlots"] = "4",
            ["orchestrators:keda:grpcAddress"] = grpcAddress,
            ["pipelines:bulbs:sla"] = "10s",
            ["pipelines:bulbs:source:kind"] = "stub",
            ["pipelines:bulbs:source:group"] = "bulbs",
            ["pipelines:bulbs:orchestrator"] = "keda",
        }).Build();
        var result = new AgentConfigurationReader([new StubSourceProvider()], services.GetServices<IPodOrchestratorProvider>()).Read(settings);
        Assert.Empty(result.Errors);
        return result.Configuration!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
