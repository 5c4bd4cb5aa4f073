using Force12.Queues.Core.Agent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace Force12.Queues.Hosting.Tests;

/// <summary>The agent's endpoints on a real Kestrel server bound to a free loopback port.</summary>
internal sealed class AgentTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AgentTestHost(WebApplication app, AgentStatusBoard board, CollectorRegistry registry)
    {
        _app = app;
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

    public static async Task<AgentTestHost> StartAsync(CollectorRegistry? registry = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var board = new AgentStatusBoard();
        registry ??= Metrics.NewCustomRegistry();
        app.MapForce12Agent(board, registry);
        await app.StartAsync();
        return new AgentTestHost(app, board, registry);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
