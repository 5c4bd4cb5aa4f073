using System.CommandLine;

namespace Force12.Queues.Cli;

/// <summary>The <c>force12</c> command line: builds the verb tree and maps parse errors to exit code 2.</summary>
internal static class Force12Cli
{
    private const string Description =
        "Force12.Queues: scales queue-driven pipelines (Kafka, Kinesis, RabbitMQ) by the backlog they must drain within their SLA.";

    /// <summary>
    /// One factory per verb, in the order help lists them. A verb is added here only once it does real work, so
    /// that <c>force12 --help</c> never lists a verb that does not exist.
    /// </summary>
    private static IEnumerable<Func<Command>> VerbFactories()
    {
        if (CliBuild.HasTools)
        {
            yield return Commands.DemoCommand.Create;
            yield return Commands.KafkaMockCommand.Create;
        }

        yield return Commands.LagCommand.Create;
        if (CliBuild.HasTools)
        {
            yield return Commands.LoadgenCommand.Create;
        }

        yield return Commands.RunCommand.Create;
        if (CliBuild.HasTools)
        {
            yield return Commands.SimulateCommand.Create;
        }

        yield return Commands.ValidateCommand.Create;
    }

    /// <summary>Builds the root command with every verb of this build registered.</summary>
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand(CliBuild.HasTools
            ? Description
            : Description + " This is the agent build: run, validate and lag only (demo, kafka-mock, loadgen and simulate are in the full build).");
        foreach (var create in VerbFactories())
        {
            root.Subcommands.Add(create());
        }

        return root;
    }

    /// <summary>Parses <paramref name="args"/> and runs the chosen verb, writing to the given streams.</summary>
    /// <returns>The process exit code (see <see cref="ExitCodes"/>).</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var parseResult = CreateRootCommand().Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                await error.WriteLineAsync(parseError.Message).ConfigureAwait(false);
            }

            await error.WriteLineAsync("Run 'force12 --help' for usage.").ConfigureAwait(false);
            return ExitCodes.BadArguments;
        }

        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }
}
