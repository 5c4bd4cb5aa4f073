namespace Force12.Queues.Benchmarks.Kinesis;

/// <summary>Adds a fixed delay before each request: a stand-in for the network round trip to a regional endpoint.</summary>
internal sealed class LatencyHandler(TimeSpan roundTrip) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (roundTrip > TimeSpan.Zero)
        {
            await Task.Delay(roundTrip, cancellationToken);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
