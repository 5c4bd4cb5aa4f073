namespace Force12.Queues.Kubernetes.Tests.Double;

/// <summary>
/// The client side of one agent in tests with several: names the agent on every request (<c>X-Double-Agent</c>, so
/// <see cref="KubernetesApiDouble"/> records who made each write), and can cut it off from the API server
/// (<see cref="Severed"/>: every request fails as an unreachable server does), to play a dead or partitioned agent.
/// </summary>
internal sealed class DoubleAgentHandler(string agent) : DelegatingHandler
{
    /// <summary>The request header that names the agent.</summary>
    public const string Header = "X-Double-Agent";

    /// <summary>While true, every request fails with <see cref="HttpRequestException"/> before reaching the double.</summary>
    public bool Severed { get; set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Severed)
        {
            throw new HttpRequestException($"agent {agent} is cut off from the API server (test)");
        }

        request.Headers.Add(Header, agent);
        return base.SendAsync(request, cancellationToken);
    }
}
