using System.Globalization;
using Force12.Queues.Testing.Kinesis;

namespace Force12.Queues.Samples.Bulbs.Tests.Kinesis;

/// <summary>The agent configuration of the Kinesis chaos run: the bulbs pipeline with <c>source: kinesis</c> on the process orchestrator.</summary>
internal static class KinesisAgentConfig
{
    public const string Pipeline = "bulbs-kinesis";

    public static string Yaml(string stream, string leaseTable, int httpPort, string auditDir, double workMs, int maxPods)
    {
        var bulbs = SampleProcess.BuiltDll("force12-bulbs.dll");
        var kinesis = AwsTestServices.KinesisUrl.ToString();
        var dynamo = AwsTestServices.DynamoDbUrl.ToString();
        var credentials = KinesisTestStack.Credentials();
        return string.Create(CultureInfo.InvariantCulture, $$"""
            pollInterval: 2s
            collectTimeout: 4s
            http:
              address: 127.0.0.1:{{httpPort}}
            capacity:
              podSlots: 10
            pipelines:
              {{Pipeline}}:
                sla: 5s
                minPods: 1
                maxPods: {{maxPods}}
                perPodThroughput: {{1000 / workMs * 0.8}}
                scaleDownStabilisation: 10s
                source:
                  kind: kinesis
                  stream: {{stream}}
                  leaseTable: {{leaseTable}}
                  region: us-east-1
                  kinesisEndpoint: {{kinesis}}
                  dynamoDbEndpoint: {{dynamo}}
                  maxReadsPerShardPerPoll: 2
                  recordsPerRead: 500
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
                        BULBS_SOURCE: "kinesis"
                        BULBS_STREAM: "{{stream}}"
                        BULBS_LEASE_TABLE: "{{leaseTable}}"
                        BULBS_KINESIS_ENDPOINT: "{{kinesis}}"
                        BULBS_DYNAMODB_ENDPOINT: "{{dynamo}}"
                        BULBS_REGION: "us-east-1"
                        AWS_ACCESS_KEY_ID: "{{credentials["AWS_ACCESS_KEY_ID"]}}"
                        AWS_SECRET_ACCESS_KEY: "{{credentials["AWS_SECRET_ACCESS_KEY"]}}"
                        BULBS_WORK_MS: "{{workMs}}"
                        BULBS_BATCH: "500"
                        BULBS_FAILOVER_MS: "3000"
                        BULBS_STATE_CACHE: "unix:../state.sock"
                        BULBS_AUDIT_DIR: "{{auditDir}}"
            """);
    }
}
