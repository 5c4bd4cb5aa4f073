using System.CommandLine;
using Force12.Queues.Agent;
using Force12.Queues.Tools.Commands.Simulate;
using Force12.Queues.Simulation;
using Force12.Queues.Simulation.Reporting;
using Force12.Queues.Simulation.Traces;

namespace Force12.Queues.Tools.Commands;

/// <summary><c>force12 simulate</c>: runs Force12's policy and the baselines in the discrete-event simulator.</summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var scenario = new Option<string?>("--scenario") { Description = "Built-in scenario: dusk (one pipeline, 100,000 bulbs at dusk; the default), two-priority (lights at priority 1 and billing at priority 2 bursting at dusk, on a 110-pod pool smaller than their joint peak of 150), or dusk-week (7 days from a Monday, a dusk spike a day moved by up to 20 min and sized +-20%, weekends at 60%; 20 partitions, pods of 500 msg/s, 1 s ticks; adds force12-forecast)." };
        scenario.AcceptOnlyFromAmong([.. BuiltInScenarios.Names]);
        var trace = new Option<string?>("--trace") { Description = $"Run one pipeline 'main' (defaults as in --pipeline) on this trace instead of a scenario: {TraceList()}; or a CSV file of 'seconds,messagesPerSecond' rows (linear between rows; header and # comments allowed)." };
        var pipelines = new Option<string[]>("--pipeline") { Description = $"Add a pipeline (repeatable; replaces --scenario and --trace): comma-separated key=value. Keys: {PipelineSpecParser.KeysHelp}.", Arity = ArgumentArity.ZeroOrMore };
        var pool = new Option<int?>("--pool") { Description = "Pod slots shared by all pipelines (priorities decide who gets them). Default: the scenario's pool, else unlimited." };
        var seed = new Option<ulong>("--seed") { Description = "Seed of every random draw (arrival noise, the random trace). Same seed, same numbers.", DefaultValueFactory = _ => 1 };
        var duration = new Option<double?>("--duration") { Description = "Simulated seconds. Default: the longest trace (30 min for dusk, random and steps; 1 h for diurnal; 7 days for dusk-week; the last CSV row)." };
        var output = new Option<string>("--output") { Description = "table: markdown tables on the terminal; json: { \"results\": [ { \"policy\", \"withinSlaPercent\", \"p99DelaySeconds\", \"podSeconds\", \"scaleActions\", \"pipelines\" } ] }.", DefaultValueFactory = _ => "table" };
        output.AcceptOnlyFromAmong("table", "json");
        var csv = new Option<FileInfo?>("--csv") { Description = "Also write the time series (every second: policy, pipeline, seconds, arrivalRate, backlog, pods) to this CSV file." };
        var chart = new Option<FileInfo?>("--chart") { Description = "Also draw demand, pods and backlog of one pipeline (see --chart-pipeline), one line per policy, to this SVG file." };
        var chartPipeline = new Option<string?>("--chart-pipeline") { Description = "Pipeline drawn by --chart. Default: the first pipeline." };

        var command = new Command("simulate",
            "Simulate pipelines (partitions; producers following a trace; pods of a set throughput that take 1 s to start and 0.5 s to stop; " +
            "2 s pauses for partitions that move in a rebalance; Force12 polling every 1 s) " +
            "under Force12's SLA policy and, from the same seeded messages, KEDA's default Kafka scaling (ceil(lag / 10) via the HPA: 15 s sync, 10% tolerance, " +
            "300 s scale-down window), static provisioning for the peak, and the oracle lower bound. Prints % of messages within SLA, p99 delay, pod-seconds, its ratio to the oracle and scale actions per policy, plus a per-pipeline table when there are several pipelines.")
        {
            scenario, trace, pipelines, pool, seed, duration, output, csv, chart, chartPipeline,
        };
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(Run(
            parseResult,
            new SimulateArguments(parseResult.GetValue(scenario), parseResult.GetValue(trace), parseResult.GetValue(pipelines) ?? [], parseResult.GetValue(pool),
                parseResult.GetValue(seed), parseResult.GetValue(duration), parseResult.GetValue(output) ?? "table", parseResult.GetValue(csv), parseResult.GetValue(chart), parseResult.GetValue(chartPipeline)))));
        return command;
    }

    private static int Run(ParseResult parseResult, SimulateArguments args)
    {
        var stdout = parseResult.InvocationConfiguration.Output;
        var stderr = parseResult.InvocationConfiguration.Error;
        var errors = new List<string>();
        var (pipelines, description) = SimulationSetup.Pipelines(args, errors);
        if (args.Duration is <= 0)
        {
            errors.Add($"--duration must be > 0 seconds (was {args.Duration}).");
        }

        if (args.Pool is < 0)
        {
            errors.Add($"--pool must be >= 0 pods (was {args.Pool}).");
        }

        var charted = args.ChartPipeline ?? (pipelines.Count > 0 ? pipelines[0].Name : null);
        if (args.ChartPipeline is { } wanted && pipelines.Count > 0 && pipelines.All(p => p.Name != wanted))
        {
            errors.Add($"--chart-pipeline '{wanted}' is not one of the pipelines: {string.Join(", ", pipelines.Select(p => p.Name))}.");
        }

        var options = new SimulationOptions
        {
            Seed = args.Seed,
            PoolPodSlots = args.Pool ?? (args.Scenario is { } s && args.Pipelines.Length == 0 && args.Trace is null ? BuiltInScenarios.PoolPods(s) : null),
            Duration = args.Duration is { } d ? TimeSpan.FromSeconds(d) : null,
        };
        if (args.Scenario == "dusk-week" && args.Pipelines.Length == 0 && args.Trace is null)
        {
            options = BuiltInScenarios.DuskWeekOptions(options);
        }

        if (errors.Count == 0)
        {
            errors.AddRange(SimulationValidator.Validate(pipelines, options));
        }

        if (errors.Count > 0)
        {
            errors.ForEach(stderr.WriteLine);
            return ExitCodes.BadArguments;
        }

        var report = SimulationRunner.Run(pipelines, options);
        try
        {
            if (args.Csv is { } csvFile)
            {
                using var writer = new StreamWriter(csvFile.FullName);
                TimeSeriesCsv.Write(writer, report.Series);
            }

            if (args.Chart is { } chartFile)
            {
                using var writer = new StreamWriter(chartFile.FullName);
                SvgChart.Write(writer, report, charted!, $"{description} (seed {args.Seed}): pipeline {charted}");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"Could not write an output file: {ex.Message}");
            return ExitCodes.Failure;
        }

        if (args.Output == "json")
        {
            SimulationResultWriter.WriteJson(stdout, report, args.Seed);
        }
        else
        {
            SimulationResultWriter.WriteTable(stdout, report, $"{description}, seed {args.Seed}, {report.DurationSeconds:0} s simulated, pool {options.PoolPodSlots?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unlimited"}");
        }

        return ExitCodes.Success;
    }

    private static string TraceList() => string.Join("; ", TraceCatalog.Names.Select(n => $"{n} ({TraceCatalog.Describe(n)})"));
}
