namespace Force12.Queues.Simulation.Engine;

/// <summary>Life cycle of a simulated pod.</summary>
internal enum PodState
{
    Starting,
    Ready,
    Stopping,
}
