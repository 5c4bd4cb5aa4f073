using System.CommandLine;
using Force12.Queues.Agent;
using Force12.Queues.Tools.Demo;
using Spectre.Console;

namespace Force12.Queues.Tools.Commands;

/// <summary><c>force12 demo</c>: the whole loop on embedded defaults, needing only the .NET SDK.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var defaults = new DemoOptions();
        var scenario = new Option<string>("--scenario") { Description = "single (the bulbs pipeline alone, a pod slot per partition) or priorities (the seed's demo: bulbs at priority 1 with the dusk spike and a background job, backfill, at priority 2 taking what is left of a fixed pool of 9 pod slots; the summary gives priority 1's share within its SLA and the pool's use during contention).", DefaultValueFactory = _ => defaults.Scenario };
        scenario.AcceptOnlyFromAmong(DemoScenario.Single, DemoScenario.Priorities);
        var duration = new Option<int>("--duration") { Description = "Seconds to run before stopping by itself (Ctrl-C stops earlier).", DefaultValueFactory = _ => (int)defaults.Duration.TotalSeconds };
        var port = new Option<int>("--port") { Description = "Loopback port of the live page, /metrics and /api/status.", DefaultValueFactory = _ => defaults.Port };
        var sla = new Option<int>("--sla") { Description = "The bulbs pipeline's SLA in seconds (the background job of priorities has 60 s).", DefaultValueFactory = _ => (int)defaults.Sla.TotalSeconds };
        var bulbs = new Option<int>("--bulbs") { Description = "Bulbs that switch on in the dusk spike (20 s in, over 40 s).", DefaultValueFactory = _ => defaults.Bulbs };
        var partitions = new Option<int>("--partitions") { Description = "Partitions of the bulbs topic: the most pods that can help (single scenario; in priorities bulbs has 8 partitions, the slots the background job leaves it).", DefaultValueFactory = _ => defaults.Partitions };
        var work = new Option<double>("--work-ms") { Description = "Work per message in each bulbs pod, in milliseconds (sets one pod's throughput; the background job of priorities takes 20 ms).", DefaultValueFactory = _ => defaults.WorkMilliseconds };
        var orchestrator = new Option<string>("--orchestrator") { Description = "process (pods are local processes; needs only the .NET SDK) or docker (real containers of the force12/bulbs:dev image; needs dockerd).", DefaultValueFactory = _ => defaults.Orchestrator };
        orchestrator.AcceptOnlyFromAmong("process", "docker");
        var seed = new Option<ulong>("--seed") { Description = "Seed of the random demand between spikes.", DefaultValueFactory = _ => defaults.Seed };
        var command = new Command("demo", "Run the whole loop on embedded defaults: embedded Kafka, lightbulb events with random demand and a dusk spike, the bulbs sample pipeline as pods (local processes, or Docker containers) scaled by the agent, a live terminal view and the live page. Stops everything it started and prints a summary. --scenario priorities adds a priority 2 background job on a fixed pool of 9 pod slots.")
        {
            scenario, duration, port, sla, bulbs, partitions, work, orchestrator, seed,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var problems = new List<string>();
            void Positive(Option<int> option, int min = 1)
            {
                if (parseResult.GetValue(option) < min)
                {
                    problems.Add($"{option.Name} must be at least {min} (was {parseResult.GetValue(option)})");
                }
            }

            Positive(duration);
            Positive(sla);
            Positive(bulbs, 0);
            Positive(partitions);
            if (parseResult.GetValue(port) is < 1 or > 65535)
            {
                problems.Add($"--port must be between 1 and 65535 (was {parseResult.GetValue(port)})");
            }

            if (!(parseResult.GetValue(work) > 0))
            {
                problems.Add($"--work-ms must be positive (was {parseResult.GetValue(work)})");
            }

            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    await error.WriteLineAsync(problem).ConfigureAwait(false);
                }

                return ExitCodes.BadArguments;
            }

            var options = new DemoOptions
            {
                Scenario = parseResult.GetValue(scenario)!,
                Duration = TimeSpan.FromSeconds(parseResult.GetValue(duration)),
                Port = parseResult.GetValue(port),
                Sla = TimeSpan.FromSeconds(parseResult.GetValue(sla)),
                Bulbs = parseResult.GetValue(bulbs),
                Partitions = parseResult.GetValue(partitions),
                WorkMilliseconds = parseResult.GetValue(work),
                Seed = parseResult.GetValue(seed),
                Orchestrator = parseResult.GetValue(orchestrator)!,
            };
            var output = parseResult.InvocationConfiguration.Output;
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
            return await new DemoRunner(options, console, output).RunAsync(cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
