namespace Force12.Queues.Tools.Commands.Simulate;

/// <summary>The parsed options of <c>force12 simulate</c>.</summary>
internal sealed record SimulateArguments(
    string? Scenario,
    string? Trace,
    string[] Pipelines,
    int? Pool,
    ulong Seed,
    double? Duration,
    string Output,
    FileInfo? Csv,
    FileInfo? Chart,
    string? ChartPipeline);
