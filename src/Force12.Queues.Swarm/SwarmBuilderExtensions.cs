using Force12.Queues.Core.Agent;

namespace Force12.Queues.Swarm;

/// <summary>Registers the <c>swarm</c> orchestrator kind on the agent's builder.</summary>
public static class SwarmBuilderExtensions
{
    /// <summary>
    /// Lets pipelines use <c>orchestrator: { kind: swarm, service: NAME }</c>: registers the
    /// <see cref="SwarmOrchestratorProvider"/>, which creates the orchestrator from the configuration's
    /// <c>orchestrators.swarm</c> section; <paramref name="options"/> (defaults when null) gives the value of every key the
    /// section leaves out. Nothing connects to the engine while configuration is only being validated. Adding it twice
    /// keeps the first.
    /// </summary>
    public static IForce12Builder AddSwarm(this IForce12Builder builder, SwarmOrchestratorOptions? options = null)
    {
        var defaults = options ?? new SwarmOrchestratorOptions();
        return builder.AddOrchestratorKind(s => new SwarmOrchestratorProvider(defaults, s.Time, s.Loggers));
    }
}
