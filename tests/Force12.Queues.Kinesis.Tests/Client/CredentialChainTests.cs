using System.Net;
using Force12.Queues.Kinesis.Client;

namespace Force12.Queues.Kinesis.Tests.Client;

/// <summary>With no credentials configured, the transport signs with AWSSDK.Core's default chain (environment first).</summary>
public sealed class CredentialChainTests
{
    [Fact]
    public async Task SendAsync_NoConfiguredCredentials_SignsWithEnvironmentCredentials()
    {
        var saved = (Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"), Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY"));
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIAFROMENVIRONMENT");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "secret-from-environment");
        try
        {
            using var capture = new CapturingHandler();
            using var http = new HttpClient(capture);
            var transport = new SigV4HttpTransport(http, new KinesisClientOptions { Region = "eu-central-1" }, TimeProvider.System);

            var response = await transport.SendAsync("ListShards", "{}", default);

            Assert.Equal(200, response.StatusCode);
            Assert.Equal(new Uri("https://kinesis.eu-central-1.amazonaws.com/"), capture.Request!.RequestUri);
            var authorization = capture.Request.Headers.GetValues("Authorization").Single();
            Assert.Contains("Credential=AKIAFROMENVIRONMENT/", authorization, StringComparison.Ordinal);
            Assert.Contains("/eu-central-1/kinesis/aws4_request", authorization, StringComparison.Ordinal);
            Assert.Equal("Kinesis_20131202.ListShards", capture.Request.Headers.GetValues("X-Amz-Target").Single());
        }
        finally
        {
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", saved.Item1);
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", saved.Item2);
        }
    }

    private sealed class CapturingHandler : HttpMessageHandler
    {
        public HttpRequestMessage? Request { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Request = request;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") });
        }
    }
}
