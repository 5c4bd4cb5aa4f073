using Force12.Queues.Core.Agent;

namespace Force12.Queues.Ecs;

/// <summary>Registers the <c>ecs</c> orchestrator kind on the agent's builder.</summary>
public static class EcsBuilderExtensions
{
    /// <summary>
    /// Lets pipelines use <c>orchestrator: {kind: ecs, cluster: C, service: S}</c>: registers the
    /// <see cref="EcsOrchestratorProvider"/>, which creates the orchestrator from <c>orchestrators.ecs</c>;
    /// <paramref name="options"/> (defaults when null) gives the value of every key the section leaves out. Nothing
    /// connects to AWS while configuration is only being validated. Adding it twice keeps the first.
    /// </summary>
    public static IForce12Builder AddEcs(this IForce12Builder builder, EcsOrchestratorOptions? options = null)
    {
        var defaults = options ?? new EcsOrchestratorOptions();
        return builder.AddOrchestratorKind(s => new EcsOrchestratorProvider(defaults, s.Time, s.Loggers));
    }
}
