namespace Force12.Queues.Core.Lag;

/// <summary>Why a collection failed. A failed collection never reports a lag, least of all zero.</summary>
public enum LagErrorKind
{
    /// <summary>No broker / endpoint answered within the request timeout.</summary>
    Unreachable,

    /// <summary>The credentials were refused (SASL, TLS handshake).</summary>
    AuthenticationFailed,

    /// <summary>Authenticated, but not allowed to describe the group or topic.</summary>
    NotAuthorized,

    /// <summary>The consumer group does not exist (no members and no committed offsets).</summary>
    UnknownGroup,

    /// <summary>A configured topic / stream / queue does not exist (never created, or deleted).</summary>
    StreamNotFound,

    /// <summary>Some units answered and others did not (for example a partition leader is down).</summary>
    PartialFailure,

    /// <summary>
    /// The source kept refusing the collector's calls for exceeding its limits after the collector's own retries
    /// (Kinesis <c>ProvisionedThroughputExceededException</c> / <c>LimitExceededException</c>, DynamoDB throttling).
    /// Usually temporary; the message names the stream and the service's error.
    /// </summary>
    Throttled,

    /// <summary>Anything else the source reported; see the message.</summary>
    Other,
}
