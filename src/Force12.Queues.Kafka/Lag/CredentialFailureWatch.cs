using Confluent.Kafka;

namespace Force12.Queues.Kafka.Lag;

/// <summary>
/// librdkafka reports refused credentials (SASL, TLS) only to the client's error handler; the admin
/// request itself just times out. This remembers the last such error so a timeout can be reported
/// as what it really is: an authentication failure, not an unreachable cluster.
/// </summary>
internal sealed class CredentialFailureWatch
{
    private Error? _last;

    public void Observe(Error error)
    {
        if (error.Code is ErrorCode.Local_Authentication or ErrorCode.SaslAuthenticationFailed or ErrorCode.Local_Ssl
            or ErrorCode.UnsupportedSaslMechanism or ErrorCode.IllegalSaslState)
        {
            Volatile.Write(ref _last, error);
        }
    }

    public async Task<T> ExplainTimeoutsAsync<T>(Func<Task<T>> request)
    {
        try
        {
            var result = await request().ConfigureAwait(false);
            Volatile.Write(ref _last, null);
            return result;
        }
        catch (KafkaException e) when (IsTimeout(e.Error.Code) && Volatile.Read(ref _last) is { } credentials)
        {
            throw new KafkaException(credentials);
        }
    }

    private static bool IsTimeout(ErrorCode code) =>
        code is ErrorCode.Local_TimedOut or ErrorCode.RequestTimedOut or ErrorCode.Local_Transport or ErrorCode.Local_AllBrokersDown;
}
