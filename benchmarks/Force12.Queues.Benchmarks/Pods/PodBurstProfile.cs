using System.Globalization;
using Force12.Queues.Docker;

namespace Force12.Queues.Benchmarks.Pods;

/// <summary>
/// Where the time of a 0 -> N burst of two-container probe pods on the real dockerd goes: every Engine API call of the
/// orchestrator is timed (<see cref="TimedDockerClient"/>), per container index (0 = network namespace owner, 1 =
/// sidecar joining it), for each value of <see cref="DockerOrchestratorOptions.MaxParallelPodStarts"/> asked for.
/// Not a BenchmarkDotNet job: one warm-up burst, then <c>--rounds</c> measured bursts per setting. Each burst goes from
/// <c>--from</c> running pods (default 0) to that plus <c>--pods</c>; with <c>--standby 0,20</c> each parallelism is measured
/// with each number of standby pods (kept only while pods run, so they matter only with <c>--from</c> at least 1).
/// Run: <c>dotnet run -c Release --project benchmarks/Force12.Queues.Benchmarks -- pod-burst [--parallel 1,4,8,16] [--pods 20] [--rounds 3] [--from 0] [--standby 0]</c>
/// </summary>
internal static class PodBurstProfile
{
    public static async Task<int> RunAsync(string[] args)
    {
        var parallel = Option(args, "--parallel", "1,4,8,16").Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList();
        var pods = int.Parse(Option(args, "--pods", "20"), CultureInfo.InvariantCulture);
        var rounds = int.Parse(Option(args, "--rounds", "3"), CultureInfo.InvariantCulture);
        var from = int.Parse(Option(args, "--from", "0"), CultureInfo.InvariantCulture);
        var standby = Option(args, "--standby", "0").Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pod-burst: {from} -> {from + pods} two-container probe pods on dockerd, {rounds} measured rounds per setting after 1 warm-up; times in ms (p50/p95 over pods or calls)"));
        Console.WriteLine("| parallel | standby | all running (median) | call returned (median) | per pod: request->running p50/p95 | wait for slot p50/p95 | create[0] | start[0] | create[1] | start[1] | load avg (1 min) before/after |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var p in parallel)
        {
            foreach (var s in standby)
            {
                Console.WriteLine(await MeasureAsync(new DockerOrchestratorOptions { MaxParallelPodStarts = p }, s, from, pods, rounds));
            }
        }

        return 0;
    }

    private static async Task<string> MeasureAsync(DockerOrchestratorOptions options, int standby, int from, int pods, int rounds)
    {
        DockerCallLog log = null!;
        using var environment = PodBenchmarkEnvironment.Create("docker", options, client =>
        {
            var (timed, calls) = TimedDockerClient.Wrap(client);
            log = calls;
            return timed;
        });
        var template = environment.Template with { StandbyPods = standby };
        await environment.ScaleToAsync(template, from);
        var loadBefore = LoadAverage();
        var allRunning = new List<double>();
        var totals = new List<double>();
        var fromRequest = new List<double>();
        var calls = new List<DockerCall>();
        var slotWaits = new List<double>();
        for (var round = 0; round <= rounds; round++)
        {
            log.Clear();
            var t0 = log.NowMs;
            var requested = TimeProvider.System.GetUtcNow();
            var result = await environment.Orchestrator.ScaleAsync(template, from + pods);
            var total = log.NowMs - t0;
            PodBenchmarkEnvironment.Check(result, pods);
            if (round > 0)
            {
                totals.Add(total);
                var perPod = result.Started.Select(s => (s.StartedAt!.Value - requested).TotalMilliseconds).ToList();
                fromRequest.AddRange(perPod);
                allRunning.Add(perPod.Max());
                // Only the calls that started these pods: standby pods created afterwards (top-up) are not part of the burst.
                var started = result.Started.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
                var snapshot = log.Calls.Where(c => c.Pod is not null && started.Contains(c.Pod)).ToList();
                calls.AddRange(snapshot);
                slotWaits.AddRange(snapshot.GroupBy(c => c.Pod).Select(g => g.Min(c => c.StartMs) - t0));
            }

            await environment.ScaleToAsync(template, from);
        }

        await environment.ScaleToZeroAsync();

        string Calls(string method, int index) =>
            P5095(calls.Where(c => c.Method == method && c.ContainerIndex == index).Select(c => c.DurationMs).ToList());
        return string.Create(CultureInfo.InvariantCulture,
            $"| {options.MaxParallelPodStarts} | {standby} | {Percentile(allRunning, 0.5):F0} | {Percentile(totals, 0.5):F0} | {P5095(fromRequest)} | {P5095(slotWaits)} | {Calls("CreateContainer", 0)} | {Calls("StartContainer", 0)} | {Calls("CreateContainer", 1)} | {Calls("StartContainer", 1)} | {loadBefore} / {LoadAverage()} |");
    }

    private static string P5095(List<double> samples) =>
        samples.Count == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{Percentile(samples, 0.5):F0} / {Percentile(samples, 0.95):F0}");

    private static double Percentile(List<double> samples, double q)
    {
        var sorted = samples.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
    }

    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    private static string Option(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }
}
