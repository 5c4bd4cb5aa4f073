using Microsoft.Extensions.Logging;

namespace Force12.Queues.Nomad;

/// <summary>Log events of the nomad orchestrator. Event ids 5600-5699 are stable.</summary>
internal static partial class NomadLog
{
    [LoggerMessage(EventId = 5600, Level = LogLevel.Information, Message = "Pipeline {Pipeline}: {Target} count {From} -> {To} at {Address}")]
    public static partial void Scaling(ILogger logger, string pipeline, string target, int from, int to, Uri address);

    [LoggerMessage(EventId = 5601, Level = LogLevel.Information, Message = "Pipeline {Pipeline}: {Target} has an active deployment, scale to {Count} retried in {Delay} (try {Attempt} of {Tries})")]
    public static partial void BlockedByDeployment(ILogger logger, string pipeline, string target, int count, TimeSpan delay, int attempt, int tries);
}
