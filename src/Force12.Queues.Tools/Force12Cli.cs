using System.CommandLine;
using Force12.Queues.Agent;

namespace Force12.Queues.Tools;

/// <summary>The <c>force12</c> command line: builds the verb tree and maps parse errors to exit code 2.</summary>
internal static class Force12Cli
{
    private const string Description =
        "Force12.Queues: scales queue-driven pipelines (Kafka, Kinesis, RabbitMQ) by the backlog they must drain within their SLA.";

    /// <summary>
    /// One factory per verb: the tools here, and the agent's verbs (lag, run, validate) from the agent project, so that
    /// <c>force12 run</c> is the agent. A verb is added here only once it does real work, so that
    /// <c>force12 --help</c> never lists a verb that does not exist.
    /// </summary>
    private static readonly Func<Command>[] VerbFactories =
    [
        Commands.DemoCommand.Create,
        Commands.KafkaMockCommand.Create,
        Commands.LoadgenCommand.Create,
        Commands.SimulateCommand.Create,
        .. AgentCli.VerbFactories,
    ];

    /// <summary>Builds the root command with every verb registered.</summary>
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand(Description);
        foreach (var verb in VerbFactories.Select(create => create()).OrderBy(verb => verb.Name, StringComparer.Ordinal))
        {
            root.Subcommands.Add(verb);
        }

        return root;
    }

    /// <summary>Parses <paramref name="args"/> and runs the chosen verb, writing to the given streams.</summary>
    /// <returns>The process exit code (see <see cref="ExitCodes"/>).</returns>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        CommandLineRunner.RunAsync(CreateRootCommand(), "force12", args, output, error, cancellationToken);
}
