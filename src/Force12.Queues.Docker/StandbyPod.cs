namespace Force12.Queues.Docker;

/// <summary>A standby pod that may be started: its id and its containers' ids in template order.</summary>
internal sealed record StandbyPod(string Id, string[] ContainerIds);
