using System.CommandLine;
using Force12.Queues.Agent.Composition;
using Force12.Queues.Core.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Force12.Queues.Agent.Commands;

/// <summary><c>force12 run -c FILE</c>: the agent.</summary>
internal static class RunCommand
{
    /// <summary>The verb's name.</summary>
    public const string Name = "run";

    public static Command Create()
    {
        var config = new Option<FileInfo>("--config", "-c")
        {
            Description = "The agent's configuration file (.yaml, .yml or .json); FORCE12__* environment variables override it.",
            Required = true,
        };
        var stopPods = new Option<bool>("--stop-pods-on-exit")
        {
            Description = "Scale every pipeline to zero when the agent stops. By default pods keep running and a restarted agent adopts them.",
        };
        var command = new Command(Name, "Run the agent: every poll interval, measure each pipeline's backlog, decide its pods by SLA and priority, and start or stop pods. Serves /metrics, /healthz, /readyz, /api/status and a live page. Stops on Ctrl-C or SIGTERM.")
        {
            config,
            stopPods,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var path = parseResult.GetRequiredValue(config).FullName;
            var runOptions = new AgentRunOptions { StopPodsOnExit = parseResult.GetValue(stopPods) };
            var build = await AgentHost.BuildAsync(services => AgentConfigurationCheck.Run(path, services), runOptions, services => services.AddShippedPlugins()).ConfigureAwait(false);
            if (build.App is null)
            {
                await AgentConfigurationCheck.WriteErrorsAsync(path, build.Errors, error, "; nothing was started").ConfigureAwait(false);
                return ExitCodes.BadArguments;
            }

            await using var app = build.App;
            var configuration = app.Services.GetRequiredService<AgentConfiguration>();
            return await AgentHostRun.RunAsync(app, configuration.HttpAddress, error, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
