using Force12.Queues.Core.Configuration;

namespace Force12.Queues.Prometheus.Lag;

/// <summary>The keys of a <c>source</c> section of kind <c>prometheus</c>, written once for the provider, the options' rules and the schema test.</summary>
public static class PrometheusSourceKeys
{
    /// <summary><c>url</c>: the Prometheus server's base URL.</summary>
    public const string Url = "url";

    /// <summary><c>demandQuery</c>: PromQL giving the arrival rate (for example requests per second). Required.</summary>
    public const string DemandQuery = "demandQuery";

    /// <summary><c>perPodRate</c>: what one pod handles per second, in the demand query's unit. Required.</summary>
    public const string PerPodRate = "perPodRate";

    /// <summary><c>backlogQuery</c>: PromQL giving the messages waiting; optional.</summary>
    public const string BacklogQuery = "backlogQuery";

    /// <summary><c>timeout</c>: time limit of each query.</summary>
    public const string Timeout = "timeout";

    /// <summary>Every key a <c>prometheus</c> source accepts, <c>kind</c> included.</summary>
    public static IReadOnlyList<string> All { get; } = [SourceKeys.Kind, Url, DemandQuery, PerPodRate, BacklogQuery, Timeout];
}
