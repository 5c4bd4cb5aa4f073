using Force12.Queues.Core.Agent;
using Force12.Queues.Core.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Keda;

/// <summary>
/// Runs the <see cref="KedaScalerServer"/> while the agent runs, when its configuration uses the <c>keda</c> kind (a
/// pipeline or an <c>orchestrators.keda</c> section); otherwise does nothing. Registered by
/// <see cref="KedaBuilderExtensions.AddKeda"/>, resolved in the agent's container, where the configuration and the
/// status board live.
/// </summary>
internal sealed class KedaScalerHostedService(IServiceProvider services, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private KedaScalerServer? _server;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<AgentConfiguration>() is not { } configuration
            || configuration.Orchestrators.Values.OfType<KedaPodOrchestrator>().FirstOrDefault() is not { } keda)
        {
            return;
        }

        _server = new KedaScalerServer(keda.Options, configuration, services.GetRequiredService<AgentStatusBoard>(), loggers);
        await _server.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = _server.Address?.ToString() ?? keda.Options.GrpcAddress.ToString();
        var logger = loggers.CreateLogger<KedaScalerServer>();
        KedaLog.Serving(logger, address);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => _server?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;
}
