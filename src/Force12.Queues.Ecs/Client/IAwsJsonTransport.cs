namespace Force12.Queues.Ecs.Client;

/// <summary>
/// The narrow seam under <see cref="EcsApiClient"/>: sends one signed JSON 1.1 request and returns the raw answer.
/// Throws <see cref="EcsException"/> only for failures without an HTTP answer (credentials, network, timeout).
/// </summary>
internal interface IAwsJsonTransport
{
    /// <summary>Posts <paramref name="jsonBody"/> as action <paramref name="action"/> of <paramref name="api"/>.</summary>
    Task<AwsJsonResponse> SendAsync(AwsJsonApi api, string action, string jsonBody, CancellationToken cancellationToken);
}

/// <summary>An HTTP answer: status code and body text.</summary>
internal sealed record AwsJsonResponse(int StatusCode, string Body);
