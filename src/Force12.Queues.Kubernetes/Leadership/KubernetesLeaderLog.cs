using Microsoft.Extensions.Logging;

namespace Force12.Queues.Kubernetes.Leadership;

/// <summary>Log events of the Kubernetes leader election. Event ids 5450-5459 are stable.</summary>
internal static partial class KubernetesLeaderLog
{
    [LoggerMessage(EventId = 5450, Level = LogLevel.Information, Message = "Leader election: {Identity} leads on Lease {Lease} ({How}); this agent acts")]
    public static partial void Acquired(ILogger logger, string identity, string lease, LeaseAction how);

    [LoggerMessage(EventId = 5451, Level = LogLevel.Warning, Message = "Leader election: {Identity} no longer leads on Lease {Lease} (holder: {Holder}); this agent stops acting")]
    public static partial void Lost(ILogger logger, string identity, string lease, string? holder);

    [LoggerMessage(EventId = 5452, Level = LogLevel.Information, Message = "Leader election: {Identity} released Lease {Lease}")]
    public static partial void Released(ILogger logger, string identity, string lease);

    [LoggerMessage(EventId = 5453, Level = LogLevel.Warning, Message = "Leader election failing (a leader stops acting once its renew deadline passes): {Reason}")]
    public static partial void CampaignFailing(ILogger logger, string reason);

    [LoggerMessage(EventId = 5454, Level = LogLevel.Information, Message = "Leader election: Lease {Lease} reachable again")]
    public static partial void CampaignRecovered(ILogger logger, string lease);
}
