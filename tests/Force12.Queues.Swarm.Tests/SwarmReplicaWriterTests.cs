using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Swarm.Tests;

/// <summary>The read-modify-write of the replica count against a scripted engine: retries, limits and messages.</summary>
public sealed class SwarmReplicaWriterTests
{
    private const string OutOfSequence = """{"message":"rpc error: code = Unknown desc = update out of sequence"}""";

    [Fact]
    public async Task SetReplicas_StaleVersionEveryTime_GivesUpAfterFiveTriesNamingTheService()
    {
        var engine = new ScriptedEngine(replicas: 1) { Refusals = Enumerable.Repeat((HttpStatusCode.InternalServerError, OutOfSequence), 10).ToList() };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Writer(engine).SetReplicasAsync("bulbs", "bulbs-svc", _ => 4, default));

        Assert.Equal(SwarmReplicaWriter.MaxAttempts, engine.Writes.Count);
        Assert.Equal(
            $"Swarm service 'bulbs-svc' of pipeline 'bulbs' was changed by another writer on each of 5 tries (replicas 1 -> 4): 500 {OutOfSequence}",
            error.Message);
    }

    [Fact]
    public async Task SetReplicas_StaleVersionOnce_RereadsAndDerivesTheCountFromTheNewRead()
    {
        var engine = new ScriptedEngine(replicas: 3) { Refusals = [(HttpStatusCode.Conflict, "{}")] };
        engine.BeforeWrite = () => engine.Replicas = 5; // another writer scaled to 5 meanwhile

        var (_, replicas) = await Writer(engine).SetReplicasAsync("bulbs", "bulbs-svc", current => current - 1, default);

        Assert.Equal(4, replicas);
        Assert.Equal([(2UL, 10L), (4UL, 11L)], engine.Writes);
    }

    [Fact]
    public async Task SetReplicas_OtherRefusal_IsNotRetriedAndNamesTheServiceAndTheAnswer()
    {
        var engine = new ScriptedEngine(replicas: 0) { Refusals = [(HttpStatusCode.Forbidden, """{"message":"not a manager"}""")] };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Writer(engine).SetReplicasAsync("bulbs", "bulbs-svc", _ => 2, default));

        Assert.Single(engine.Writes);
        Assert.Equal("""Swarm service 'bulbs-svc' of pipeline 'bulbs' refused the update (replicas 0 -> 2): 403 {"message":"not a manager"}""", error.Message);
    }

    [Fact]
    public async Task SetReplicas_AlreadyThatCount_WritesNothing()
    {
        var engine = new ScriptedEngine(replicas: 3);

        await Writer(engine).SetReplicasAsync("bulbs", "bulbs-svc", _ => 3, default);

        Assert.Empty(engine.Writes);
    }

    [Fact]
    public async Task SetReplicas_MissingService_NamesItAndTheSettingToFix()
    {
        var engine = new ScriptedEngine(replicas: 0) { Exists = false };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Writer(engine).SetReplicasAsync("bulbs", "bulbs-svc", _ => 2, default));

        Assert.Equal("Swarm service 'bulbs-svc' of pipeline 'bulbs' was not found (create it, or fix pipelines.bulbs.orchestrator.service)", error.Message);
    }

    [Fact]
    public async Task SetReplicas_EngineIsNotASwarmManager_NamesTheServiceAndTheAnswer()
    {
        var engine = new ScriptedEngine(replicas: 0) { ReadRefusal = (HttpStatusCode.ServiceUnavailable, """{"message":"This node is not a swarm manager."}""") };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Writer(engine).SetReplicasAsync("bulbs", "bulbs-svc", _ => 2, default));

        Assert.Equal("""Swarm service 'bulbs-svc' of pipeline 'bulbs': the engine refused to read the service: 503 {"message":"This node is not a swarm manager."}""", error.Message);
    }

    private static SwarmReplicaWriter Writer(ScriptedEngine engine) => new(engine, TimeProvider.System, NullLogger.Instance);

    /// <summary>One replicated service whose version grows with every change; refuses writes as scripted.</summary>
    private sealed class ScriptedEngine(ulong replicas) : ISwarmServiceClient
    {
        private ulong _version = 10;

        public ulong Replicas { get; set; } = replicas;

        public bool Exists { get; init; } = true;

        public (HttpStatusCode Status, string Body)? ReadRefusal { get; init; }

        public List<(HttpStatusCode Status, string Body)> Refusals { get; init; } = [];

        public Action? BeforeWrite { get; set; }

        public List<(ulong Replicas, long Version)> Writes { get; } = [];

        public Task<SwarmService?> InspectServiceAsync(string service, CancellationToken cancellationToken) => ReadRefusal is var (status, body)
            ? throw new DockerApiException(status, body)
            : Task.FromResult(Exists
            ? new SwarmService
            {
                ID = "id-" + service,
                Version = new Docker.DotNet.Models.Version { Index = _version },
                Spec = new ServiceSpec { Name = service, Mode = new ServiceMode { Replicated = new ReplicatedService { Replicas = Replicas } } },
            }
            : null);

        public Task UpdateServiceAsync(string serviceId, long version, ServiceSpec spec, CancellationToken cancellationToken)
        {
            Writes.Add((spec.Mode.Replicated.Replicas!.Value, version));
            if (BeforeWrite is { } before)
            {
                BeforeWrite = null;
                before();
                _version++;
            }

            if (Refusals.Count > 0)
            {
                var (status, body) = Refusals[0];
                Refusals.RemoveAt(0);
                throw new DockerApiException(status, body);
            }

            Replicas = spec.Mode.Replicated.Replicas!.Value;
            _version++;
            return Task.CompletedTask;
        }

        public Task<IList<TaskResponse>> ListTasksAsync(string serviceId, CancellationToken cancellationToken) => Task.FromResult<IList<TaskResponse>>([]);
    }
}
