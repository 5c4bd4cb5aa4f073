using Force12.Queues.Kinesis.Client;

namespace Force12.Queues.Kinesis.Tests.Lag;

/// <summary>The real transport to kinesalite, answering GetRecords with ProvisionedThroughputExceededException while <see cref="Throttle"/> is set.</summary>
internal sealed class ThrottlingTransport(IKinesisTransport real) : IKinesisTransport
{
    public bool Throttle { get; set; }

    public int ThrottledCalls { get; private set; }

    public Uri Endpoint => real.Endpoint;

    public Task<KinesisHttpResponse> SendAsync(string operation, string jsonBody, CancellationToken cancellationToken)
    {
        if (Throttle && operation == "GetRecords")
        {
            ThrottledCalls++;
            return Task.FromResult(new KinesisHttpResponse(400,
                """{"__type":"ProvisionedThroughputExceededException","message":"Rate exceeded for shard"}"""));
        }

        return real.SendAsync(operation, jsonBody, cancellationToken);
    }
}
