using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Force12.Queues.Aws;

namespace Force12.Queues.Kinesis.Tests.Client;

/// <summary>Our canonical request against AWSSDK.Core's complete request signer: both must produce the same signature.</summary>
public sealed class SigV4SignerCrossCheckTests
{
    [Theory]
    [InlineData("https://kinesis.eu-west-1.amazonaws.com/", "eu-west-1", null)]
    [InlineData("http://127.0.0.1:4567/", "us-east-1", "session-token")]
    public void Sign_SameRequest_MatchesTheSdkSigner(string endpoint, string region, string? token)
    {
        var uri = new Uri(endpoint);
        var body = """{"StreamName":"bulbs","MaxResults":1000}""";
        var signedAt = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        var credentials = new ImmutableCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", token);

        var ours = SigV4Signer.Sign(uri, "Kinesis_20131202.ListShards", "application/x-amz-json-1.1",
            Encoding.UTF8.GetBytes(body), credentials, region, "kinesis", signedAt);

        var request = new DefaultRequest(new ScanRequest(), "Kinesis")
        {
            Endpoint = uri,
            HttpMethod = "POST",
            ResourcePath = "/",
            Content = Encoding.UTF8.GetBytes(body),
        };
        request.Headers["Content-Type"] = "application/x-amz-json-1.1";
        request.Headers["X-Amz-Target"] = "Kinesis_20131202.ListShards";
        if (token is not null)
        {
            request.Headers["X-Amz-Security-Token"] = token;
        }

        var config = new AmazonDynamoDBConfig { ServiceURL = endpoint, AuthenticationRegion = region, AuthenticationServiceName = "kinesis" };
        var sdk = new AWS4Signer().SignRequest(request, config, null, credentials.AccessKey, credentials.SecretKey, signedAt);

        Assert.Equal(sdk.ForAuthorizationHeader, ours.Single(h => h.Key == "Authorization").Value);
    }
}
