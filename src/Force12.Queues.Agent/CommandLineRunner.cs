using System.CommandLine;

namespace Force12.Queues.Agent;

/// <summary>Runs a verb tree: parse errors go to the error stream with a hint and exit code 2.</summary>
internal static class CommandLineRunner
{
    /// <summary>Parses <paramref name="args"/> against <paramref name="root"/> and runs the chosen verb, writing to the given streams.</summary>
    /// <param name="root">The verb tree.</param>
    /// <param name="program">The command's name as users type it, for the usage hint (<c>force12</c>, <c>force12-agent</c>).</param>
    /// <param name="args">The command line.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="cancellationToken">Stops the verb.</param>
    /// <returns>The process exit code (see <see cref="ExitCodes"/>).</returns>
    public static async Task<int> RunAsync(RootCommand root, string program, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                await error.WriteLineAsync(parseError.Message).ConfigureAwait(false);
            }

            await error.WriteLineAsync($"Run '{program} --help' for usage.").ConfigureAwait(false);
            return ExitCodes.BadArguments;
        }

        var configuration = new InvocationConfiguration { Output = output, Error = error };
        if (parseResult.CommandResult.Command.Name == Commands.RunCommand.Name)
        {
            // The agent's host stops itself on Ctrl-C and SIGTERM and may take longer than the two seconds after which
            // System.CommandLine would end the process with 130 or 143 halfway through (in-flight scale calls, pods stopped
            // on exit); the host's own handling lets it finish and exit 0.
            configuration.ProcessTerminationTimeout = null;
        }

        return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }
}
