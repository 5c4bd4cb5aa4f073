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
    public ILagSource? Read(SectionReader settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.RejectUnknown("kind", "bootstrapServers", "group", "topics", "topicPattern", "resetPolicy", "timeLag",
            "unknownGroup", "requestTimeout", "stallAfter", "client", "clientSecretFiles");
        var defaults = new KafkaLagCollectorOptions();
        var options = new KafkaLagCollectorOptions
        {
            BootstrapServers = settings.Text("bootstrapServers", required: true) ?? "",
            GroupId = settings.Text("group", required: true) ?? "",
            Topics = settings.List("topics"),
            TopicPattern = settings.Text("topicPattern"),
            ResetPolicy = Choice(settings, "resetPolicy", OffsetResetPolicy.Earliest),
            TimeLag = Choice(settings, "timeLag", KafkaTimeLagMode.Estimated),
            UnknownGroup = Choice(settings, "unknownGroup", KafkaUnknownGroupMode.Error),
            RequestTimeout = settings.Duration("requestTimeout", defaults.RequestTimeout, positive: true),
            StallAfter = settings.Duration("stallAfter", defaults.StallAfter, positive: true),
            ClientConfig = ClientConfig(settings),
        };
        if (options.Topics.Count > 0 && options.TopicPattern is not null)
        {
            settings.Fail("topicPattern", "set either topics or topicPattern, not both");
        }

        if (options.BacklogModeLacksTopics)
        {
            settings.Fail("unknownGroup", "'backlog' needs topics or topicPattern: a group that never committed has no topics of its own to watch");
        }

        // Required fields and unknownGroup were reported above under their keys; the collector's own rules report the rest.
        var problems = options.Validate().Where(e => !e.StartsWith("BootstrapServers is required", StringComparison.Ordinal)
            && !e.StartsWith("GroupId is required", StringComparison.Ordinal)
            && !e.StartsWith("UnknownGroup ", StringComparison.Ordinal)).ToArray();
        foreach (var problem in problems)
        {
            settings.Fail(null, problem);
        }

        return options.Validate().Count == 0 ? new KafkaLagSource(options, _clients) : null;
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
        var config = new Dictionary<string, string>(settings.Map("client"), StringComparer.Ordinal);
        foreach (var (property, path) in settings.Map("clientSecretFiles"))
        {
            try
            {
                config[property] = File.ReadAllText(path).TrimEnd('\r', '\n');
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The message names the file, never its content.
                settings.Child("clientSecretFiles").Fail(property, $"cannot read '{path}': {e.Message}");
            }
        }

        return config;
    }
}
