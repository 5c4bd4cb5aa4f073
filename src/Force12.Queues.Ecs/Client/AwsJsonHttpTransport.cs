using System.Net.Http.Headers;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Force12.Queues.Aws;

namespace Force12.Queues.Ecs.Client;

/// <summary>The real transport: HTTPS (or HTTP to an emulator or double) POSTs to "/", signed with SigV4 by the shared <see cref="SigV4Signer"/>.</summary>
internal sealed class AwsJsonHttpTransport(HttpClient http, EcsOrchestratorOptions options, TimeProvider timeProvider) : IAwsJsonTransport
{
    private const string ContentType = "application/x-amz-json-1.1";
    private AWSCredentials? _credentials;

    public async Task<AwsJsonResponse> SendAsync(AwsJsonApi api, string action, string jsonBody, CancellationToken cancellationToken)
    {
        var credentials = await CredentialsAsync().ConfigureAwait(false);
        var body = Encoding.UTF8.GetBytes(jsonBody);
        var headers = SigV4Signer.Sign(api.Endpoint, $"{api.TargetPrefix}.{action}", ContentType, body, credentials,
            options.Region, api.SigningName, timeProvider.GetUtcNow().UtcDateTime);
        using var request = new HttpRequestMessage(HttpMethod.Post, api.Endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        try
        {
            using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            return new AwsJsonResponse((int)response.StatusCode, text);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EcsException($"{action} to {api.Endpoint} timed out after {options.RequestTimeout.TotalSeconds:0.#} s", null, retryable: true, e);
        }
        catch (HttpRequestException e)
        {
            throw new EcsException($"{action} to {api.Endpoint} failed: {e.Message}", null, retryable: true, e);
        }
    }

    private async Task<ImmutableCredentials> CredentialsAsync()
    {
        try
        {
            // Resolved once and kept: the SDK's sources refresh temporary credentials themselves.
            _credentials ??= options.Credentials ?? DefaultAWSCredentialsIdentityResolver.GetCredentials(null);
            return await _credentials.GetCredentialsAsync().ConfigureAwait(false);
        }
        catch (AmazonClientException e)
        {
            throw new EcsException($"No AWS credentials could be resolved: {e.Message}", null, retryable: false, e);
        }
    }
}
