using System.Net;
using Force12.Queues.Core.Agent;
using Force12.Queues.Core.Capacity;
using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Pods;
using Force12.Queues.Core.Scaling;
using Force12.Queues.Keda.Protocol;
using Force12.Queues.Testing.Lag;
using Force12.Queues.Testing.Pods;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Force12.Queues.Keda.Tests;

/// <summary>
/// The agent's own control loop (ticks driven by the test on a fake clock, a scripted collector) publishing to the status
/// board that a real <see cref="KedaScalerServer"/> serves on 127.0.0.1 (a free port, h2c), and a gRPC client generated
/// from the same .proto, as KEDA's is. Pipelines: <c>bulbs</c> (keda), <c>lamps</c> (keda, never collects successfully)
/// and <c>meters</c> (actuated by the agent itself through a fake orchestrator).
/// </summary>
internal sealed class KedaScalerHarness : IAsyncDisposable
{
    private readonly KedaScalerServer _server;
    private readonly GrpcChannel _channel;

    private KedaScalerHarness(KedaScalerServer server, FakeTimeProvider time, BacklogCollector bulbs, ControlLoop loop)
    {
        _server = server;
        _channel = GrpcChannel.ForAddress(server.Address!);
        Client = new ExternalScaler.ExternalScalerClient(_channel);
        Time = time;
        Bulbs = bulbs;
        Loop = loop;
    }

    /// <summary>The loop's clock; each <see cref="TickAsync"/> advances it by the poll interval.</summary>
    public FakeTimeProvider Time { get; }

    /// <summary>The collector of pipeline <c>bulbs</c>.</summary>
    public BacklogCollector Bulbs { get; }

    /// <summary>The agent's control loop.</summary>
    public ControlLoop Loop { get; }

    /// <summary>A client of the scaler, generated from the scaler's .proto.</summary>
    public ExternalScaler.ExternalScalerClient Client { get; }

    /// <summary>Starts the server and builds the loop; nothing has ticked yet.</summary>
    public static async Task<KedaScalerHarness> StartAsync()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
        var options = new KedaOrchestratorOptions { GrpcAddress = new IPEndPoint(IPAddress.Loopback, 0) };
        var keda = new KedaPodOrchestrator(options, time);
        var configuration = new AgentConfiguration
        {
            Capacity = new CapacityPool { PodSlots = 100 },
            Pipelines = [Pipeline("bulbs", KedaPodOrchestrator.KindName), Pipeline("lamps", KedaPodOrchestrator.KindName), Pipeline("meters", "memory")],
            Orchestrators = new Dictionary<string, IPodOrchestrator> { [KedaPodOrchestrator.KindName] = keda },
        };
        var board = new AgentStatusBoard();
        var server = new KedaScalerServer(options, configuration, board, NullLoggerFactory.Instance);
        await server.StartAsync(CancellationToken.None);
        Assert.NotNull(server.Address);
        var bulbs = new BacklogCollector(time);
        var lamps = new BacklogCollector(time);
        lamps.Fail();
        var meters = new BacklogCollector(time);
        meters.Backlog(0);
        var loop = new ControlLoop(
            configuration,
            new Dictionary<string, ILagCollector> { ["bulbs"] = bulbs, ["lamps"] = lamps, ["meters"] = meters },
            new Dictionary<string, IPodOrchestrator> { [KedaPodOrchestrator.KindName] = keda, ["memory"] = new FakePodOrchestrator(time) },
            board, new CompositeLoopObserver([]), time, NullLogger<ControlLoop>.Instance);
        return new KedaScalerHarness(server, time, bulbs, loop);
    }

    /// <summary>The scaled object KEDA would send for <paramref name="pipeline"/> (null: no pipeline key).</summary>
    public static ScaledObjectRef ScaledObject(string? pipeline)
    {
        var scaledObject = new ScaledObjectRef { Name = "bulbs-consumer", Namespace = "lights" };
        if (pipeline is not null)
        {
            scaledObject.ScalerMetadata["pipeline"] = pipeline;
        }

        return scaledObject;
    }

    /// <summary>Advances the clock by a poll interval and runs one tick of the loop; returns bulbs' status.</summary>
    public async Task<PipelineStatus> TickAsync()
    {
        Time.Advance(TimeSpan.FromSeconds(1));
        var status = await Loop.TickAsync(CancellationToken.None);
        await Loop.WhenIdleAsync();
        return status.Pipelines.Single(p => p.Name == "bulbs");
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _server.StopAsync(CancellationToken.None);
        await _server.DisposeAsync();
    }

    private static PipelineConfiguration Pipeline(string name, string kind) => new()
    {
        Name = name,
        Policy = new SlaPolicyOptions
        {
            Sla = TimeSpan.FromSeconds(10), MinPods = 0, MaxPods = 20, PerPodThroughputPrior = 100,
            ScaleDownStabilisation = TimeSpan.Zero,
        },
        Source = new ScriptedLagSource(),
        OrchestratorKind = kind,
        OrchestratorSettings = kind == KedaPodOrchestrator.KindName ? KedaPipelineSettings.Instance : OrchestratorPipelineSettings.None,
        Pod = PodTemplate.DefinedByEngine(name),
    };
}
