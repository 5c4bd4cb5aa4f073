namespace Force12.Queues.Simulation;

/// <summary>One sample of one pipeline under one strategy.</summary>
/// <param name="Policy">Strategy name.</param>
/// <param name="Pipeline">Pipeline name.</param>
/// <param name="Seconds">Seconds since the start of the run.</param>
/// <param name="ArrivalRate">Messages per second that arrived since the previous sample (demand).</param>
/// <param name="Backlog">Unprocessed messages.</param>
/// <param name="Pods">Pods starting or ready.</param>
public sealed record TimeSeriesPoint(string Policy, string Pipeline, double Seconds, double ArrivalRate, double Backlog, int Pods);
