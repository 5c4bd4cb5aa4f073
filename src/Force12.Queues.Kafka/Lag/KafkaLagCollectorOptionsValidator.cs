using System.Globalization;
using System.Text.RegularExpressions;
using Force12.Queues.Core.Configuration;
using Force12.Queues.Kafka.Configuration;

namespace Force12.Queues.Kafka.Lag;

/// <summary>
/// The rules of <see cref="KafkaLagCollectorOptions"/>, each problem named by its configuration key
/// (<see cref="KafkaSourceKeys"/>), so the <c>kafka</c> source provider reports them under the user's path once.
/// </summary>
public static class KafkaLagCollectorOptionsValidator
{
    // Tuning settings the configuration file does not expose; named as keys would be.
    private const string ExactLookupBudget = "exactLookupBudget";
    private const string PartitionsPerRequest = "partitionsPerRequest";
    private const string MaxParallelRequests = "maxParallelRequests";

    /// <summary>Every problem with <paramref name="options"/>; empty when valid.</summary>
    public static IReadOnlyList<SettingProblem> Validate(KafkaLagCollectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<SettingProblem>();
        void Fail(string key, string problem) => problems.Add(new SettingProblem(key, problem));
        if (string.IsNullOrWhiteSpace(options.BootstrapServers))
        {
            Fail(KafkaSourceKeys.BootstrapServers, "is required (host:port[,host:port...])");
        }

        if (string.IsNullOrWhiteSpace(options.GroupId))
        {
            Fail(KafkaSourceKeys.Group, "is required");
        }

        if (options.Topics.Any(string.IsNullOrWhiteSpace))
        {
            Fail(KafkaSourceKeys.Topics, "contains an empty topic name");
        }

        if (options.TopicPattern is { } pattern && !IsValidRegex(pattern))
        {
            Fail(KafkaSourceKeys.TopicPattern, $"'{pattern}' is not a valid regular expression");
        }

        if (options.BacklogModeLacksTopics)
        {
            Fail(KafkaSourceKeys.UnknownGroup, $"'backlog' needs {KafkaSourceKeys.Topics} or {KafkaSourceKeys.TopicPattern}: a group that never committed has no topics of its own to watch");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            Fail(KafkaSourceKeys.RequestTimeout, $"must be positive (was {QuantityParser.FormatDuration(options.RequestTimeout)})");
        }

        if (options.StallAfter <= TimeSpan.Zero)
        {
            Fail(KafkaSourceKeys.StallAfter, $"must be positive (was {QuantityParser.FormatDuration(options.StallAfter)})");
        }

        if (options.ExactLookupBudget < 0)
        {
            Fail(ExactLookupBudget, string.Create(CultureInfo.InvariantCulture, $"must be 0 or more (was {options.ExactLookupBudget})"));
        }

        if (options.PartitionsPerRequest < 1)
        {
            Fail(PartitionsPerRequest, string.Create(CultureInfo.InvariantCulture, $"must be at least 1 (was {options.PartitionsPerRequest})"));
        }

        if (options.MaxParallelRequests < 1)
        {
            Fail(MaxParallelRequests, string.Create(CultureInfo.InvariantCulture, $"must be at least 1 (was {options.MaxParallelRequests})"));
        }

        return problems;
    }

    private static bool IsValidRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
