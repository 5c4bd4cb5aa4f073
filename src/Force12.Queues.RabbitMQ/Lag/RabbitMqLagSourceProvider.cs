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
    public ILagSource? Read(SectionReader settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.RejectUnknown("kind", "queues", "managementUrl", "username", "password", "virtualHost", "requestTimeout", "stallAfter");
        var defaults = new RabbitMqLagCollectorOptions();
        var url = settings.Text("managementUrl");
        Uri? managementUrl = defaults.ManagementUrl;
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out managementUrl) || managementUrl.Scheme is not ("http" or "https")))
        {
            settings.Fail("managementUrl", $"'{url}' is not an absolute http or https URL");
            managementUrl = null;
        }

        var queues = settings.List("queues");
        if (queues.Count == 0)
        {
            settings.Fail("queues", "is required: at least one queue name");
        }
        else if (queues.Any(string.IsNullOrWhiteSpace))
        {
            settings.Fail("queues", "contains an empty queue name");
        }

        var options = defaults with
        {
            ManagementUrl = managementUrl ?? defaults.ManagementUrl,
            Username = settings.Text("username", fallback: defaults.Username)!,
            Password = settings.Text("password", fallback: defaults.Password)!,
            VirtualHost = settings.Text("virtualHost", fallback: defaults.VirtualHost)!,
            Queues = queues,
            RequestTimeout = settings.Duration("requestTimeout", defaults.RequestTimeout, positive: true),
            StallAfter = settings.Duration("stallAfter", defaults.StallAfter, positive: true),
        };
        return managementUrl is null || options.Validate().Count > 0 ? null : new RabbitMqLagSource(options);
    }
}
