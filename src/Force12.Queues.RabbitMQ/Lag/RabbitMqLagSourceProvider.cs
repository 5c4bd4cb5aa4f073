using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Lag;

namespace Force12.Queues.RabbitMQ.Lag;

/// <summary>
/// Source kind <c>rabbitmq</c>. Settings: <c>queues</c> (required list), <c>managementUrl</c> (default
/// http://127.0.0.1:15672/), <c>username</c> and <c>password</c> (default guest/guest), <c>virtualHost</c>
/// (default /), <c>requestTimeout</c> (default 5s), <c>stallAfter</c> (default 30s).
/// </summary>
public sealed class RabbitMqLagSourceProvider : ILagSourceProvider
{
    /// <summary>The kind name: <c>rabbitmq</c>.</summary>
    public const string SourceKind = "rabbitmq";

    /// <inheritdoc />
    public string Kind => SourceKind;

    /// <inheritdoc />
    public IReadOnlyList<string> Keys => RabbitMqSourceKeys.All;

    /// <inheritdoc />
    public ILagSource? Read(SectionReader settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var defaults = new RabbitMqLagCollectorOptions();
        var url = settings.Text(RabbitMqSourceKeys.ManagementUrl);
        Uri? managementUrl = defaults.ManagementUrl;
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out managementUrl) || managementUrl.Scheme is not ("http" or "https")))
        {
            settings.Fail(RabbitMqSourceKeys.ManagementUrl, $"'{url}' is not an absolute http or https URL");
            managementUrl = null;
        }

        var options = defaults with
        {
            ManagementUrl = managementUrl ?? defaults.ManagementUrl,
            Username = settings.Text(RabbitMqSourceKeys.Username, fallback: defaults.Username)!,
            Password = settings.Text(RabbitMqSourceKeys.Password, fallback: defaults.Password)!,
            VirtualHost = settings.Text(RabbitMqSourceKeys.VirtualHost, fallback: defaults.VirtualHost)!,
            Queues = settings.List(RabbitMqSourceKeys.Queues),
            RequestTimeout = settings.Duration(RabbitMqSourceKeys.RequestTimeout, defaults.RequestTimeout, positive: true),
            StallAfter = settings.Duration(RabbitMqSourceKeys.StallAfter, defaults.StallAfter, positive: true),
        };

        // Validated once, here; the collector made from the source trusts these options.
        var problems = RabbitMqLagCollectorOptionsValidator.Validate(options);
        foreach (var problem in problems)
        {
            settings.Fail(problem);
        }

        return managementUrl is null || problems.Count > 0 ? null : new RabbitMqLagSource(options);
    }
}
