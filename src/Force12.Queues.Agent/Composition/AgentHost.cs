using Force12.Queues.Agent.Http;
using Force12.Queues.Agent.Instrumentation;
using Force12.Queues.Core.Agent;
using Force12.Queues.Core.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace Force12.Queues.Agent.Composition;

/// <summary>Builds the agent process: the control loop as a hosted service, and the HTTP endpoints on Kestrel.</summary>
internal static class AgentHost
{
    /// <summary>
    /// Builds the web application in one container: <paramref name="register"/> adds the plugins, and
    /// <paramref name="read"/> reads the configuration with the plugins of that same container, so the sources it
    /// returns (and the collectors the loop creates from them) belong to the container that runs. Starts nothing.
    /// </summary>
    /// <returns>The application, or every configuration error (and no application).</returns>
    public static async Task<AgentHostBuild> BuildAsync(
        Func<IServiceProvider, ConfigurationResult> read,
        AgentRunOptions runOptions,
        Action<IServiceCollection> register,
        Action<ILoggingBuilder>? logging = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging?.Invoke(builder.Logging);
        register(builder.Services);
        var registry = Metrics.NewCustomRegistry();
        builder.Services.AddSingleton<ConfigurationResult>(s => read(s));
        builder.Services.AddSingleton(s => s.GetRequiredService<ConfigurationResult>().Configuration
            ?? throw new InvalidOperationException("The agent's configuration is invalid."));
        builder.Services.AddSingleton(runOptions);
        builder.Services.AddSingleton(registry);
        builder.Services.AddSingleton(s => new AgentMetrics(Metrics.WithCustomRegistry(registry), s.GetRequiredService<AgentConfiguration>().PerPartitionMetrics));
        builder.Services.AddSingleton<IControlLoopObserver, MetricsLoopObserver>();
        builder.Services.AddHostedService<ControlLoopService>();
        // A failed control loop stops the host, and AgentHostRun turns that into exit code 1 with the reason.
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o =>
        {
            o.ShutdownTimeout = TimeSpan.FromMinutes(2);
            o.BackgroundServiceExceptionBehavior = Microsoft.Extensions.Hosting.BackgroundServiceExceptionBehavior.StopHost;
        });
        var app = builder.Build();
        var result = app.Services.GetRequiredService<ConfigurationResult>();
        if (result.Configuration is not { } configuration)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            return new AgentHostBuild(null, result.Errors);
        }

        app.Urls.Add($"http://{configuration.HttpAddress}");
        app.MapForce12Agent(app.Services.GetRequiredService<AgentStatusBoard>(), registry);
        return new AgentHostBuild(app, []);
    }
}
