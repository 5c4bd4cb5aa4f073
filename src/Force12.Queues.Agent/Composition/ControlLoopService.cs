using Force12.Queues.Core.Agent;
using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Leadership;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Agent.Composition;

/// <summary>
/// Runs the <see cref="ControlLoop"/> for the host's lifetime. On shutdown the loop stops and, unless
/// <see cref="AgentRunOptions.StopPodsOnExit"/> is set, the pods keep running (a restarted agent adopts them).
/// The orchestrators are the ones the configuration's settings built (<see cref="AgentConfiguration.Orchestrators"/>).
/// </summary>
internal sealed partial class ControlLoopService(
    AgentConfiguration configuration,
    AgentRunOptions runOptions,
    AgentStatusBoard board,
    IEnumerable<IControlLoopObserver> observers,
    IEnumerable<ILeaderElectionProvider> electors,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    private readonly ILogger _logger = loggers.CreateLogger<ControlLoopService>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var byKind = configuration.Orchestrators;
        var leadership = Leadership(); // before the collectors: a missing election provider must leave nothing to dispose
        var collectors = configuration.Pipelines.ToDictionary(
            p => p.Name,
            p => p.Source.CreateCollector(new LagCollectorContext { Pipeline = p.Name, TimeProvider = time, LoggerFactory = loggers }),
            StringComparer.Ordinal);
        // The campaign ends after the loop (and its calls in flight): the lease is released only once this agent stopped acting.
        using var campaign = new CancellationTokenSource();
        var election = leadership.RunAsync(campaign.Token);
        try
        {
            var loop = new ControlLoop(configuration, collectors, byKind, board, new CompositeLoopObserver(observers), time, loggers.CreateLogger<ControlLoop>(), leadership);
            Started(_logger, configuration.Pipelines.Count, configuration.PollInterval.TotalSeconds, configuration.HttpAddress);
            await loop.RunAsync(stoppingToken).ConfigureAwait(false);
            if (runOptions.StopPodsOnExit && !leadership.Current.IsLeader)
            {
                NotStoppingPods(_logger);
            }
            else if (runOptions.StopPodsOnExit)
            {
                foreach (var pipeline in configuration.Pipelines)
                {
                    StoppingPods(_logger, pipeline.Name);
                    await byKind[pipeline.OrchestratorKind].ScaleAsync(pipeline.Pod with { WarmPods = 0 }, 0, CancellationToken.None).ConfigureAwait(false);
                }
            }
            else
            {
                LeavingPods(_logger);
            }
        }
        finally
        {
            await campaign.CancelAsync().ConfigureAwait(false);
            await election.ConfigureAwait(false);
            foreach (var collector in collectors.Values.OfType<IDisposable>())
            {
                collector.Dispose();
            }
        }
    }

    /// <summary>The elector <c>leaderElection</c> asks for, or <see cref="AlwaysLeader"/> for an agent that runs alone.</summary>
    private ILeadership Leadership() => configuration.LeaderElection is { Enabled: true } options
        ? (electors.FirstOrDefault() ?? throw new InvalidOperationException(
            "leaderElection is enabled, but this build of the agent has no leader election provider (AddKubernetes() registers the Lease-based one)")).Create(options)
        : AlwaysLeader.Instance;

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Not stopping pods on exit (--stop-pods-on-exit): this agent is not the leader")]
    private static partial void NotStoppingPods(ILogger logger);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Agent started: {Pipelines} pipelines, polling every {PollSeconds} s, HTTP on {Address}")]
    private static partial void Started(ILogger logger, int pipelines, double pollSeconds, string address);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Agent stopped; pods are left running (use --stop-pods-on-exit to stop them)")]
    private static partial void LeavingPods(ILogger logger);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Stopping the pods of pipeline {Pipeline} (--stop-pods-on-exit)")]
    private static partial void StoppingPods(ILogger logger, string pipeline);
}
