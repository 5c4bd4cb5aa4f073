using System.Globalization;

namespace Force12.Queues.Chaos;

/// <summary>
/// The agent's configuration for a chaos run: two pipelines on the Docker orchestrator, polled every second.
/// <c>bulbs</c> scales processor pods (state-cache + processor on the host network, sharing a bind-mounted folder
/// for the cache's socket and the audit) on the Kafka group's lag; <c>bulbs-state</c> scales bulb-state pods on the
/// depth of the RabbitMQ queue the processors send their state changes to.
/// </summary>
internal sealed record ChaosAgentConfig(string Pipeline, string StatePipeline, string Topic, string Group, string Queue, string SharedFolder, int HttpPort)
{
    /// <summary>Where the folder shared by every container is mounted in them.</summary>
    public const string MountPath = "/run/force12";

    /// <summary>State changes a bulb-state pod works on at once (each acknowledged after its work and audit fsync).</summary>
    private const int StateConcurrency = 4;

    public string ProcessorAuditFolder => Path.Combine(SharedFolder, "audit-processor");

    public string StateAuditFolder => Path.Combine(SharedFolder, "audit-bulb-state");

    public static ChaosAgentConfig ForNewRun(string sharedFolder, int httpPort)
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var pipeline = $"chaos-{run}";
        return new ChaosAgentConfig(pipeline, pipeline + "-state", pipeline, pipeline, pipeline + "-bulb-state", sharedFolder, httpPort);
    }

    public string Yaml(ChaosOptions options, string bootstrapServers, Uri rabbitUrl, Uri managementUrl)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rabbit = rabbitUrl.UserInfo.Split(':');
        return string.Create(CultureInfo.InvariantCulture, $$"""
            pollInterval: 1s
            collectTimeout: 3s
            http:
              address: 127.0.0.1:{{HttpPort}}
            capacity:
              podSlots: {{options.EffectivePodSlots}}
            pipelines:
              {{Pipeline}}:
                priority: 1
                sla: 5s
                minPods: 1
                maxPods: {{options.MaxPods}}
                perPodThroughput: {{PerPod(options.WorkMs)}}
                scaleDownStabilisation: 10s
                source:
                  kind: kafka
                  bootstrapServers: {{bootstrapServers}}
                  group: {{Group}}
                  topics: [{{Topic}}]
                orchestrator: docker
                pod:
                  network: host
                  stopGracePeriod: 5s
                  containers:
                    - name: state-cache
                      image: {{options.Image}}
                      args: [state-cache]
                      env:
                        BULBS_STATE_CACHE: "unix:{{MountPath}}/{pod}.sock"
                      mounts:
                        - hostPath: {{SharedFolder}}
                          containerPath: {{MountPath}}
                    - name: processor
                      image: {{options.Image}}
                      args: [processor]
                      env:
                        BULBS_KAFKA: "{{bootstrapServers}}"
                        BULBS_TOPIC: "{{Topic}}"
                        BULBS_GROUP: "{{Group}}"
                        BULBS_WORK_MS: "{{options.WorkMs}}"
                        BULBS_BATCH: "100"
                        BULBS_STATE_CACHE: "unix:{{MountPath}}/{pod}.sock"
                        BULBS_RABBITMQ: "{{rabbitUrl}}"
                        BULBS_STATE_QUEUE: "{{Queue}}"
                        BULBS_AUDIT_DIR: "{{MountPath}}/audit-processor"
                      mounts:
                        - hostPath: {{SharedFolder}}
                          containerPath: {{MountPath}}
              {{StatePipeline}}:
                priority: 2
                sla: 5s
                minPods: 1
                maxPods: {{options.MaxStatePods}}
                perPodThroughput: {{PerPod(options.StateWorkMs) * StateConcurrency / 2}}
                scaleDownStabilisation: 10s
                source:
                  kind: rabbitmq
                  managementUrl: {{managementUrl}}
                  username: {{Uri.UnescapeDataString(rabbit[0])}}
                  password: {{Uri.UnescapeDataString(rabbit.Length > 1 ? rabbit[1] : "")}}
                  queues: [{{Queue}}]
                orchestrator: docker
                pod:
                  network: host
                  stopGracePeriod: 5s
                  containers:
                    - name: bulb-state
                      image: {{options.Image}}
                      args: [bulb-state]
                      env:
                        BULBS_RABBITMQ: "{{rabbitUrl}}"
                        BULBS_STATE_QUEUE: "{{Queue}}"
                        BULBS_WORK_MS: "{{options.StateWorkMs}}"
                        BULBS_PREFETCH: "{{4 * StateConcurrency}}"
                        BULBS_CONCURRENCY: "{{StateConcurrency}}"
                        BULBS_AUDIT_DIR: "{{MountPath}}/audit-bulb-state"
                      mounts:
                        - hostPath: {{SharedFolder}}
                          containerPath: {{MountPath}}
            """);
    }

    /// <summary>What the agent may expect of one pod: 80% of what its work per message allows (fetch, commit and send cost the rest).</summary>
    private static double PerPod(double workMs) => workMs > 0 ? Math.Round(1000 / workMs * 0.8) : 2000;
}
