using System.Globalization;

namespace Force12.Queues.Samples.Bulbs.Tests.Chaos;

/// <summary>The agent configuration of the chaos run: the bulbs pipeline on the process orchestrator, polled every second.</summary>
internal static class AgentConfig
{
    public const string Pipeline = "bulbs";

    public static string Yaml(string bootstrap, string topic, string group, int httpPort, string auditDir, double workMs)
    {
        var bulbs = SampleProcess.BuiltDll("force12-bulbs.dll");
        return string.Create(CultureInfo.InvariantCulture, $$"""
            pollInterval: 1s
            http:
              address: 127.0.0.1:{{httpPort}}
            capacity:
              podSlots: 10
            pipelines:
              {{Pipeline}}:
                sla: 5s
                minPods: 1
                maxPods: 8
                perPodThroughput: {{1000 / workMs * 0.8}}
                scaleDownStabilisation: 10s
                source:
                  kind: kafka
                  bootstrapServers: {{bootstrap}}
                  group: {{group}}
                  topics: [{{topic}}]
                orchestrator: process
                pod:
                  stopGracePeriod: 5s
                  containers:
                    - name: state-cache
                      command: dotnet
                      args: ["{{bulbs}}", "state-cache"]
                      env:
                        BULBS_STATE_CACHE: "unix:../state.sock"
                    - name: processor
                      command: dotnet
                      args: ["{{bulbs}}", "processor"]
                      env:
                        BULBS_KAFKA: "{{bootstrap}}"
                        BULBS_TOPIC: "{{topic}}"
                        BULBS_GROUP: "{{group}}"
                        BULBS_WORK_MS: "{{workMs}}"
                        BULBS_BATCH: "100"
                        BULBS_SESSION_TIMEOUT_MS: "3000"
                        BULBS_STATE_CACHE: "unix:../state.sock"
                        BULBS_AUDIT_DIR: "{{auditDir}}"
            """);
    }
}
