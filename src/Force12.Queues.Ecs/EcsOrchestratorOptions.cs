using Amazon.Runtime;

namespace Force12.Queues.Ecs;

/// <summary>
/// Where and how the <c>ecs</c> orchestrator talks to Amazon ECS and Application Auto Scaling. Credentials follow
/// AWSSDK.Core's default chain when not set (environment variables, profile, web identity, container and instance roles).
/// </summary>
public sealed record EcsOrchestratorOptions
{
    /// <summary>Default <see cref="ScaleInProtectionMinutes"/>: 2 minutes (long enough for ECS to act on the lower count, short enough not to hold up a deployment).</summary>
    public const int DefaultScaleInProtectionMinutes = 2;

    /// <summary>Largest <see cref="ScaleInProtectionMinutes"/> ECS accepts: 2880 (48 hours).</summary>
    public const int MaximumScaleInProtectionMinutes = 2880;

    /// <summary>Region system name, for example <c>eu-west-1</c>. Required (the provider falls back to <c>AWS_REGION</c>).</summary>
    public string Region { get; init; } = "";

    /// <summary>Explicit ECS endpoint. Default null: <c>https://ecs.{region}.amazonaws.com/</c>.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>Explicit Application Auto Scaling endpoint. Default null: <see cref="Endpoint"/> when set, else the regional one.</summary>
    public Uri? AutoScalingEndpoint { get; init; }

    /// <summary>
    /// Minutes of task scale-in protection put on the tasks that stay while ECS lowers the count, so that ECS stops the
    /// tasks the agent chose; 0 disables it (ECS then chooses). Default <see cref="DefaultScaleInProtectionMinutes"/>.
    /// </summary>
    public int ScaleInProtectionMinutes { get; init; } = DefaultScaleInProtectionMinutes;

    /// <summary>Credentials. Default null: AWSSDK.Core's default credential chain, resolved on first use.</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>Retries after throttling, HTTP 5xx and network failures (so up to 5 attempts by default); 0 disables retries.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>Backoff before the first retry; doubles per retry up to <see cref="MaxBackoff"/>. Default 100 ms.</summary>
    public TimeSpan BaseBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest backoff between two attempts. Default 2 s.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Time limit of one HTTP attempt. Default 10 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Source of jitter in [0, 1) for each backoff. Default null: the midpoint, reproducible.</summary>
    public Func<double>? Jitter { get; init; }
}
