namespace Force12.Queues.Agent.Composition;

/// <summary>Command-line choices of <c>force12 run</c> that are not part of the configuration file.</summary>
internal sealed record AgentRunOptions
{
    /// <summary>Scale every pipeline to zero when the agent stops. Default false: pods keep running.</summary>
    public bool StopPodsOnExit { get; init; }
}
