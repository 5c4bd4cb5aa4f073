using Force12.Queues.Lightbulbs.Load;
using Force12.Queues.Simulation.Randomness;

namespace Force12.Queues.Tools.Demo;

/// <summary>Plays each pipeline's load into its topic at once, until the demo stops; lightbulb events throughout.</summary>
internal static class DemoLoad
{
    /// <summary>Runs one load generator per pipeline; completes when every one has stopped and flushed.</summary>
    public static async Task<IReadOnlyDictionary<string, LoadReport>> RunAsync(DemoScenario scenario, int bulbs, ulong seed, string bootstrapServers, TimeProvider time, CancellationToken stop)
    {
        var runs = scenario.Pipelines.Select((pipeline, index) => RunOneAsync(pipeline, Math.Max(1, bulbs), seed + (ulong)index + 1, bootstrapServers, time, stop)).ToArray();
        var reports = await Task.WhenAll(runs).ConfigureAwait(false);
        return scenario.Pipelines.Select((p, i) => (p.Name, Report: reports[i])).ToDictionary(x => x.Name, x => x.Report);
    }

    /// <summary>What the load plays, one pipeline after the other.</summary>
    public static string Describe(DemoScenario scenario) =>
        string.Join("; ", scenario.Pipelines.Select(p => scenario.Pipelines.Count == 1 ? p.Rate.Describe() : $"{p.Name}: {p.Rate.Describe()}"));

    private static async Task<LoadReport> RunOneAsync(DemoPipeline pipeline, int bulbs, ulong seed, string bootstrapServers, TimeProvider time, CancellationToken stop)
    {
        await using var sink = new KafkaLoadSink(new KafkaLoadSinkOptions { BootstrapServers = bootstrapServers, Topic = pipeline.Name }, time);
        var generator = new LoadGenerator(
            new LoadGeneratorOptions { Rate = pipeline.Rate },
            new LightbulbEventFactory(bulbs, 10, 1, new SplitMixRandomSource(seed), time),
            sink,
            time);
        return await generator.RunAsync(null, stop).ConfigureAwait(false);
    }
}
