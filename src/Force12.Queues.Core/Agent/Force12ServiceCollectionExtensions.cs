using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Force12.Queues.Core.Agent;

/// <summary>Entry point for registering the agent's plugins.</summary>
public static class Force12ServiceCollectionExtensions
{
    /// <summary>Registers the shared services (clock, status board) and returns the builder plugins extend.</summary>
    public static IForce12Builder AddForce12(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AgentStatusBoard>();
        return new Builder(services);
    }

    private sealed class Builder(IServiceCollection services) : IForce12Builder
    {
        public IServiceCollection Services { get; } = services;
    }
}
