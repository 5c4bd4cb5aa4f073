namespace Force12.Queues.Core.Lag;

/// <summary>A failed collection, naming where it failed and why.</summary>
public sealed record LagError
{
    /// <summary>The collector kind ("kafka", ...).</summary>
    public required string SourceKind { get; init; }

    /// <summary>The cluster as configured.</summary>
    public required string Cluster { get; init; }

    /// <summary>The consumer group.</summary>
    public required string Group { get; init; }

    /// <summary>The class of failure.</summary>
    public required LagErrorKind Kind { get; init; }

    /// <summary>The cause in words, including the source's own error text.</summary>
    public required string Message { get; init; }

    /// <summary>When the failure was observed.</summary>
    public required DateTimeOffset ObservedAt { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{SourceKind} cluster '{Cluster}', group '{Group}': {Kind}: {Message}";
}
