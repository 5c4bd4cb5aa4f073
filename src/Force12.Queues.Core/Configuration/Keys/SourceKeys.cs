namespace Force12.Queues.Core.Configuration;

/// <summary>
/// The key every <c>source</c> section has; the other keys are the source kind's own
/// (<see cref="Lag.ILagSourceProvider.Keys"/>).
/// </summary>
public static class SourceKeys
{
    /// <summary><c>kind</c>: which source kind reads the section, for example <c>kafka</c>.</summary>
    public const string Kind = "kind";
}
