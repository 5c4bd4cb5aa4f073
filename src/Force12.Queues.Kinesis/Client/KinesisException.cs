namespace Force12.Queues.Kinesis.Client;

/// <summary>A Kinesis or lease-table call that failed, with its typed <see cref="Kind"/> and the service's error code.</summary>
public sealed class KinesisException : Exception
{
    /// <summary>Creates the exception.</summary>
    public KinesisException(KinesisErrorKind kind, string message, string? errorCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        ErrorCode = errorCode;
    }

    /// <summary>Creates an exception of kind <see cref="KinesisErrorKind.Other"/>.</summary>
    public KinesisException()
        : this(KinesisErrorKind.Other, "Kinesis call failed")
    {
    }

    /// <summary>Creates an exception of kind <see cref="KinesisErrorKind.Other"/>.</summary>
    public KinesisException(string message)
        : this(KinesisErrorKind.Other, message)
    {
    }

    /// <summary>Creates an exception of kind <see cref="KinesisErrorKind.Other"/>.</summary>
    public KinesisException(string message, Exception innerException)
        : this(KinesisErrorKind.Other, message, null, innerException)
    {
    }

    /// <summary>The class of failure.</summary>
    public KinesisErrorKind Kind { get; }

    /// <summary>The service's error type (<c>__type</c>), for example <c>ResourceNotFoundException</c>, or null.</summary>
    public string? ErrorCode { get; }
}
