using Microsoft.Extensions.Logging;

namespace Force12.Queues.Marathon;

/// <summary>Log events of the marathon orchestrator. Event ids 5700-5799 are stable.</summary>
internal static partial class MarathonLog
{
    [LoggerMessage(EventId = 5700, Level = LogLevel.Information, Message = "Pipeline {Pipeline}: app {App} instances {From} -> {To} at {Url}")]
    public static partial void Scaling(ILogger logger, string pipeline, string app, int from, int to, Uri url);

    [LoggerMessage(EventId = 5701, Level = LogLevel.Information, Message = "Pipeline {Pipeline}: app {App} is locked by a deployment, {Action} retried in {Delay} (try {Attempt} of {Tries})")]
    public static partial void LockedByDeployment(ILogger logger, string pipeline, string app, string action, TimeSpan delay, int attempt, int tries);

    [LoggerMessage(EventId = 5702, Level = LogLevel.Information, Message = "Pipeline {Pipeline}: killing {Count} chosen task(s) of app {App} and lowering its instances by as many")]
    public static partial void KillingChosen(ILogger logger, string pipeline, string app, int count);
}
