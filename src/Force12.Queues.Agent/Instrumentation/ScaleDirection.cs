namespace Force12.Queues.Agent.Instrumentation;

/// <summary>Direction of a scale operation, the <c>direction</c> label of <c>force12_scale_operations_total</c>.</summary>
public enum ScaleDirection
{
    /// <summary>Pods were started.</summary>
    Up,

    /// <summary>Pods were stopped.</summary>
    Down,
}
