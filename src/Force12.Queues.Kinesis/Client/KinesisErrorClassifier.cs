namespace Force12.Queues.Kinesis.Client;

/// <summary>Maps a Kinesis JSON error (<c>__type</c> and HTTP status) to a <see cref="KinesisErrorKind"/> and says whether to retry.</summary>
internal static class KinesisErrorClassifier
{
    public static KinesisErrorKind Classify(string? errorType, int statusCode) => Short(errorType) switch
    {
        "ResourceNotFoundException" => KinesisErrorKind.StreamNotFound,
        "ProvisionedThroughputExceededException" or "LimitExceededException" or "ThrottlingException"
            or "KMSThrottlingException" => KinesisErrorKind.Throttled,
        "UnrecognizedClientException" or "InvalidSignatureException" or "IncompleteSignatureException"
            or "MissingAuthenticationTokenException" or "ExpiredTokenException" => KinesisErrorKind.Credentials,
        "AccessDeniedException" => KinesisErrorKind.AccessDenied,
        "ExpiredIteratorException" => KinesisErrorKind.ExpiredIterator,
        "InvalidArgumentException" or "ValidationException" or "SerializationException" => KinesisErrorKind.InvalidArgument,
        _ when statusCode >= 500 => KinesisErrorKind.Unreachable,
        _ => KinesisErrorKind.Other,
    };

    /// <summary>Throttling and server-side failures are worth another attempt; client errors are not.</summary>
    public static bool IsRetryable(KinesisErrorKind kind) =>
        kind is KinesisErrorKind.Throttled or KinesisErrorKind.Unreachable;

    // "com.amazonaws.kinesis.v20131202#ResourceNotFoundException" -> "ResourceNotFoundException"
    private static string Short(string? errorType) =>
        errorType is null ? "" : errorType[(errorType.LastIndexOf('#') + 1)..];
}
