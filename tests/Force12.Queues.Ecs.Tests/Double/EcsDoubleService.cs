namespace Force12.Queues.Ecs.Tests.Double;

/// <summary>One service of the double: its desired count and status.</summary>
internal sealed class EcsDoubleService
{
    public required string Cluster { get; init; }

    public required string Name { get; init; }

    public int DesiredCount { get; set; }

    public string Status { get; set; } = "ACTIVE";

    public string Arn => $"arn:aws:ecs:{EcsApiDouble.Region}:{EcsApiDouble.Account}:service/{Cluster}/{Name}";
}
