namespace Force12.Queues.Kinesis.Client;

/// <summary>
/// The narrow seam under <see cref="KinesisClient"/>: sends one signed JSON request for an operation
/// (<c>ListShards</c>, <c>GetRecords</c>, ...) and returns the raw answer. Unit tests fake it; the real
/// one is <see cref="SigV4HttpTransport"/>. Throws <see cref="KinesisException"/> only for failures that
/// have no HTTP answer (credentials that cannot be resolved, network errors, timeouts).
/// </summary>
internal interface IKinesisTransport
{
    /// <summary>Where requests go, for messages.</summary>
    Uri Endpoint { get; }

    /// <summary>Sends <paramref name="jsonBody"/> as operation <paramref name="operation"/>.</summary>
    Task<KinesisHttpResponse> SendAsync(string operation, string jsonBody, CancellationToken cancellationToken);
}

/// <summary>An HTTP answer: status code and body text.</summary>
internal sealed record KinesisHttpResponse(int StatusCode, string Body);
