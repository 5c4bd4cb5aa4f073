namespace Force12.Queues.Benchmarks.Reaction;

/// <summary>One agent setting the benchmark measures: a name, the agent's poll interval and how many steps.</summary>
internal sealed record ReactionSetting(string Name, TimeSpan PollInterval, int Steps);
