using Force12.Queues.Lightbulbs.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Samples.Bulbs;

/// <summary>Role <c>state-cache</c>: serves the bulb-state cache on <c>BULBS_STATE_CACHE</c> (default tcp:127.0.0.1:7070).</summary>
internal static class StateCacheRole
{
    public static bool Configure(HostApplicationBuilder builder, SampleSettings settings)
    {
        var endpoint = settings.Parse("BULBS_STATE_CACHE", StateCacheEndpoint.Default, StateCacheEndpoint.Parse);
        if (settings.Errors.Count > 0)
        {
            return false;
        }

        builder.Services.AddHostedService(sp => new Service(endpoint, sp.GetRequiredService<ILogger<BulbStateCacheServer>>()));
        return true;
    }

    private sealed class Service(System.Net.EndPoint endpoint, ILogger logger) : IHostedService, IAsyncDisposable
    {
        private BulbStateCacheServer? _server;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            _server = new BulbStateCacheServer(endpoint);
            _server.Start();
            var listening = _server.Endpoint.ToString() ?? "";
            SampleLog.StateCacheListening(logger, listening);
            return Task.CompletedTask;
        }

        public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

        public async ValueTask DisposeAsync()
        {
            if (_server is { } server)
            {
                _server = null;
                SampleLog.StateCacheStopped(logger, server.Count, server.Updates);
                await server.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
