using Force12.Queues.Core.Configuration;

namespace Force12.Queues.RabbitMQ.Lag;

/// <summary>
/// The rules of <see cref="RabbitMqLagCollectorOptions"/>, each problem named by its configuration key
/// (<see cref="RabbitMqSourceKeys"/>), so the <c>rabbitmq</c> source provider reports them under the user's path once.
/// </summary>
public static class RabbitMqLagCollectorOptionsValidator
{
    /// <summary>Every problem with <paramref name="options"/>; empty when valid.</summary>
    public static IReadOnlyList<SettingProblem> Validate(RabbitMqLagCollectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<SettingProblem>();
        void Fail(string key, string problem) => problems.Add(new SettingProblem(key, problem));
        if (options.ManagementUrl is null || !options.ManagementUrl.IsAbsoluteUri || options.ManagementUrl.Scheme is not ("http" or "https"))
        {
            Fail(RabbitMqSourceKeys.ManagementUrl, $"'{options.ManagementUrl}' is not an absolute http or https URL");
        }

        if (string.IsNullOrEmpty(options.Username))
        {
            Fail(RabbitMqSourceKeys.Username, "is required");
        }

        if (string.IsNullOrEmpty(options.VirtualHost))
        {
            Fail(RabbitMqSourceKeys.VirtualHost, "is required (the default virtual host is '/')");
        }

        if (options.Queues.Count == 0)
        {
            Fail(RabbitMqSourceKeys.Queues, "is required: at least one queue name");
        }
        else if (options.Queues.Any(string.IsNullOrWhiteSpace))
        {
            Fail(RabbitMqSourceKeys.Queues, "contains an empty queue name");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            Fail(RabbitMqSourceKeys.RequestTimeout, $"must be positive (was {QuantityParser.FormatDuration(options.RequestTimeout)})");
        }

        if (options.StallAfter <= TimeSpan.Zero)
        {
            Fail(RabbitMqSourceKeys.StallAfter, $"must be positive (was {QuantityParser.FormatDuration(options.StallAfter)})");
        }

        return problems;
    }
}
