using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Lag;
using Force12.Queues.Kafka.Lag;

namespace Force12.Queues.Kafka.Configuration;

/// <summary>
/// Reads a pipeline's <c>source</c> section of kind <c>kafka</c>:
/// <c>bootstrapServers</c> (required), <c>group</c> (required), <c>topics</c> (list) or <c>topicPattern</c>,
/// <c>resetPolicy</c> (<c>earliest</c> default, or <c>latest</c>), <c>timeLag</c> (<c>estimated</c> default, or
/// <c>exact</c>), <c>unknownGroup</c> (<c>error</c> default, or <c>backlog</c>: a group with no commits that the cluster
/// does not know counts as a group without commits, which needs <c>topics</c> or <c>topicPattern</c>), <c>requestTimeout</c> (default 10s), <c>stallAfter</c> (default 30s), <c>client</c> (librdkafka
/// properties passed through, for example <c>security.protocol</c>), and <c>clientSecretFiles</c> (librdkafka
/// properties whose values are read from files, for example <c>sasl.password: /run/secrets/kafka</c>).
/// Secrets may also come from the environment: <c>FORCE12__pipelines__NAME__source__client__sasl.password</c>.
/// The pipelines read by one provider share one librdkafka admin client per cluster and client settings.
/// </summary>
public sealed class KafkaLagSourceProvider : ILagSourceProvider
{
    private readonly KafkaAdminClientPool _clients = new();

    /// <inheritdoc />
    public string Kind => KafkaLagCollector.KindName;

    /// <inheritdoc />
    public IReadOnlyList<string> Keys => KafkaSourceKeys.All;

    /// <inheritdoc />
    public ILagSource? Read(SectionReader settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var defaults = new KafkaLagCollectorOptions();
        var options = new KafkaLagCollectorOptions
        {
            BootstrapServers = settings.Text(KafkaSourceKeys.BootstrapServers) ?? "",
            GroupId = settings.Text(KafkaSourceKeys.Group) ?? "",
            Topics = settings.List(KafkaSourceKeys.Topics),
            TopicPattern = settings.Text(KafkaSourceKeys.TopicPattern),
            ResetPolicy = Choice(settings, KafkaSourceKeys.ResetPolicy, OffsetResetPolicy.Earliest),
            TimeLag = Choice(settings, KafkaSourceKeys.TimeLag, KafkaTimeLagMode.Estimated),
            UnknownGroup = Choice(settings, KafkaSourceKeys.UnknownGroup, KafkaUnknownGroupMode.Error),
            RequestTimeout = settings.Duration(KafkaSourceKeys.RequestTimeout, defaults.RequestTimeout, positive: true),
            StallAfter = settings.Duration(KafkaSourceKeys.StallAfter, defaults.StallAfter, positive: true),
            ClientConfig = ClientConfig(settings),
        };
        var bothTopicSettings = options.Topics.Count > 0 && options.TopicPattern is not null;
        if (bothTopicSettings)
        {
            settings.Fail(KafkaSourceKeys.TopicPattern, $"set either {KafkaSourceKeys.Topics} or {KafkaSourceKeys.TopicPattern}, not both");
        }

        // Validated once, here; the collector made from the source trusts these options.
        var problems = KafkaLagCollectorOptionsValidator.Validate(options);
        foreach (var problem in problems)
        {
            settings.Fail(problem);
        }

        return problems.Count == 0 && !bothTopicSettings ? new KafkaLagSource(options, _clients) : null;
    }

    private static T Choice<T>(SectionReader settings, string key, T fallback)
        where T : struct, Enum
    {
        var text = settings.Text(key);
        if (text is null)
        {
            return fallback;
        }

        if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _))
        {
            return value;
        }

        settings.Fail(key, $"'{text}' is not one of {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}");
        return fallback;
    }

    private static Dictionary<string, string> ClientConfig(SectionReader settings)
    {
        var config = new Dictionary<string, string>(settings.Map(KafkaSourceKeys.Client), StringComparer.Ordinal);
        foreach (var (property, path) in settings.Map(KafkaSourceKeys.ClientSecretFiles))
        {
            try
            {
                config[property] = File.ReadAllText(path).TrimEnd('\r', '\n');
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The message names the file, never its content.
                settings.Child(KafkaSourceKeys.ClientSecretFiles).Fail(property, $"cannot read '{path}': {e.Message}");
            }
        }

        return config;
    }
}
