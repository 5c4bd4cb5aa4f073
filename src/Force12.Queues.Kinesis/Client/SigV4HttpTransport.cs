using System.Net.Http.Headers;
using System.Text;
using Amazon.Runtime;
using Force12.Queues.Aws;

namespace Force12.Queues.Kinesis.Client;

/// <summary>The real transport: HTTPS (or HTTP to an emulator) POSTs signed with SigV4 for service <c>kinesis</c>.</summary>
internal sealed class SigV4HttpTransport : IKinesisTransport
{
    private const string ContentType = "application/x-amz-json-1.1";
    private readonly HttpClient _http;
    private readonly AWSCredentials? _configuredCredentials;
    private AWSCredentials? _credentials;
    private readonly string _region;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _timeout;

    public SigV4HttpTransport(HttpClient http, KinesisClientOptions options, TimeProvider timeProvider)
    {
        _http = http;
        _configuredCredentials = options.Credentials;
        _region = AwsSettingsResolver.Region(options.Region, options.ServiceUrl);
        Endpoint = AwsSettingsResolver.Endpoint("kinesis", _region, options.ServiceUrl);
        _timeProvider = timeProvider;
        _timeout = options.RequestTimeout;
    }

    public Uri Endpoint { get; }

    public async Task<KinesisHttpResponse> SendAsync(string operation, string jsonBody, CancellationToken cancellationToken)
    {
        _credentials ??= AwsSettingsResolver.CredentialSource(_configuredCredentials); // resolved on first use, then kept
        var credentials = await AwsSettingsResolver.CredentialsAsync(_credentials).ConfigureAwait(false);
        var body = Encoding.UTF8.GetBytes(jsonBody);
        var headers = SigV4Signer.Sign(Endpoint, $"Kinesis_20131202.{operation}", ContentType, body, credentials,
            _region, "kinesis", _timeProvider.GetUtcNow().UtcDateTime);
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            using var response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            return new KinesisHttpResponse((int)response.StatusCode, text);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new KinesisException(KinesisErrorKind.Unreachable, $"{operation} to {Endpoint} timed out after {_timeout.TotalSeconds:0.#} s", null, e);
        }
        catch (HttpRequestException e)
        {
            throw new KinesisException(KinesisErrorKind.Unreachable, $"{operation} to {Endpoint} failed: {e.Message}", null, e);
        }
    }
}
