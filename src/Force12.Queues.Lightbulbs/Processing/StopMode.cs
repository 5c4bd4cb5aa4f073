namespace Force12.Queues.Lightbulbs.Processing;

/// <summary>What the processor does with the batch in hand when asked to stop (SIGTERM).</summary>
public enum StopMode
{
    /// <summary>Finish every message of the batch, commit, then leave the group (default).</summary>
    Finish,

    /// <summary>Stop at the next message boundary; commit only the messages already finished, leave the rest for redelivery.</summary>
    Abandon,
}
