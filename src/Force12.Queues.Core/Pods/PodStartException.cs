namespace Force12.Queues.Core.Pods;

/// <summary>
/// A pod could not be started; the orchestrator removed every container it had created for it.
/// Orchestrators catch it and report it in <see cref="PodOperationResult.Failures"/>.
/// </summary>
public sealed class PodStartException : Exception
{
    /// <summary>Creates the exception for pod <paramref name="podId"/>.</summary>
    public PodStartException(string podId, string reason, Exception? inner)
        : base(reason, inner)
    {
        PodId = podId;
    }

    /// <summary>Id the failed pod would have had.</summary>
    public string PodId { get; }
}
