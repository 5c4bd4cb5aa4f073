using System.Text.Json.Nodes;

namespace Force12.Queues.Ecs.Client;

/// <summary>
/// A small typed client for the ECS and Application Auto Scaling actions the orchestrator needs (AWSSDK.ECS is not used):
/// JSON 1.1 signed with SigV4, retries with bounded exponential backoff on throttling, 5xx and network failures.
/// </summary>
internal sealed partial class EcsApiClient
{
    /// <summary>ECS scales services in by this dimension; an Application Auto Scaling target on it owns the desired count.</summary>
    public const string DesiredCountDimension = "ecs:service:DesiredCount";

    private readonly IAwsJsonTransport _transport;
    private readonly EcsOrchestratorOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly AwsJsonApi _ecs;
    private readonly AwsJsonApi _autoScaling;

    public EcsApiClient(IAwsJsonTransport transport, EcsOrchestratorOptions options, TimeProvider timeProvider, Uri ecsEndpoint, Uri autoScalingEndpoint)
    {
        _transport = transport;
        _options = options;
        _timeProvider = timeProvider;
        _ecs = AwsJsonApi.Ecs(ecsEndpoint);
        _autoScaling = AwsJsonApi.AutoScaling(autoScalingEndpoint);
    }

    /// <summary>The service's counts; <see cref="EcsException"/> with code <c>MISSING</c> when ECS does not know it.</summary>
    public async Task<EcsServiceState> DescribeServiceAsync(string cluster, string service, CancellationToken cancellationToken)
    {
        var answer = await InvokeAsync(_ecs, "DescribeServices", new JsonObject { ["cluster"] = cluster, ["services"] = new JsonArray(service) }, cancellationToken).ConfigureAwait(false);
        if (answer["services"]?.AsArray().FirstOrDefault() is { } found)
        {
            return EcsJson.Service(found);
        }

        var failures = EcsJson.Failures(answer);
        throw new EcsException($"DescribeServices found no service: {(failures.Count > 0 ? string.Join("; ", failures) : "empty answer")}", "MISSING", retryable: false);
    }

    /// <summary>Sets the service's desired count (UpdateService).</summary>
    public Task UpdateDesiredCountAsync(string cluster, string service, int desiredCount, CancellationToken cancellationToken) =>
        InvokeAsync(_ecs, "UpdateService", new JsonObject { ["cluster"] = cluster, ["service"] = service, ["desiredCount"] = desiredCount }, cancellationToken);

    /// <summary>The service's tasks that ECS wants running (ListTasks with desiredStatus RUNNING, every page), described.</summary>
    public async Task<IReadOnlyList<EcsTask>> ServiceTasksAsync(string cluster, string service, CancellationToken cancellationToken)
    {
        var arns = new List<string>();
        string? next = null;
        do
        {
            var request = new JsonObject { ["cluster"] = cluster, ["serviceName"] = service, ["desiredStatus"] = "RUNNING", ["maxResults"] = 100 };
            if (next is not null)
            {
                request["nextToken"] = next;
            }

            var answer = await InvokeAsync(_ecs, "ListTasks", request, cancellationToken).ConfigureAwait(false);
            arns.AddRange((answer["taskArns"]?.AsArray() ?? []).Select(a => a!.GetValue<string>()));
            next = answer["nextToken"]?.GetValue<string>();
        }
        while (!string.IsNullOrEmpty(next));

        var tasks = new List<EcsTask>(arns.Count);
        foreach (var chunk in arns.Chunk(100)) // DescribeTasks takes up to 100 tasks
        {
            var answer = await InvokeAsync(_ecs, "DescribeTasks", new JsonObject { ["cluster"] = cluster, ["tasks"] = Array(chunk) }, cancellationToken).ConfigureAwait(false);
            tasks.AddRange((answer["tasks"]?.AsArray() ?? []).Select(t => EcsJson.Task(t!)));
        }

        return tasks;
    }

    /// <summary>Turns task scale-in protection on (for <paramref name="minutes"/>) or off; returns the tasks ECS refused, one line each.</summary>
    public async Task<IReadOnlyList<string>> SetProtectionAsync(string cluster, IReadOnlyList<string> taskArns, bool enabled, int minutes, CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        foreach (var chunk in taskArns.Chunk(10)) // UpdateTaskProtection takes up to 10 tasks
        {
            var request = new JsonObject { ["cluster"] = cluster, ["tasks"] = Array(chunk), ["protectionEnabled"] = enabled };
            if (enabled)
            {
                request["expiresInMinutes"] = minutes;
            }

            var answer = await InvokeAsync(_ecs, "UpdateTaskProtection", request, cancellationToken).ConfigureAwait(false);
            failures.AddRange(EcsJson.Failures(answer));
        }

        return failures;
    }

    /// <summary>The Application Auto Scaling targets registered on the service's desired count (their resource ids); empty when none.</summary>
    public async Task<IReadOnlyList<string>> ScalableTargetsAsync(string cluster, string service, CancellationToken cancellationToken)
    {
        var request = new JsonObject
        {
            ["ServiceNamespace"] = "ecs",
            ["ResourceIds"] = new JsonArray($"service/{ClusterName(cluster)}/{service}"),
            ["ScalableDimension"] = DesiredCountDimension,
        };
        var answer = await InvokeAsync(_autoScaling, "DescribeScalableTargets", request, cancellationToken).ConfigureAwait(false);
        return (answer["ScalableTargets"]?.AsArray() ?? []).Select(t => t?["ResourceId"]?.GetValue<string>() ?? "").ToList();
    }

    // Application Auto Scaling names a service by the cluster's short name: "arn:aws:ecs:r:a:cluster/prod" -> "prod".
    private static string ClusterName(string cluster) => cluster.StartsWith("arn:", StringComparison.Ordinal) ? cluster[(cluster.LastIndexOf('/') + 1)..] : cluster;

    private static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
}
