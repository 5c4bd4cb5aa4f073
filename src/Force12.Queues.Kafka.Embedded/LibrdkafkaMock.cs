using System.Runtime.InteropServices;
using Confluent.Kafka;

namespace Force12.Queues.Kafka.Embedded;

/// <summary>
/// Entry points of librdkafka's mock cluster, bound to the very library Confluent.Kafka loaded:
/// a second copy of librdkafka in one process crashes, and on Debian Confluent.Kafka falls back to
/// a build (centos8-librdkafka.so) that a plain <c>DllImport("librdkafka")</c> would not find.
/// So we let Confluent.Kafka load it, read its path from the process's memory map, and open that
/// same file again (dlopen of a loaded path returns the loaded copy).
/// </summary>
internal static unsafe class LibrdkafkaMock
{
    private static readonly Lazy<Exports> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Exports Api => Loaded.Value;

    /// <summary>The path of the librdkafka that Confluent.Kafka loaded.</summary>
    public static string LibraryPath => Loaded.Value.Path;

    private static Exports Load()
    {
        Library.Load();
        var path = FindLoadedLibrdkafka()
            ?? throw new InvalidOperationException(
                "Confluent.Kafka reports librdkafka as loaded, but no librdkafka appears in /proc/self/maps; the embedded Kafka needs Linux.");
        var handle = NativeLibrary.Load(path);
        return new Exports(path, handle);
    }

    private static string? FindLoadedLibrdkafka()
    {
        const string maps = "/proc/self/maps";
        if (!File.Exists(maps))
        {
            return null;
        }

        return File.ReadLines(maps)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 6)
            .Select(fields => string.Join(' ', fields.Skip(5)))
            .FirstOrDefault(file => Path.GetFileName(file).Contains("librdkafka", StringComparison.Ordinal));
    }

    internal sealed class Exports
    {
        public Exports(string path, IntPtr handle)
        {
            Path = path;
            ConfNew = (delegate* unmanaged<IntPtr>)Get(handle, "rd_kafka_conf_new");
            ConfSet = (delegate* unmanaged<IntPtr, byte*, byte*, byte*, nuint, int>)Get(handle, "rd_kafka_conf_set");
            New = (delegate* unmanaged<int, IntPtr, byte*, nuint, IntPtr>)Get(handle, "rd_kafka_new");
            Destroy = (delegate* unmanaged<IntPtr, void>)Get(handle, "rd_kafka_destroy");
            ClusterNew = (delegate* unmanaged<IntPtr, int, IntPtr>)Get(handle, "rd_kafka_mock_cluster_new");
            ClusterDestroy = (delegate* unmanaged<IntPtr, void>)Get(handle, "rd_kafka_mock_cluster_destroy");
            Bootstraps = (delegate* unmanaged<IntPtr, IntPtr>)Get(handle, "rd_kafka_mock_cluster_bootstraps");
            TopicCreate = (delegate* unmanaged<IntPtr, IntPtr, int, int, int>)Get(handle, "rd_kafka_mock_topic_create");
            TopicDelete = (delegate* unmanaged<IntPtr, IntPtr, int>)Get(handle, "rd_kafka_mock_topic_delete");
            BrokerSetDown = (delegate* unmanaged<IntPtr, int, int>)Get(handle, "rd_kafka_mock_broker_set_down");
            BrokerSetUp = (delegate* unmanaged<IntPtr, int, int>)Get(handle, "rd_kafka_mock_broker_set_up");
            PartitionDeleteRecords = (delegate* unmanaged<IntPtr, IntPtr, int, long, int>)Get(handle, "rd_kafka_mock_partition_delete_records");
            PushRequestErrorsArray = (delegate* unmanaged<IntPtr, short, nuint, int*, void>)Get(handle, "rd_kafka_mock_push_request_errors_array");
            ClearRequestErrors = (delegate* unmanaged<IntPtr, short, void>)Get(handle, "rd_kafka_mock_clear_request_errors");
            ErrorToString = (delegate* unmanaged<int, IntPtr>)Get(handle, "rd_kafka_err2str");
            SetGroupConsumerSessionTimeout = (delegate* unmanaged<IntPtr, int, void>)Get(handle, "rd_kafka_mock_set_group_consumer_session_timeout_ms");
            SetGroupConsumerHeartbeatInterval = (delegate* unmanaged<IntPtr, int, void>)Get(handle, "rd_kafka_mock_set_group_consumer_heartbeat_interval_ms");
        }

        public string Path { get; }
        public delegate* unmanaged<IntPtr> ConfNew { get; }
        public delegate* unmanaged<IntPtr, byte*, byte*, byte*, nuint, int> ConfSet { get; }
        public delegate* unmanaged<int, IntPtr, byte*, nuint, IntPtr> New { get; }
        public delegate* unmanaged<IntPtr, void> Destroy { get; }
        public delegate* unmanaged<IntPtr, int, IntPtr> ClusterNew { get; }
        public delegate* unmanaged<IntPtr, void> ClusterDestroy { get; }
        public delegate* unmanaged<IntPtr, IntPtr> Bootstraps { get; }
        public delegate* unmanaged<IntPtr, IntPtr, int, int, int> TopicCreate { get; }
        public delegate* unmanaged<IntPtr, IntPtr, int> TopicDelete { get; }
        public delegate* unmanaged<IntPtr, int, int> BrokerSetDown { get; }
        public delegate* unmanaged<IntPtr, int, int> BrokerSetUp { get; }
        public delegate* unmanaged<IntPtr, IntPtr, int, long, int> PartitionDeleteRecords { get; }
        public delegate* unmanaged<IntPtr, short, nuint, int*, void> PushRequestErrorsArray { get; }
        public delegate* unmanaged<IntPtr, short, void> ClearRequestErrors { get; }
        public delegate* unmanaged<int, IntPtr> ErrorToString { get; }
        public delegate* unmanaged<IntPtr, int, void> SetGroupConsumerSessionTimeout { get; }
        public delegate* unmanaged<IntPtr, int, void> SetGroupConsumerHeartbeatInterval { get; }

        private static IntPtr Get(IntPtr handle, string name) => NativeLibrary.GetExport(handle, name);
    }
}
