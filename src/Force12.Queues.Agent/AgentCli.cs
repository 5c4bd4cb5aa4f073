using System.CommandLine;

namespace Force12.Queues.Agent;

/// <summary>The <c>force12-agent</c> command line: the verbs a long-running agent needs, nothing of the tools.</summary>
internal static class AgentCli
{
    /// <summary>The program name users type.</summary>
    public const string Program = "force12-agent";

    private const string Description =
        "The Force12.Queues agent: scales queue-driven pipelines (Kafka, Kinesis, RabbitMQ) by the backlog they must drain within their SLA. "
        + "The force12 command has the same verbs and the tools (demo, kafka-mock, loadgen, simulate).";

    /// <summary>The agent's verbs (lag, run, validate); the <c>force12</c> tools command offers them too.</summary>
    public static readonly Func<Command>[] VerbFactories =
    [
        Commands.LagCommand.Create,
        Commands.RunCommand.Create,
        Commands.ValidateCommand.Create,
    ];

    /// <summary>Builds the root command with the agent's verbs.</summary>
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand(Description);
        foreach (var create in VerbFactories)
        {
            root.Subcommands.Add(create());
        }

        return root;
    }

    /// <summary>Parses <paramref name="args"/> and runs the chosen verb, writing to the given streams.</summary>
    /// <returns>The process exit code (see <see cref="ExitCodes"/>).</returns>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        CommandLineRunner.RunAsync(CreateRootCommand(), Program, args, output, error, cancellationToken);
}
