using BenchmarkDotNet.Attributes;
using Force12.Queues.Core.Capacity;
using Force12.Queues.Core.Scaling;

namespace Force12.Queues.Benchmarks.Scaling;

/// <summary>
/// One decision tick of the agent for 1,000 pipelines with 1,000 partitions each: aggregate the partition
/// lags (hot partitions included), learn throughput, decide with the SLA policy, then allocate the shared
/// pool by priority. Baseline: KEDA's rule, ceil(total lag / 10) capped at partitions, over the same data.
/// Target (issue 4): under 10 ms.
/// </summary>
[MemoryDiagnoser]
public class DecisionTickBenchmarks
{
    private const int Pipelines = 1_000;
    private const int Partitions = 1_000;
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 18, 0, 0, TimeSpan.Zero);
    private readonly SlaPolicyOptions _options = new() { MaxPods = Partitions };
    private readonly CapacityPool _pool = new() { PodSlots = 50_000 };
    private double[][] _backlogs = [];
    private double[][] _arrivals = [];
    private ThroughputEstimate[] _throughput = [];
    private StabilisationHistory[] _history = [];
    private CapacityRequest[] _requests = [];
    private string[] _names = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _backlogs = new double[Pipelines][];
        _arrivals = new double[Pipelines][];
        _throughput = new ThroughputEstimate[Pipelines];
        _history = new StabilisationHistory[Pipelines];
        _requests = new CapacityRequest[Pipelines];
        _names = Enumerable.Range(0, Pipelines).Select(i => $"p{i:D4}").ToArray();
        for (var i = 0; i < Pipelines; i++)
        {
            _backlogs[i] = Enumerable.Range(0, Partitions).Select(_ => random.NextDouble() * 500).ToArray();
            _arrivals[i] = Enumerable.Range(0, Partitions).Select(_ => random.NextDouble() * 10).ToArray();
            _throughput[i] = new ThroughputEstimate { PerPodMessagesPerSecond = 80 + (random.NextDouble() * 40), Samples = 10 };
            _history[i] = StabilisationHistory.Empty.Record(Now.AddSeconds(-10), 60, TimeSpan.FromSeconds(30));
        }
    }

    [Benchmark(Baseline = true)]
    public int KedaStyleTick()
    {
        var total = 0;
        for (var i = 0; i < Pipelines; i++)
        {
            var lag = 0.0;
            foreach (var partitionLag in _backlogs[i])
            {
                lag += partitionLag;
            }

            total += (int)Math.Min(Partitions, Math.Ceiling(lag / 10));
        }

        return total;
    }

    [Benchmark]
    public IReadOnlyList<PipelineAllocation> Force12Tick()
    {
        for (var i = 0; i < Pipelines; i++)
        {
            var mu = _throughput[i].Or(_options.PerPodThroughputPrior);
            var load = PartitionLoad.From(_backlogs[i], _arrivals[i], _options.Sla.TotalSeconds, mu);
            var input = new PolicyInput
            {
                At = Now,
                BacklogMessages = (long)load.BacklogMessages,
                ArrivalRatePerSecond = load.ArrivalRatePerSecond,
                ProcessingRatePerSecond = load.ArrivalRatePerSecond,
                UsefulParallelism = Partitions,
                CurrentPods = 50,
                ReadyPods = 50,
                HotUnits = load.HotUnits,
                HotBacklogMessages = (long)load.HotBacklogMessages,
                HotArrivalRatePerSecond = load.HotArrivalRatePerSecond,
                History = _history[i],
            };
            var throughput = ThroughputLearner.Observe(_throughput[i], input, _options);
            var decision = SlaScalingPolicy.Decide(_options, input with { Throughput = throughput });
            _requests[i] = new CapacityRequest
            {
                Pipeline = _names[i],
                Priority = 1 + (i % 5),
                MinPods = _options.MinPods,
                MaxPods = _options.MaxPods,
                NeededPods = decision.NeededPods,
                RunningPods = 50,
            };
        }

        return CapacityAllocator.Allocate(_pool, _requests);
    }
}
