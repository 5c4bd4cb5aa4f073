using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace Force12.Queues.Benchmarks.Pods;

/// <summary>Adds the 95th percentile column: the pod-start target is p95 under 1 s.</summary>
public class PercentileConfig : ManualConfig
{
    public PercentileConfig()
    {
        AddColumn(StatisticColumn.P95);
    }
}
