using Force12.Queues.Core.Agent;

namespace Force12.Queues.Benchmarks.Reaction;

/// <summary>When a step's phases were first seen by an agent tick: the 5x need decided, those pods running, and the reaction.</summary>
internal sealed record ReactionPhases(DateTimeOffset? Decided, DateTimeOffset? Started, AgentStatus? Reacted);
