using System.CommandLine;

namespace Force12.Queues.Cli;

/// <summary>The <c>force12</c> command line: builds the verb tree and maps parse errors to exit code 2.</summary>
internal static class Force12Cli
{
    private const string Description =
        "Force12.Queues: scales queue-driven pipelines (Kafka, Kinesis, RabbitMQ) by the backlog they must drain within their SLA.";

    /// <summary>Appended to the description of the agent build.</summary>
    internal const string AgentBuildNote =
        " This is the agent build: lag, run and validate only (demo, kafka-mock, loadgen and simulate are in the full build).";

    /// <summary>The verbs of the agent build (dotnet publish src/Force12.Queues.Cli -c Release -r linux-x64
    /// -p:PublishAot=true -p:Force12AgentOnly=true): what a long-running agent needs, nothing of the tools.</summary>
    internal static readonly Func<Command>[] AgentVerbFactories =
    [
        Commands.LagCommand.Create,
        Commands.RunCommand.Create,
        Commands.ValidateCommand.Create,
    ];

#if FORCE12_AGENT_ONLY
    // The agent build references no tool verb, so the Native AOT binary carries none of the demo, simulator, load
    // generator and Kafka mock code: less code and type data is resident in a long-running agent.
    private const string BuildNote = AgentBuildNote;

    private static readonly Func<Command>[] VerbFactories = AgentVerbFactories;
#else
    private const string BuildNote = "";

    /// <summary>
    /// One factory per verb. A verb is added here only once it does real work, so that
    /// <c>force12 --help</c> never lists a verb that does not exist.
    /// </summary>
    private static readonly Func<Command>[] VerbFactories =
    [
        Commands.DemoCommand.Create,
        Commands.KafkaMockCommand.Create,
        Commands.LagCommand.Create,
        Commands.LoadgenCommand.Create,
        Commands.RunCommand.Create,
        Commands.SimulateCommand.Create,
        Commands.ValidateCommand.Create,
    ];
#endif

    /// <summary>Builds the root command with every verb of this build registered.</summary>
    public static RootCommand CreateRootCommand() => CreateRootCommand(VerbFactories, BuildNote);

    /// <summary>Builds the root command the agent build has, whichever build this is (for its tests).</summary>
    internal static RootCommand CreateAgentRootCommand() => CreateRootCommand(AgentVerbFactories, AgentBuildNote);

    private static RootCommand CreateRootCommand(IEnumerable<Func<Command>> verbFactories, string buildNote)
    {
        var root = new RootCommand(Description + buildNote);
        foreach (var create in verbFactories)
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
