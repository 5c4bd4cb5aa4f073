using System.Text.Json.Nodes;
using Force12.Queues.Ecs.Client;

namespace Force12.Queues.Ecs.Tests;

/// <summary>The request shapes the client sends, through a recording transport (no HTTP).</summary>
public sealed class EcsApiClientTests
{
    [Theory]
    [InlineData("prod")]
    [InlineData("arn:aws:ecs:eu-west-1:123456789012:cluster/prod")]
    public async Task ScalableTargets_ClusterNameOrArn_AsksForTheServiceResourceIdOnTheDesiredCount(string cluster)
    {
        var transport = new RecordingTransport("""{"ScalableTargets":[]}""");

        var targets = await Client(transport).ScalableTargetsAsync(cluster, "bulbs-processor", CancellationToken.None);

        Assert.Empty(targets);
        var (api, action, body) = Assert.Single(transport.Requests);
        Assert.Equal(("application-autoscaling", "AnyScaleFrontendService", "DescribeScalableTargets"), (api.SigningName, api.TargetPrefix, action));
        Assert.Equal("""{"ServiceNamespace":"ecs","ResourceIds":["service/prod/bulbs-processor"],"ScalableDimension":"ecs:service:DesiredCount"}""", body);
    }

    [Fact]
    public async Task UpdateDesiredCount_SendsUpdateServiceWithClusterServiceAndCount()
    {
        var transport = new RecordingTransport("""{"service":{}}""");

        await Client(transport).UpdateDesiredCountAsync("prod", "bulbs-processor", 7, CancellationToken.None);

        var (api, action, body) = Assert.Single(transport.Requests);
        Assert.Equal(("ecs", "AmazonEC2ContainerServiceV20141113", "UpdateService"), (api.SigningName, api.TargetPrefix, action));
        Assert.Equal("""{"cluster":"prod","service":"bulbs-processor","desiredCount":7}""", body);
    }

    [Fact]
    public async Task DescribeService_MissingService_FailsWithTheFailureReason()
    {
        var transport = new RecordingTransport("""{"services":[],"failures":[{"arn":"arn:aws:ecs:eu-west-1:1:service/prod/x","reason":"MISSING"}]}""");

        var error = await Assert.ThrowsAsync<EcsException>(() => Client(transport).DescribeServiceAsync("prod", "x", CancellationToken.None));

        Assert.Equal("DescribeServices found no service: arn:aws:ecs:eu-west-1:1:service/prod/x: MISSING", error.Message);
        Assert.Equal("MISSING", error.ErrorCode);
    }

    private static EcsApiClient Client(IAwsJsonTransport transport) =>
        new(transport, new EcsOrchestratorOptions { Region = "eu-west-1" }, TimeProvider.System, new Uri("https://ecs.example/"), new Uri("https://aas.example/"));

    private sealed class RecordingTransport(string answer) : IAwsJsonTransport
    {
        public List<(AwsJsonApi Api, string Action, string Body)> Requests { get; } = [];

        public Task<AwsJsonResponse> SendAsync(AwsJsonApi api, string action, string jsonBody, CancellationToken cancellationToken)
        {
            Requests.Add((api, action, JsonNode.Parse(jsonBody)!.ToJsonString()));
            return Task.FromResult(new AwsJsonResponse(200, answer));
        }
    }
}
