using Force12.Queues.Core.Pods;

namespace Force12.Queues.Marathon;

/// <summary>One pipeline's Marathon target: each task (instance) of app <paramref name="App"/> is one pod.</summary>
/// <param name="App">The app id, absolute (<c>/lights/bulbs</c>).</param>
public sealed record MarathonPipelineSettings(string App) : OrchestratorPipelineSettings;
