using System.Diagnostics.CodeAnalysis;

namespace Force12.Queues.Core.Lag;

/// <summary>Either a <see cref="LagSnapshot"/> or a <see cref="LagError"/>, never both, never neither.</summary>
public sealed class LagCollectionResult
{
    private LagCollectionResult(LagSnapshot? snapshot, LagError? error)
    {
        Snapshot = snapshot;
        Error = error;
    }

    /// <summary>The snapshot when the collection succeeded.</summary>
    public LagSnapshot? Snapshot { get; }

    /// <summary>The error when the collection failed.</summary>
    public LagError? Error { get; }

    /// <summary>True when <see cref="Snapshot"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Snapshot))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Snapshot is not null;

    /// <summary>A successful result.</summary>
    public static LagCollectionResult Success(LagSnapshot snapshot) =>
        new(snapshot ?? throw new ArgumentNullException(nameof(snapshot)), null);

    /// <summary>A failed result.</summary>
    public static LagCollectionResult Failure(LagError error) =>
        new(null, error ?? throw new ArgumentNullException(nameof(error)));
}
