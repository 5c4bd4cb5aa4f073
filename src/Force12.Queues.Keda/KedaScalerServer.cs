using System.Net;
using Force12.Queues.Core.Agent;
using Force12.Queues.Core.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Keda;

/// <summary>
/// The external scaler's own Kestrel server inside the agent process: one cleartext HTTP/2 (h2c) endpoint at
/// <see cref="KedaOrchestratorOptions.GrpcAddress"/> serving <see cref="ExternalScalerService"/>. A server of its own
/// rather than an endpoint of the agent's HTTP application, so the agent's HTTP/1.1 endpoints and their binding stay
/// as they are, and gRPC gets the HTTP/2-only listener it needs without TLS.
/// </summary>
public sealed class KedaScalerServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IPEndPoint _address;

    /// <summary>Builds (does not start) the server for <paramref name="configuration"/>'s pipelines and their statuses on <paramref name="board"/>.</summary>
    public KedaScalerServer(KedaOrchestratorOptions options, AgentConfiguration configuration, AgentStatusBoard board, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        _address = options.GrpcAddress;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.Services.AddSingleton<IHostLifetime, AgentOwnedLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(_address, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(new KedaPipelineLookup(configuration, board));
        _app = builder.Build();
        _app.MapGrpcService<ExternalScalerService>();
    }

    /// <summary>The address served (with the port chosen when port 0 was asked for), as <c>http://host:port</c>; set by <see cref="StartAsync"/>.</summary>
    public Uri? Address { get; private set; }

    /// <summary>Starts listening; a failure to bind names the address.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"cannot serve KEDA's external scaler on {_address} (orchestrators.keda.grpcAddress): {e.Message}", e);
        }

        var bound = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        Address = bound is null ? null : new Uri(bound.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>Stops the server; open streams (StreamIsActive) are cancelled.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => _app.StopAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
