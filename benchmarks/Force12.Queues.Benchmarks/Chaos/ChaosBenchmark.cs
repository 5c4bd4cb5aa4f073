using System.Globalization;
using Force12.Queues.Chaos;
using Force12.Queues.Kafka.Embedded;

namespace Force12.Queues.Benchmarks.Chaos;

/// <summary>
/// The chaos test at benchmark size: the same <see cref="ChaosRun"/> (linked from the Samples.Bulbs tests) with
/// 1,000,000 events by default, on a fresh embedded Kafka cluster, dockerd and RabbitMQ. Prints the summary and the
/// docs/benchmarks.md row; exit code 0 when nothing was lost, 1 when something was (or the run failed), 2 on bad
/// arguments.
/// </summary>
internal static class ChaosBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        ChaosOptions options;
        try
        {
            options = Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            await Console.Error.WriteLineAsync("usage: chaos [--events 1000000] [--minutes 80] [--kill-every-seconds 6] [--min-rate 300] [--max-rate 1500] [--period-seconds 90] [--partitions 48] [--seed 42] [--pod-slots N] [--outage-seconds S] [--no-build]").ConfigureAwait(false);
            return 2;
        }

        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"chaos benchmark: {options.Events:N0} events on {options.Partitions} partitions, {options.MinRate:0} to {options.MaxRate:0} events/s over {options.Period.TotalSeconds:0} s days, a container SIGKILLed every {options.KillEvery.TotalSeconds:0} s, agent restarted once, budget {options.Budget.TotalMinutes:0} min")).ConfigureAwait(false);
        using var kafka = EmbeddedKafkaCluster.Start(brokers: 1);
        var result = await new ChaosRun(options, kafka, Console.Out).RunAsync(CancellationToken.None).ConfigureAwait(false);
        await Console.Out.WriteLineAsync("--- result").ConfigureAwait(false);
        await Console.Out.WriteLineAsync(result.Summary()).ConfigureAwait(false);
        await Console.Out.WriteLineAsync(ChaosResult.MarkdownHeader).ConfigureAwait(false);
        await Console.Out.WriteLineAsync(result.MarkdownRow()).ConfigureAwait(false);
        var lostNothing = result.Failure is null && result.Processed.Lost == 0 && result.Downstream.Lost == 0;
        await Console.Out.WriteLineAsync(lostNothing ? "nothing lost" : "LOST EVENTS OR FAILED RUN").ConfigureAwait(false);
        return lostNothing ? 0 : 1;
    }

    private static ChaosOptions Parse(string[] args)
    {
        // The benchmark's defaults are the valid 1,000,000-event run of docs/benchmarks.md: 48 partitions keep the
        // backlog far under the mock broker's per-partition retention limit, and the budget leaves room for this
        // machine's throughput under chaos (it drained in 32 minutes).
        var options = new ChaosOptions
        {
            Events = 1_000_000, Partitions = 48, MinRate = 300, MaxRate = 1500, Budget = TimeSpan.FromMinutes(80),
        };
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--events" => options with { Events = (int)Number(args, ++i) },
                "--minutes" => options with { Budget = TimeSpan.FromMinutes(Number(args, ++i)) },
                "--kill-every-seconds" => options with { KillEvery = TimeSpan.FromSeconds(Number(args, ++i)) },
                "--min-rate" => options with { MinRate = Number(args, ++i) },
                "--max-rate" => options with { MaxRate = Number(args, ++i) },
                "--period-seconds" => options with { Period = TimeSpan.FromSeconds(Number(args, ++i)) },
                "--partitions" => options with { Partitions = (int)Number(args, ++i) },
                "--seed" => options with { Seed = (int)Number(args, ++i) },
                "--pod-slots" => options with { PodSlots = (int)Number(args, ++i) },
                "--outage-seconds" => options with { OutageLength = TimeSpan.FromSeconds(Number(args, ++i)) },
                "--no-build" => options with { BuildImage = false },
                _ => throw new ArgumentException($"unknown argument '{args[i]}'"),
            };
        }

        var errors = options.Validate();
        return errors.Count == 0 ? options : throw new ArgumentException(string.Join(" ", errors));
    }

    private static double Number(string[] args, int at) =>
        at < args.Length && double.TryParse(args[at], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{args[at - 1]} needs a positive number");
}
