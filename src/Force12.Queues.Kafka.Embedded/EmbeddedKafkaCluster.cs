using System.Runtime.InteropServices;
using System.Text;

namespace Force12.Queues.Kafka.Embedded;

/// <summary>
/// An in-process Kafka cluster on librdkafka's mock cluster: real Kafka wire protocol on real TCP
/// ports of 127.0.0.1, so producers, consumer groups and admin clients in this or other processes
/// (and containers on the host network) can use it. For tests, the demo and <c>force12 kafka-mock</c>;
/// it keeps data in memory only. Broker ids are 1..<see cref="Brokers"/>.
/// </summary>
public sealed unsafe class EmbeddedKafkaCluster : IDisposable
{
    private const int ProducerType = 0;
    private readonly Lock _gate = new();
    private IntPtr _client;
    private IntPtr _cluster;

    private EmbeddedKafkaCluster(IntPtr client, IntPtr cluster, int brokers)
    {
        _client = client;
        _cluster = cluster;
        Brokers = brokers;
        BootstrapServers = Marshal.PtrToStringUTF8(LibrdkafkaMock.Api.Bootstraps(cluster))
            ?? throw new InvalidOperationException("The mock cluster returned no bootstrap address.");
    }

    /// <summary>Comma-separated <c>host:port</c> list of the brokers, for <c>bootstrap.servers</c>.</summary>
    public string BootstrapServers { get; }

    /// <summary>Number of brokers.</summary>
    public int Brokers { get; }

    /// <summary>Starts a cluster of <paramref name="brokers"/> brokers (1 to 32) on ephemeral loopback ports.</summary>
    public static EmbeddedKafkaCluster Start(int brokers = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokers, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(brokers, 32);
        var api = LibrdkafkaMock.Api;
        var errors = new byte[512];
        var conf = api.ConfNew();
        Set(conf, "log_level", "3");
        IntPtr client;
        fixed (byte* errorText = errors)
        {
            client = api.New(ProducerType, conf, errorText, (nuint)errors.Length);
        }

        if (client == IntPtr.Zero)
        {
            throw new InvalidOperationException($"rd_kafka_new failed: {Encoding.UTF8.GetString(errors).TrimEnd('\0')}");
        }

        var cluster = api.ClusterNew(client, brokers);
        if (cluster == IntPtr.Zero)
        {
            api.Destroy(client);
            throw new InvalidOperationException("rd_kafka_mock_cluster_new failed (see librdkafka's log on stderr).");
        }

        var started = new EmbeddedKafkaCluster(client, cluster, brokers);
        started.SetConsumerGroupTimings(DefaultGroupHeartbeatInterval, DefaultGroupSessionTimeout);
        return started;
    }

    /// <summary>
    /// Heartbeat interval the brokers give members of consumer groups on the new protocol (<c>group.protocol=consumer</c>,
    /// KIP-848) unless <see cref="SetConsumerGroupTimings"/> says otherwise: 500 ms, so a member that joins or leaves
    /// gets its partitions within about two heartbeats. (A real broker's default is 5 s.)
    /// </summary>
    public static readonly TimeSpan DefaultGroupHeartbeatInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Session timeout of members of consumer groups on the new protocol unless <see cref="SetConsumerGroupTimings"/>
    /// says otherwise: 6 s, how long a killed consumer keeps its partitions. (A real broker's default is 45 s.)
    /// Groups on the classic protocol use the session timeout their consumers ask for.
    /// </summary>
    public static readonly TimeSpan DefaultGroupSessionTimeout = TimeSpan.FromSeconds(6);

    /// <summary>
    /// Sets the heartbeat interval and session timeout that the brokers give members of consumer groups on the new
    /// protocol (<c>group.protocol=consumer</c>); takes effect as members heartbeat. Both in milliseconds, at least 1 ms.
    /// </summary>
    public void SetConsumerGroupTimings(TimeSpan heartbeatInterval, TimeSpan sessionTimeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(heartbeatInterval, TimeSpan.FromMilliseconds(1));
        ArgumentOutOfRangeException.ThrowIfLessThan(sessionTimeout, heartbeatInterval);
        lock (_gate)
        {
            var cluster = LiveCluster();
            LibrdkafkaMock.Api.SetGroupConsumerHeartbeatInterval(cluster, (int)heartbeatInterval.TotalMilliseconds);
            LibrdkafkaMock.Api.SetGroupConsumerSessionTimeout(cluster, (int)sessionTimeout.TotalMilliseconds);
        }
    }

    /// <summary>Creates a topic (replication factor at most <see cref="Brokers"/>).</summary>
    public void CreateTopic(string topic, int partitions, int replicationFactor = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        Call($"create topic '{topic}'", c => WithUtf8(topic, t => LibrdkafkaMock.Api.TopicCreate(c, t, partitions, replicationFactor)));
    }

    /// <summary>Deletes a topic and its messages.</summary>
    public void DeleteTopic(string topic) =>
        Call($"delete topic '{topic}'", c => WithUtf8(topic, t => LibrdkafkaMock.Api.TopicDelete(c, t)));

    /// <summary>Deletes the messages of a partition below <paramref name="beforeOffset"/> (moves the log start, as retention does).</summary>
    public void DeleteRecords(string topic, int partition, long beforeOffset) =>
        Call($"delete records of '{topic}'[{partition}]",
            c => WithUtf8(topic, t => LibrdkafkaMock.Api.PartitionDeleteRecords(c, t, partition, beforeOffset)));

    /// <summary>Takes a broker down: its connections close and new ones are refused until <see cref="SetBrokerUp"/>.</summary>
    public void SetBrokerDown(int brokerId) =>
        Call($"take broker {brokerId} down", c => LibrdkafkaMock.Api.BrokerSetDown(c, brokerId));

    /// <summary>Brings a broker taken down back up.</summary>
    public void SetBrokerUp(int brokerId) =>
        Call($"bring broker {brokerId} up", c => LibrdkafkaMock.Api.BrokerSetUp(c, brokerId));

    /// <summary>
    /// Makes the next requests of the Kafka API <paramref name="apiKey"/> (for example 9 = OffsetFetch,
    /// 2 = ListOffsets) fail with the given Kafka error codes, one per request, in order.
    /// </summary>
    public void PushRequestErrors(short apiKey, params int[] errorCodes)
    {
        ArgumentNullException.ThrowIfNull(errorCodes);
        lock (_gate)
        {
            fixed (int* codes = errorCodes)
            {
                LibrdkafkaMock.Api.PushRequestErrorsArray(LiveCluster(), apiKey, (nuint)errorCodes.Length, codes);
            }
        }
    }

    /// <summary>Removes errors pushed with <see cref="PushRequestErrors"/> that were not yet returned.</summary>
    public void ClearRequestErrors(short apiKey)
    {
        lock (_gate)
        {
            LibrdkafkaMock.Api.ClearRequestErrors(LiveCluster(), apiKey);
        }
    }

    /// <summary>Stops the brokers and frees the cluster. Safe to call twice.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_cluster != IntPtr.Zero)
            {
                LibrdkafkaMock.Api.ClusterDestroy(_cluster);
                _cluster = IntPtr.Zero;
            }

            if (_client != IntPtr.Zero)
            {
                LibrdkafkaMock.Api.Destroy(_client);
                _client = IntPtr.Zero;
            }
        }
    }

    private void Call(string what, Func<IntPtr, int> call)
    {
        int error;
        lock (_gate)
        {
            error = call(LiveCluster());
        }

        if (error != 0)
        {
            var text = Marshal.PtrToStringUTF8(LibrdkafkaMock.Api.ErrorToString(error));
            throw new InvalidOperationException($"Embedded Kafka could not {what}: {text} (error {error}).");
        }
    }

    private IntPtr LiveCluster() =>
        _cluster != IntPtr.Zero ? _cluster : throw new ObjectDisposedException(nameof(EmbeddedKafkaCluster));

    private static int WithUtf8(string text, Func<IntPtr, int> call)
    {
        var bytes = Encoding.UTF8.GetBytes(text + "\0");
        fixed (byte* pointer = bytes)
        {
            return call((IntPtr)pointer);
        }
    }

    private static void Set(IntPtr conf, string name, string value)
    {
        var errors = new byte[256];
        var nameBytes = Encoding.UTF8.GetBytes(name + "\0");
        var valueBytes = Encoding.UTF8.GetBytes(value + "\0");
        fixed (byte* n = nameBytes, v = valueBytes, e = errors)
        {
            _ = LibrdkafkaMock.Api.ConfSet(conf, n, v, e, (nuint)errors.Length);
        }
    }
}
