using System.Globalization;
using System.Text;
using Confluent.Kafka;

namespace Force12.Queues.Kafka.Lag;

/// <summary>
/// Shares one librdkafka admin client among the collectors that read the same cluster with the same client settings
/// (bootstrap servers, request timeout and every librdkafka property), so ten pipelines on one cluster cost one
/// client (its threads, connections and buffers) instead of ten. A client lives while at least one lease holds it.
/// The holders also share one Metadata request per moment (<see cref="SharedClusterMetadata"/>).
/// A released lease also retires its client from the pool: the next <see cref="Acquire"/> builds a fresh one (what a
/// collector wants after a failed poll), while the other holders keep theirs until they release it too.
/// A client is disposed only when no lease holds it and no blocking call (Metadata) runs on it. Thread-safe.
/// </summary>
internal sealed class KafkaAdminClientPool
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _clients = new(StringComparer.Ordinal);
    private readonly Func<KafkaLagCollectorOptions, CredentialFailureWatch, IAdminClient> _create;

    public KafkaAdminClientPool()
        : this(Build)
    {
    }

    internal KafkaAdminClientPool(Func<KafkaLagCollectorOptions, CredentialFailureWatch, IAdminClient> create)
    {
        _create = create;
    }

    /// <summary>Clients the pool currently hands out (tests and diagnostics).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _clients.Count;
            }
        }
    }

    /// <summary>A lease on the client for <paramref name="options"/>'s cluster and settings; dispose it when done.</summary>
    public Lease Acquire(KafkaLagCollectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var key = Key(options);
        lock (_lock)
        {
            if (!_clients.TryGetValue(key, out var entry))
            {
                var credentials = new CredentialFailureWatch();
                var client = _create(options, credentials);
                Entry? created = null;
                var metadata = new SharedClusterMetadata(() => Call(created!, () => client.GetMetadata(options.RequestTimeout)), TimeProvider.System);
                entry = created = new Entry(key, client, credentials, metadata);
                _clients.Add(key, entry);
            }

            entry.Leases++;
            return new Lease(this, entry);
        }
    }

    private void Release(Entry entry)
    {
        bool last;
        lock (_lock)
        {
            if (_clients.TryGetValue(entry.Key, out var current) && ReferenceEquals(current, entry))
            {
                _clients.Remove(entry.Key);
            }

            entry.Leases--;
            last = IsIdle(entry);
        }

        if (last)
        {
            entry.Client.Dispose();
        }
    }

    // A blocking call (Metadata) runs on the client: librdkafka must not destroy a handle under a running call (the
    // destroy waits for the call's timeout, or aborts the process), so the last of the call and the leases disposes it.
    private T Call<T>(Entry entry, Func<T> call)
    {
        lock (_lock)
        {
            entry.Calls++;
        }

        try
        {
            return call();
        }
        finally
        {
            bool last;
            lock (_lock)
            {
                entry.Calls--;
                last = IsIdle(entry);
            }

            if (last)
            {
                entry.Client.Dispose();
            }
        }
    }

    // Under _lock: true once, when neither a lease nor a call holds the client any more.
    private static bool IsIdle(Entry entry)
    {
        if (entry.Leases > 0 || entry.Calls > 0 || entry.Disposed)
        {
            return false;
        }

        entry.Disposed = true;
        return true;
    }

    // Holds secrets (SASL passwords): kept in memory as a dictionary key only, never logged or shown.
    private static string Key(KafkaLagCollectorOptions options)
    {
        var key = new StringBuilder()
            .Append(options.BootstrapServers).Append('\n')
            .Append(options.RequestTimeout.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var (name, value) in options.ClientConfig.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            key.Append(name).Append('=').Append(value).Append('\n');
        }

        return key.ToString();
    }

    internal static IAdminClient Build(KafkaLagCollectorOptions options, CredentialFailureWatch credentials)
    {
        var config = new AdminClientConfig(new Dictionary<string, string>(options.ClientConfig))
        {
            BootstrapServers = options.BootstrapServers,
            SocketTimeoutMs = (int)options.RequestTimeout.TotalMilliseconds,
        };
        return new AdminClientBuilder(config)
            .SetLogHandler((_, _) => { })
            .SetErrorHandler((_, error) => credentials.Observe(error))
            .Build();
    }

    /// <summary>One holder's use of a shared client.</summary>
    internal sealed class Lease : IDisposable
    {
        private readonly KafkaAdminClientPool _pool;
        private Entry? _entry;

        internal Lease(KafkaAdminClientPool pool, Entry entry)
        {
            _pool = pool;
            _entry = entry;
            Client = entry.Client;
            Credentials = entry.Credentials;
            Metadata = entry.Metadata;
        }

        /// <summary>The shared admin client.</summary>
        public IAdminClient Client { get; }

        /// <summary>Credential errors that librdkafka reported to the shared client's error handler.</summary>
        public CredentialFailureWatch Credentials { get; }

        /// <summary>The cluster's metadata, one request shared by the holders that ask at the same moment.</summary>
        public SharedClusterMetadata Metadata { get; }

        /// <summary>Gives the client back (disposing it if this was the last lease) and retires it from the pool.</summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _entry, null) is { } entry)
            {
                _pool.Release(entry);
            }
        }
    }

    internal sealed class Entry(string key, IAdminClient client, CredentialFailureWatch credentials, SharedClusterMetadata metadata)
    {
        public string Key { get; } = key;

        public IAdminClient Client { get; } = client;

        public CredentialFailureWatch Credentials { get; } = credentials;

        public SharedClusterMetadata Metadata { get; } = metadata;

        public int Leases { get; set; }

        /// <summary>Blocking calls running on <see cref="Client"/>.</summary>
        public int Calls { get; set; }

        /// <summary>Whether <see cref="Client"/> was disposed (or is being disposed).</summary>
        public bool Disposed { get; set; }
    }
}
