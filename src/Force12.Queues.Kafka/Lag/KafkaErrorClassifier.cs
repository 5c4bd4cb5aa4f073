using Confluent.Kafka;
using Force12.Queues.Core.Lag;

namespace Force12.Queues.Kafka.Lag;

/// <summary>Maps Kafka error codes to the source-agnostic <see cref="LagErrorKind"/>.</summary>
internal static class KafkaErrorClassifier
{
    public static LagErrorKind Classify(ErrorCode code) => code switch
    {
        ErrorCode.Local_Transport or ErrorCode.Local_AllBrokersDown or ErrorCode.Local_TimedOut
            or ErrorCode.RequestTimedOut or ErrorCode.BrokerNotAvailable or ErrorCode.NetworkException
            or ErrorCode.Local_Resolve or ErrorCode.LeaderNotAvailable or ErrorCode.NotLeaderForPartition
            or ErrorCode.GroupCoordinatorNotAvailable or ErrorCode.NotCoordinatorForGroup
            or ErrorCode.Local_WaitCoord or ErrorCode.Local_TimedOutQueue => LagErrorKind.Unreachable,
        ErrorCode.SaslAuthenticationFailed or ErrorCode.Local_Authentication or ErrorCode.Local_Ssl
            or ErrorCode.UnsupportedSaslMechanism or ErrorCode.IllegalSaslState => LagErrorKind.AuthenticationFailed,
        ErrorCode.TopicAuthorizationFailed or ErrorCode.GroupAuthorizationFailed
            or ErrorCode.ClusterAuthorizationFailed => LagErrorKind.NotAuthorized,
        ErrorCode.UnknownTopicOrPart or ErrorCode.Local_UnknownTopic or ErrorCode.Local_UnknownPartition => LagErrorKind.StreamNotFound,
        ErrorCode.GroupIdNotFound => LagErrorKind.UnknownGroup,
        _ => LagErrorKind.Other,
    };

    /// <summary>All partitions failing alike is that failure; a mix, or only some failing, is partial.</summary>
    public static LagErrorKind Classify(PartitionReadException exception)
    {
        var kinds = exception.Failures.Select(f => Classify(f.Error.Code)).Distinct().ToList();
        return kinds.Count == 1 && exception.Failures.Count >= exception.PartitionsAsked ? kinds[0] : LagErrorKind.PartialFailure;
    }
}
