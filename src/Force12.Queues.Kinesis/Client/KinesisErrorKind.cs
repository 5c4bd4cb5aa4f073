namespace Force12.Queues.Kinesis.Client;

/// <summary>The class of a failed Kinesis or lease-table call.</summary>
public enum KinesisErrorKind
{
    /// <summary>The stream or shard does not exist (<c>ResourceNotFoundException</c>).</summary>
    StreamNotFound,

    /// <summary>The KCL lease table does not exist.</summary>
    LeaseTableNotFound,

    /// <summary>Still throttled after every retry (<c>ProvisionedThroughputExceededException</c>, <c>LimitExceededException</c>).</summary>
    Throttled,

    /// <summary>No credentials could be resolved, or they were refused (signature, expired or unknown key).</summary>
    Credentials,

    /// <summary>Authenticated but not allowed (<c>AccessDeniedException</c>).</summary>
    AccessDenied,

    /// <summary>The shard iterator expired (older than 5 minutes); get a new one.</summary>
    ExpiredIterator,

    /// <summary>The request was refused as invalid (<c>InvalidArgumentException</c>, <c>ValidationException</c>).</summary>
    InvalidArgument,

    /// <summary>The endpoint did not answer (network failure, timeout, HTTP 5xx after retries).</summary>
    Unreachable,

    /// <summary>Anything else; see the message.</summary>
    Other,
}
