using System.Text;
using Amazon.Runtime;
using Force12.Queues.Aws;

namespace Force12.Queues.Kinesis.Tests.Client;

public sealed class SigV4SignerTests
{
    private static readonly DateTime SignedAt = new(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc);

    [Fact]
    public void Sign_JsonPost_AuthorizationNamesScopeAndSignedHeaders()
    {
        var headers = Sign(new ImmutableCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null), "{}");

        var authorization = headers.Single(h => h.Key == "Authorization").Value;
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/kinesis/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-target, Signature=", authorization, StringComparison.Ordinal);
        Assert.Equal("20150830T123600Z", headers.Single(h => h.Key == "x-amz-date").Value);
    }

    [Fact]
    public void Sign_DifferentBody_DifferentSignature()
    {
        var credentials = new ImmutableCredentials("AKIDEXAMPLE", "secret", null);

        var one = Sign(credentials, """{"StreamName":"a"}""").Single(h => h.Key == "Authorization").Value;
        var two = Sign(credentials, """{"StreamName":"b"}""").Single(h => h.Key == "Authorization").Value;

        Assert.NotEqual(one, two);
    }

    [Fact]
    public void Sign_SessionCredentials_SignsTheSecurityToken()
    {
        var headers = Sign(new ImmutableCredentials("AKID", "secret", "session-token"), "{}");

        Assert.Equal("session-token", headers.Single(h => h.Key == "x-amz-security-token").Value);
        Assert.Contains("x-amz-security-token;x-amz-target", headers.Single(h => h.Key == "Authorization").Value, StringComparison.Ordinal);
    }

    private static IReadOnlyList<KeyValuePair<string, string>> Sign(ImmutableCredentials credentials, string body) =>
        SigV4Signer.Sign(new Uri("https://kinesis.us-east-1.amazonaws.com/"), "Kinesis_20131202.ListShards",
            "application/x-amz-json-1.1", Encoding.UTF8.GetBytes(body), credentials, "us-east-1", "kinesis", SignedAt);
}
