using Force12.Queues.Core.Agent;
using Force12.Queues.Agent.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace Force12.Queues.Agent.Tests;

/// <summary>The agent's endpoints on a real Kestrel server bound to a free loopback port.</summary>
internal sealed class AgentTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HistoryCounter _history;

    private AgentTestHost(WebApplication app, AgentStatusBoard board, CollectorRegistry registry, HistoryCounter history)
    {
        _app = app;
        _history = history;
        Board = board;
        Registry = registry;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address + "/");
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public AgentStatusBoard Board { get; }

    public CollectorRegistry Registry { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    /// <summary>How many <c>/api/history</c> requests the server has answered so far.</summary>
    public int HistoryAnswers => Volatile.Read(ref _history.Answered);

    /// <param name="registry">The metrics registry; a new one when null.</param>
    /// <param name="historyDelay">How long each <c>/api/history</c> answer is held back (a slow agent).</param>
    public static async Task<AgentTestHost> StartAsync(CollectorRegistry? registry = null, TimeSpan? historyDelay = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var board = new AgentStatusBoard();
        var history = new HistoryCounter();
        app.Use(async (context, next) =>
        {
            var isHistory = context.Request.Path.StartsWithSegments("/api/history", StringComparison.Ordinal);
            if (isHistory && historyDelay is { } delay)
            {
                await Task.Delay(delay, context.RequestAborted);
            }

            await next(context);
            if (isHistory)
            {
                Interlocked.Increment(ref history.Answered);
            }
        });
        registry ??= Metrics.NewCustomRegistry();
        app.MapForce12Agent(board, registry);
        await app.StartAsync();
        return new AgentTestHost(app, board, registry, history);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class HistoryCounter
    {
        public int Answered;
    }
}
