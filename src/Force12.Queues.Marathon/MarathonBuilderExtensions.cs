using Force12.Queues.Core.Agent;

namespace Force12.Queues.Marathon;

/// <summary>Registers the <c>marathon</c> orchestrator kind on the agent's builder.</summary>
public static class MarathonBuilderExtensions
{
    /// <summary>
    /// Lets pipelines use <c>orchestrator: { kind: marathon, app: /lights/bulbs }</c>: registers the
    /// <see cref="MarathonOrchestratorProvider"/>, which creates the orchestrator from the configuration's
    /// <c>orchestrators.marathon</c> section; <paramref name="options"/> (defaults when null) gives the value of every key
    /// the section leaves out. Nothing connects to Marathon while configuration is only being validated. Adding it twice
    /// keeps the first.
    /// </summary>
    public static IForce12Builder AddMarathon(this IForce12Builder builder, MarathonOrchestratorOptions? options = null)
    {
        var defaults = options ?? new MarathonOrchestratorOptions();
        return builder.AddOrchestratorKind(s => new MarathonOrchestratorProvider(defaults, s.Time, s.Loggers));
    }
}
