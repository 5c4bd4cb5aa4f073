using System.Globalization;
using System.Text;

namespace Force12.Queues.Agent.Tests.Faults;

/// <summary>
/// The agent configuration of the fault suites: a fast loop (0.3 s polls, 3 s collect timeout), local-process pods that
/// only sleep (so nothing consumes and the true backlog stays put), and pipelines that fall back after three failures.
/// </summary>
internal static class FaultAgentConfig
{
    /// <summary>The agent's poll interval.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(300);

    /// <summary>The agent's collect timeout: room for a steady source on a busy 2-core machine.</summary>
    public static readonly TimeSpan CollectTimeout = TimeSpan.FromSeconds(3);

    /// <summary>The slowest a tick may be and still count as on time: a poll interval plus a collect timeout.</summary>
    public static TimeSpan SlowestTick => PollInterval + CollectTimeout;

    /// <summary>The whole file: the agent's settings, then each pipeline as <c>(name, source lines)</c>.</summary>
    public static string Yaml(string folder, int httpPort, params (string Name, string Source)[] pipelines)
    {
        var yaml = new StringBuilder();
        yaml.Append(CultureInfo.InvariantCulture, $"""
            http:
              address: 127.0.0.1:{httpPort}
            pollInterval: {PollInterval.TotalMilliseconds}ms
            collectTimeout: {CollectTimeout.TotalSeconds}s
            capacity:
              podSlots: 20
            orchestrators:
              process:
                stateDirectory: {Path.Combine(folder, "pods")}
            pipelines:

            """);
        foreach (var (name, source) in pipelines)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"""
                  {name}:
                    sla: 10s
                    minPods: 0
                    maxPods: 6
                    perPodThroughput: 100
                    fallbackAfterFailedPolls: 3
                    fallbackPods: 1
                    source:
                {Indent(source, 6)}
                    orchestrator: process
                    pod:
                      containers:
                        - name: main
                          command: sleep
                          args: ["600"]

                """);
        }

        return yaml.ToString();
    }

    /// <summary>A <c>rabbitmq</c> source on <paramref name="managementUrl"/> watching queue <c>q</c>.</summary>
    public static string RabbitMqSource(Uri managementUrl, TimeSpan requestTimeout) => $"""
        kind: rabbitmq
        managementUrl: {managementUrl}
        queues: [q]
        requestTimeout: {requestTimeout.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}ms
        """;

    /// <summary>
    /// A <c>kinesis</c> source on stream <c>bulbs</c> and lease table <c>bulbs-app</c> whose Kinesis and DynamoDB endpoints
    /// are both <paramref name="endpoint"/> (a server that routes by <c>X-Amz-Target</c>).
    /// </summary>
    public static string KinesisSource(Uri endpoint) => $"""
        kind: kinesis
        stream: bulbs
        leaseTable: bulbs-app
        region: us-east-1
        kinesisEndpoint: {endpoint}
        dynamoDbEndpoint: {endpoint}
        """;

    private static string Indent(string lines, int spaces) =>
        string.Join('\n', lines.Split('\n').Select(l => new string(' ', spaces) + l.TrimEnd()));
}
