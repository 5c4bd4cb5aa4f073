using Force12.Queues.Core.Lag;

namespace Force12.Queues.Testing.Lag;

/// <summary>
/// The source of a pipeline whose collector a loop test hands to the control loop itself: it names the pipeline's
/// source and creates no collector.
/// </summary>
public sealed class ScriptedLagSource : ILagSource
{
    /// <inheritdoc />
    public string Kind => "scripted";

    /// <inheritdoc />
    public string Description => "scripted test source";

    /// <inheritdoc />
    public ILagCollector CreateCollector(LagCollectorContext context) =>
        throw new NotSupportedException("A scripted pipeline's collector is given to the loop by the test.");
}
