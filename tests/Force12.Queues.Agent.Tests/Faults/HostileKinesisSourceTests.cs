using System.Diagnostics;
using Force12.Queues.Testing;
using Force12.Queues.Testing.Faults;

namespace Force12.Queues.Agent.Tests.Faults;

/// <summary>
/// Issue 17's fault suite for the Kinesis source, against the real agent (<c>force12-agent run</c>, a child process) with
/// real pods (local processes). Each pipeline's Kinesis and DynamoDB endpoints are one <see cref="HostileHttpServer"/>
/// that routes by <c>X-Amz-Target</c> (<see cref="KinesisAnswers"/>); the hostile pipeline's server goes through every
/// fault of <see cref="KinesisHostileAnswers"/>, one call under attack at a time while the others answer validly, and the
/// steady pipeline's stays valid. For every fault the hostile pipeline must show the collector's own error (not an
/// exception the loop caught) or an honest backlog, keep its pods (fallback after three failures), the steady pipeline
/// must keep deciding and the agent keep ticking; at the end the hostile pipeline recovers by itself. One agent serves
/// every fault, to keep the suite's time small.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)] // starts a real agent process and real pods
public sealed class HostileKinesisSourceTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private const string StreakStart = "Pipeline hostile: collection failed";
    private const string Contained = "the collector failed:";

    private readonly string _folder = Directory.CreateTempSubdirectory("force12-hostile-kinesis-").FullName;
    private readonly KinesisAnswers _hostileAnswers = new(perShard: 600);
    private readonly KinesisAnswers _steadyAnswers = new(perShard: 300);
    private HostileHttpServer _hostile = null!;
    private HostileHttpServer _steady = null!;
    private AgentUnderTest _agent = null!;

    public async Task InitializeAsync()
    {
        _hostile = HostileHttpServer.Start(_hostileAnswers.Route);
        _steady = HostileHttpServer.Start(_steadyAnswers.Route);
        _agent = await AgentUnderTest.StartAsync(_folder, Config(), new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = "force12-test",
            ["AWS_SECRET_ACCESS_KEY"] = "force12-test",
            ["AWS_EC2_METADATA_DISABLED"] = "true",
        });
    }

    public async Task DisposeAsync()
    {
        await _agent.DisposeAsync();
        await _hostile.DisposeAsync();
        await _steady.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task EveryHostileAnswer_FailsOnlyThatPipelineHoldsItsPodsAndTheAgentRecovers()
    {
        var before = await _agent.AwaitAsync(s => s.Pipeline("hostile").CollectorError is null && s.Pipeline("hostile").RunningPods >= 2
                && s.Pipeline("hostile").RunningPods == s.Pipeline("hostile").TargetPods && s.Pipeline("hostile").BacklogMessages == _hostileAnswers.Backlog,
            Deadline, "the hostile pipeline running its pods on valid answers");
        var checks = new FaultChecks("hostile", "steady", before.Pipeline("hostile").RunningPods);
        var streaksBefore = _agent.LinesWith(StreakStart).Count;
        var started = Stopwatch.GetTimestamp();
        var firstTick = before.Tick;
        var faults = KinesisHostileAnswers.All(_hostileAnswers.Backlog);
        var contained = new List<string>();

        foreach (var fault in faults)
        {
            _hostileAnswers.Attack(fault.Operation, fault.Answer);
            var switchedAt = (await _agent.StatusAsync()).Tick;
            var seen = await _agent.AwaitAsync(s => s.Tick >= switchedAt + 3 && _hostile.Served(fault.Answer.Name) >= 1, Deadline,
                $"three ticks on the fault '{fault.Name}'");
            checks.After(fault.Name, seen, switchedAt, mustFail: fault.HonestBacklog is null, fault.HonestBacklog);
            if (seen.Pipeline("hostile").CollectorError is { } error && error.Contains(Contained, StringComparison.Ordinal))
            {
                contained.Add($"{fault.Name}: {error}");
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var ticks = (await _agent.StatusAsync()).Tick - firstTick;
        _hostileAnswers.Attack(null, null);
        var recovered = await _agent.AwaitAsync(s => s.Pipeline("hostile").CollectorError is null && s.Pipeline("hostile").BacklogMessages == _hostileAnswers.Backlog,
            Deadline, "the hostile pipeline to recover on valid answers");

        Assert.True(faults.Count >= 50, $"only {faults.Count} hostile answers");
        Assert.True(checks.Problems.Count == 0, $"{checks.Problems.Count} problems over {faults.Count} hostile answers:\n{string.Join('\n', checks.Problems)}\n{_agent.Output}");
        Assert.True(contained.Count == 0, $"the collector threw instead of reporting its own error on {contained.Count} faults:\n{string.Join('\n', contained)}");
        var slowestTick = FaultAgentConfig.SlowestTick;
        Assert.True(elapsed / ticks < slowestTick * 2, $"{ticks} ticks in {elapsed.TotalSeconds:0.0} s: slower than one per {slowestTick.TotalSeconds * 2:0.0} s");
        Assert.NotEqual("FallbackAfterFailedPolls", recovered.Pipeline("hostile").ReasonCode);
        Assert.False(_agent.HasExited, $"the agent exited\n{_agent.Output}");
        var streaks = _agent.LinesWith("Pipeline hostile: collection");
        Assert.True(_agent.LinesWith(StreakStart).Count >= streaksBefore + 1, $"the hostile answers were not logged as a failure streak:\n{string.Join('\n', streaks)}");
    }

    private string Config() => FaultAgentConfig.Yaml(_folder, AgentUnderTest.FreePort(),
        ("hostile", FaultAgentConfig.KinesisSource(_hostile.Address)),
        ("steady", FaultAgentConfig.KinesisSource(_steady.Address)));
}
