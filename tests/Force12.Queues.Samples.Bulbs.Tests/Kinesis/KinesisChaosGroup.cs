namespace Force12.Queues.Samples.Bulbs.Tests.Kinesis;

/// <summary>The Kinesis chaos run uses the whole machine: it runs alone, after the parallel tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KinesisChaosGroup
{
    public const string Name = "kinesis chaos";
}
