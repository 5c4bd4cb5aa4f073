namespace Force12.Queues.Ecs.Client;

/// <summary>A failed ECS or Application Auto Scaling call, or an ECS target the orchestrator cannot act on.</summary>
public sealed class EcsException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EcsException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public EcsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public EcsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an error answer (or a failure without one when <paramref name="errorCode"/> is null).</summary>
    public EcsException(string message, string? errorCode, bool retryable, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorCode = errorCode;
        IsRetryable = retryable;
    }

    /// <summary>The short error type of the answer, for example <c>ServiceNotFoundException</c>; null when there was none.</summary>
    public string? ErrorCode { get; }

    /// <summary>Whether another attempt may succeed (throttling, server errors, network failures).</summary>
    public bool IsRetryable { get; }
}
