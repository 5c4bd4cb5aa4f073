using Force12.Queues.Core.Agent;

namespace Force12.Queues.Nomad;

/// <summary>Registers the <c>nomad</c> orchestrator kind on the agent's builder.</summary>
public static class NomadBuilderExtensions
{
    /// <summary>
    /// Lets pipelines use <c>orchestrator: { kind: nomad, job: ..., group: ... }</c>: registers the
    /// <see cref="NomadOrchestratorProvider"/>, which creates the orchestrator from the configuration's
    /// <c>orchestrators.nomad</c> section; <paramref name="options"/> (defaults when null) gives the value of every key
    /// the section leaves out. Nothing connects to Nomad while configuration is only being validated. Adding it twice
    /// keeps the first.
    /// </summary>
    public static IForce12Builder AddNomad(this IForce12Builder builder, NomadOrchestratorOptions? options = null)
    {
        var defaults = options ?? new NomadOrchestratorOptions();
        return builder.AddOrchestratorKind(s => new NomadOrchestratorProvider(defaults, s.Time, s.Loggers));
    }
}
