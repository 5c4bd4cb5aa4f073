using System.CommandLine;
using Force12.Queues.Cli.Agent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Cli.Commands;

/// <summary><c>force12 validate -c FILE</c>: checks a configuration file and reports every error at once.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var config = new Option<FileInfo>("--config", "-c")
        {
            Description = "The agent's configuration file (.yaml, .yml or .json); FORCE12__* environment variables override it.",
            Required = true,
        };
        var command = new Command("validate", "Check a configuration file: prints every error, naming pipeline and field, and exits 2 if there is any. Starts nothing.")
        {
            config,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var services = new ServiceCollection().AddLogging(l => l.ClearProviders());
            services.AddShippedPlugins();
            await using var provider = services.BuildServiceProvider();
            var result = AgentConfigurationCheck.Run(parseResult.GetRequiredValue(config).FullName, provider);
            if (result.Errors.Count > 0)
            {
                await error.WriteLineAsync($"{parseResult.GetRequiredValue(config)}: {result.Errors.Count} error(s)").ConfigureAwait(false);
                foreach (var problem in result.Errors)
                {
                    await error.WriteLineAsync($"  {problem}").ConfigureAwait(false);
                }

                return ExitCodes.BadArguments;
            }

            var pipelines = result.Configuration!.Pipelines;
            await output.WriteLineAsync($"valid: {pipelines.Count} pipeline(s): {string.Join(", ", pipelines.Select(p => $"{p.Name} ({p.Source.Description}; {p.OrchestratorKind})"))}").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
