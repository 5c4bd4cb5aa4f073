using Microsoft.AspNetCore.Builder;

namespace Force12.Queues.Agent.Composition;

/// <summary>What <see cref="AgentHost.BuildAsync"/> gives: the agent's application, or the configuration's errors.</summary>
/// <param name="App">The built, not started, application; null when the configuration is invalid.</param>
/// <param name="Errors">Every configuration error; empty when <paramref name="App"/> is set.</param>
internal sealed record AgentHostBuild(WebApplication? App, IReadOnlyList<string> Errors);
