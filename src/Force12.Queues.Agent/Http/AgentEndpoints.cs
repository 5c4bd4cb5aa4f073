using Force12.Queues.Core.Agent;
using Force12.Queues.Agent.LivePage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prometheus;

namespace Force12.Queues.Agent.Http;

/// <summary>Maps the agent's HTTP surface: metrics, health, readiness, status JSON and the live page.</summary>
public static class AgentEndpoints
{
    /// <summary>
    /// Maps <c>/metrics</c> (Prometheus text from <paramref name="registry"/>), <c>/healthz</c>
    /// (200 while the process serves), <c>/readyz</c> (200 once every pipeline had a successful
    /// collection within <paramref name="maxTicksSinceSuccess"/> ticks, else 503 naming them; a standby that is not the
    /// leader is ready, and its body says so: <c>/api/status</c>'s <c>leadership</c> is the field to read),
    /// <c>/api/status</c> (the latest <see cref="AgentStatus"/>), <c>/api/history?after=TICK</c>
    /// (statuses after a tick, oldest first) and <c>/</c> (the live page).
    /// </summary>
    public static IEndpointRouteBuilder MapForce12Agent(this IEndpointRouteBuilder endpoints, AgentStatusBoard board,
        CollectorRegistry registry, int maxTicksSinceSuccess = AgentReadiness.DefaultMaxTicksSinceSuccess)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(registry);

        endpoints.MapGet("/metrics", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await registry.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        });
        endpoints.MapGet("/healthz", () => Results.Text("ok\n"));
        endpoints.MapGet("/readyz", () =>
        {
            var status = board.Current;
            var notReady = AgentReadiness.NotReadyPipelines(status, maxTicksSinceSuccess);
            // A standby is ready (it collects and decides; two replicas must both be ready for a rolling update to finish).
            return notReady.Count == 0
                ? Results.Text(status.Leadership.IsLeader ? "ready\n" : $"ready (standby: {status.Leadership.Holder ?? "no agent"} leads; this agent decides but does not act)\n")
                : Results.Text($"not ready: no successful collection recently for {string.Join(", ", notReady)}\n",
                    statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        endpoints.MapGet("/api/status", () => Results.Json(board.Current, AgentJsonContext.Default.AgentStatus));
        endpoints.MapGet("/api/history", (long? after) => Results.Json(board.Since(after ?? 0), AgentJsonContext.Default.IReadOnlyListAgentStatus));
        endpoints.MapGet("/", () => Results.Content(LivePageResource.Html, "text/html; charset=utf-8"));
        return endpoints;
    }
}
