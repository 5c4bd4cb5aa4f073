using Amazon.Runtime;
using Force12.Queues.Ecs.Tests.Double;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Ecs.Tests;

/// <summary>Creates ECS orchestrators pointed at an <see cref="EcsApiDouble"/>, with short backoffs.</summary>
internal static class EcsDoubleOrchestrators
{
    public static EcsPodOrchestrator Create(EcsApiDouble api, string pipeline, string cluster, string service, int maxRetries = 4) =>
        new(Options(api) with { MaxRetries = maxRetries },
            new Dictionary<string, EcsPipelineSettings> { [pipeline] = new(cluster, service) },
            TimeProvider.System,
            NullLogger<EcsPodOrchestrator>.Instance);

    public static EcsOrchestratorOptions Options(EcsApiDouble api) => new()
    {
        Region = EcsApiDouble.Region,
        Endpoint = api.Endpoint,
        Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "double-accepts-any-signature"),
        BaseBackoff = TimeSpan.FromMilliseconds(20),
        MaxBackoff = TimeSpan.FromMilliseconds(200),
    };
}
