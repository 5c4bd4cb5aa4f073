namespace Force12.Queues.Simulation.Engine;

/// <summary>One simulated pod.</summary>
internal sealed class SimPod(int id, PodState state, double since)
{
    public int Id { get; } = id;

    public PodState State { get; set; } = state;

    /// <summary>When the current state began, seconds.</summary>
    public double Since { get; set; } = since;

    /// <summary>Indexes of the partitions this pod consumes (ready pods only).</summary>
    public List<int> Partitions { get; } = [];
}
