using Microsoft.Extensions.DependencyInjection;

namespace Force12.Queues.Core.Agent;

/// <summary>
/// Where source kinds and orchestrators plug in. Each vendor project adds an extension method
/// (<c>AddKafka()</c>, <c>AddDocker()</c>, ...) that registers its <see cref="Lag.ILagSourceProvider"/> or
/// <see cref="Pods.IPodOrchestratorProvider"/>; nothing central is edited when a kind is added.
/// </summary>
public interface IForce12Builder
{
    /// <summary>The services being configured.</summary>
    IServiceCollection Services { get; }
}
