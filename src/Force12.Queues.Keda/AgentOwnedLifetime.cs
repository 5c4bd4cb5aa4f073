using Microsoft.Extensions.Hosting;

namespace Force12.Queues.Keda;

/// <summary>
/// The lifetime of the scaler's Kestrel server inside the agent: none of its own. The agent's host handles Ctrl-C and
/// SIGTERM and stops the server through <see cref="KedaScalerHostedService"/>; a second console lifetime would hook the
/// same signals and log start and stop twice.
/// </summary>
internal sealed class AgentOwnedLifetime : IHostLifetime
{
    /// <inheritdoc />
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
