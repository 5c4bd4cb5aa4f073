using Force12.Queues.Core.Agent;
using Force12.Queues.Core.Configuration;
using Force12.Queues.Hosting;
using Force12.Queues.Hosting.Instrumentation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace Force12.Queues.Cli.Agent;

/// <summary>Builds the agent process: the control loop as a hosted service, and the HTTP endpoints on Kestrel.</summary>
internal static class AgentHost
{
    /// <summary>
    /// Builds the web application for <paramref name="configuration"/>. <paramref name="register"/> adds the plugins
    /// (the same ones that validated the configuration).
    /// </summary>
    public static WebApplication Build(AgentConfiguration configuration, AgentRunOptions runOptions, Action<IServiceCollection> register, Action<ILoggingBuilder>? logging = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://{configuration.HttpAddress}");
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
        builder.Services.AddSingleton(configuration);
        builder.Services.AddSingleton(runOptions);
        builder.Services.AddSingleton(registry);
        builder.Services.AddSingleton(new AgentMetrics(Metrics.WithCustomRegistry(registry), configuration.PerPartitionMetrics));
        builder.Services.AddSingleton<IControlLoopObserver, MetricsLoopObserver>();
        builder.Services.AddHostedService<ControlLoopService>();
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMinutes(2));
        var app = builder.Build();
        app.MapForce12Agent(app.Services.GetRequiredService<AgentStatusBoard>(), registry);
        return app;
    }
}
