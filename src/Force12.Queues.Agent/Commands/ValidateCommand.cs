using System.CommandLine;
using Force12.Queues.Agent.Composition;

namespace Force12.Queues.Agent.Commands;

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
            var configuration = await AgentConfigurationCheck.CheckAsync(parseResult.GetRequiredValue(config).FullName, error, "").ConfigureAwait(false);
            if (configuration is null)
            {
                return ExitCodes.BadArguments;
            }

            var pipelines = configuration.Pipelines;
            await output.WriteLineAsync($"valid: {pipelines.Count} pipeline(s): {string.Join(", ", pipelines.Select(p => $"{p.Name} ({p.Source.Description}; {p.OrchestratorKind})"))}").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
