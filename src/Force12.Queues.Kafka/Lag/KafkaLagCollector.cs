using System.Text.RegularExpressions;
using Confluent.Kafka;
using Force12.Queues.Core.Lag;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Kafka.Lag;

/// <summary>
/// Measures a Kafka consumer group's lag per partition in bulk: one Metadata request, one
/// OffsetFetch for the whole group, ListOffsets in batches (in parallel), and, only where needed,
/// one bulk fetch for exact timestamps. Time lag is estimated by default (see <see cref="KafkaTimeLagMode"/>).
/// Keep one instance per group and call <see cref="CollectAsync"/> once per poll interval: rates,
/// estimates and stall detection come from the history between calls. One call at a time per instance.
/// </summary>
public sealed class KafkaLagCollector : ILagCollector, IDisposable
{
    /// <summary>The <see cref="Kind"/> of this collector.</summary>
    public const string KindName = "kafka";

    private readonly KafkaLagCollectorOptions _options;
    private readonly Func<IKafkaOffsetsClient> _clientFactory;
    private IKafkaOffsetsClient? _client;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly LagTracker _tracker;
    private readonly Regex? _pattern;
    private bool _lastFailed;

    /// <summary>Creates a collector; throws <see cref="ArgumentException"/> listing every invalid option.</summary>
    public KafkaLagCollector(KafkaLagCollectorOptions options, TimeProvider? timeProvider = null, ILogger<KafkaLagCollector>? logger = null)
        : this(Validated(options), null, timeProvider ?? TimeProvider.System, logger)
    {
    }

    /// <summary>Creates a collector on options that were validated already (by the public constructor or the source provider).</summary>
    internal KafkaLagCollector(KafkaLagCollectorOptions options, Func<IKafkaOffsetsClient>? clientFactory, TimeProvider timeProvider, ILogger? logger)
    {
        _options = options;
        _timeProvider = timeProvider;
        _clientFactory = clientFactory ?? (() => new ConfluentOffsetsClient(_options));
        _logger = logger ?? NullLogger.Instance;
        _pattern = _options.TopicPattern is { } p ? new Regex($"^(?:{p})$", RegexOptions.None, TimeSpan.FromSeconds(1)) : null;
        _tracker = new LagTracker(new LagTrackerOptions
        {
            ResetPolicy = _options.ResetPolicy,
            StallAfter = _options.StallAfter,
        });
    }

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    public async Task<LagCollectionResult> CollectAsync(CancellationToken cancellationToken)
    {
        LagCollectionResult result;
        try
        {
            _client ??= _clientFactory();
            result = await CollectOnceAsync(_client, cancellationToken).ConfigureAwait(false);
        }
        catch (PartitionReadException e)
        {
            result = Failed(KafkaErrorClassifier.Classify(e), e.Message);
        }
        catch (KafkaException e)
        {
            result = Failed(KafkaErrorClassifier.Classify(e.Error.Code), $"{e.Error.Reason} ({e.Error.Code})");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            result = Failed(LagErrorKind.Unreachable, $"no answer within {_options.RequestTimeout.TotalSeconds:0.###} s");
        }
        catch (TimeoutException e)
        {
            result = Failed(LagErrorKind.Unreachable, e.Message);
        }

        Report(result);
        return result;
    }

    /// <summary>Closes the Kafka clients.</summary>
    public void Dispose()
    {
        _client?.Dispose();
        _client = null;
    }

    private async Task<LagCollectionResult> CollectOnceAsync(IKafkaOffsetsClient client, CancellationToken cancellationToken)
    {
        var counts = await client.GetTopicPartitionCountsAsync(cancellationToken).ConfigureAwait(false);
        var missing = _options.Topics.Where(t => !counts.ContainsKey(t)).ToList();
        if (missing.Count > 0)
        {
            return Failed(LagErrorKind.StreamNotFound, $"topic(s) not found: {string.Join(", ", missing)}");
        }

        // With topics named, ask for exactly their partitions; with none, ask for whatever the group committed on.
        var watchesGroupTopics = _options.Topics.Count == 0 && _pattern is null;
        var named = watchesGroupTopics ? null : Partitions(SelectTopics(counts), counts);
        if (named is { Count: 0 })
        {
            return Failed(LagErrorKind.StreamNotFound, $"no topic matches the pattern '{_options.TopicPattern}'");
        }

        var offsetsTask = named is null ? null : client.ListOffsetsAsync(named, cancellationToken);
        var committedTask = client.FetchCommittedOffsetsAsync(_options.GroupId, named, cancellationToken);
        await Task.WhenAll(offsetsTask is null ? [committedTask] : [committedTask, offsetsTask]).ConfigureAwait(false);
        var committed = await committedTask.ConfigureAwait(false);
        // In Backlog mode the answer would not change anything: known or not, no commit means every partition follows the reset policy.
        if (committed.Count == 0 && _options.UnknownGroup == KafkaUnknownGroupMode.Error
            && await client.GroupExistsAsync(_options.GroupId, cancellationToken).ConfigureAwait(false) != true)
        {
            return Failed(LagErrorKind.UnknownGroup, "the group has no committed offsets and no members");
        }

        var partitions = named ?? Partitions(committed.Keys.Select(p => p.Topic).Where(counts.ContainsKey), counts);
        if (partitions.Count == 0)
        {
            return Failed(LagErrorKind.StreamNotFound, "no topic matches the configured topics or pattern");
        }

        var offsets = await (offsetsTask ?? client.ListOffsetsAsync(partitions, cancellationToken)).ConfigureAwait(false);
        var unanswered = partitions.Where(p => !offsets.ContainsKey(p)).ToList();
        if (unanswered.Count > 0)
        {
            // Leaving them out would report a smaller lag than the truth.
            return Failed(LagErrorKind.PartialFailure,
                $"no offsets returned for {unanswered.Count} partition(s), e.g. {ToUnit(unanswered[0])}");
        }

        var now = _timeProvider.GetUtcNow();
        var timestamps = await ReadExactTimestampsAsync(client, partitions, offsets, committed, cancellationToken).ConfigureAwait(false);

        var observations = partitions.Select(p => new LagObservation(
            ToUnit(p),
            offsets[p].Start,
            offsets[p].End,
            committed.TryGetValue(p, out var c) ? c : null,
            timestamps.TryGetValue(p, out var t) ? t : null));
        var units = _tracker.Observe(observations, now);
        return LagCollectionResult.Success(new LagSnapshot
        {
            SourceKind = KindName,
            Cluster = _options.BootstrapServers,
            Group = _options.GroupId,
            ObservedAt = now,
            Units = units,
            Totals = LagTotals.Sum([.. units]),
        });
    }

    private IEnumerable<string> SelectTopics(IReadOnlyDictionary<string, int> counts) =>
        _pattern is null ? _options.Topics : _options.Topics.Concat(counts.Keys.Where(t => _pattern.IsMatch(t)));

    private static List<TopicPartition> Partitions(IEnumerable<string> topics, IReadOnlyDictionary<string, int> counts) =>
        topics.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .SelectMany(t => Enumerable.Range(0, counts[t]).Select(p => new TopicPartition(t, p)))
            .ToList();

    private async Task<IReadOnlyDictionary<TopicPartition, DateTimeOffset>> ReadExactTimestampsAsync(
        IKafkaOffsetsClient client,
        List<TopicPartition> partitions,
        IReadOnlyDictionary<TopicPartition, (long Start, long End)> offsets,
        IReadOnlyDictionary<TopicPartition, long> committed,
        CancellationToken cancellationToken)
    {
        var positions = ExactTimestampPlan.Positions(partitions, offsets, committed, _options, _tracker);
        try
        {
            return await client.ReadTimestampsAsync(positions, cancellationToken).ConfigureAwait(false);
        }
        catch (KafkaException e) when (_options.TimeLag == KafkaTimeLagMode.Estimated)
        {
            KafkaLagCollectorLog.TimestampReadFailed(_logger, _options.GroupId, e);
            return new Dictionary<TopicPartition, DateTimeOffset>();
        }
    }

    internal static LagUnitId ToUnit(TopicPartition p) =>
        new(p.Topic, p.Partition.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <inheritdoc />
    public LagError Failure(LagErrorKind kind, string message) => new()
    {
        SourceKind = KindName,
        Cluster = _options.BootstrapServers,
        Group = _options.GroupId,
        Kind = kind,
        Message = message,
        ObservedAt = _timeProvider.GetUtcNow(),
    };

    private LagCollectionResult Failed(LagErrorKind kind, string message) => LagCollectionResult.Failure(Failure(kind, message));

    private void Report(LagCollectionResult result)
    {
        if (!result.Succeeded && result.Error.Kind is LagErrorKind.Unreachable or LagErrorKind.PartialFailure)
        {
            // librdkafka can keep a dead coordinator connection after an outage (OffsetFetch then times
            // out for good while other requests work): start from fresh clients on the next poll.
            Dispose();
        }

        if (!result.Succeeded)
        {
            KafkaLagCollectorLog.CollectionFailed(_logger, result.Error.Cluster, result.Error.Group, result.Error.Kind, result.Error.Message);
        }
        else if (_lastFailed)
        {
            KafkaLagCollectorLog.CollectionRecovered(_logger, _options.BootstrapServers, _options.GroupId);
        }

        _lastFailed = !result.Succeeded;
    }

    private static KafkaLagCollectorOptions Validated(KafkaLagCollectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        return errors.Count == 0
            ? options
            : throw new ArgumentException($"Invalid Kafka lag collector options: {string.Join("; ", errors)}", nameof(options));
    }
}
