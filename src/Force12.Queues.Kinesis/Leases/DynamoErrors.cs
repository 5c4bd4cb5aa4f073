using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Force12.Queues.Kinesis.Client;

namespace Force12.Queues.Kinesis.Leases;

/// <summary>Turns DynamoDB SDK failures into typed <see cref="KinesisException"/>s naming the lease table.</summary>
internal static class DynamoErrors
{
    public static KinesisException Translate(Exception e, string table) => e switch
    {
        ResourceNotFoundException => new(KinesisErrorKind.LeaseTableNotFound, $"Lease table '{table}' does not exist", "ResourceNotFoundException", e),
        AmazonServiceException s when s.ErrorCode is "UnrecognizedClientException" or "InvalidSignatureException"
            or "IncompleteSignatureException" or "ExpiredTokenException" or "MissingAuthenticationTokenException"
            => new(KinesisErrorKind.Credentials, $"Lease table '{table}': credentials refused: {s.Message}", s.ErrorCode, e),
        AmazonServiceException { ErrorCode: "AccessDeniedException" } s => new(KinesisErrorKind.AccessDenied, $"Lease table '{table}': {s.Message}", s.ErrorCode, e),
        ProvisionedThroughputExceededException or RequestLimitExceededException
            or AmazonServiceException { ErrorCode: "ThrottlingException" } => new(KinesisErrorKind.Throttled, $"Lease table '{table}' throttled: {e.Message}", null, e),
        AmazonServiceException s => new(KinesisErrorKind.Other, $"Lease table '{table}': {s.ErrorCode}: {s.Message}", s.ErrorCode, e),
        AmazonClientException c when c.Message.Contains("credential", StringComparison.OrdinalIgnoreCase)
            => new(KinesisErrorKind.Credentials, $"Lease table '{table}': no AWS credentials: {c.Message}", null, e),
        HttpRequestException or AmazonClientException or TaskCanceledException or IOException
            => new(KinesisErrorKind.Unreachable, $"Lease table '{table}': DynamoDB did not answer: {e.Message}", null, e),
        _ => new(KinesisErrorKind.Other, $"Lease table '{table}': {e.Message}", null, e),
    };

    public static bool IsTranslatable(Exception e) =>
        e is AmazonServiceException or AmazonClientException or HttpRequestException or IOException // a reset while the SDK reads the answer
        || (e is TaskCanceledException t && !t.CancellationToken.IsCancellationRequested);
}
