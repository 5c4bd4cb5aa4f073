namespace Force12.Queues.RabbitMQ.Lag;

/// <summary>What a <see cref="RabbitMqLagCollector"/> watches and how; immutable.</summary>
public sealed record RabbitMqLagCollectorOptions
{
    /// <summary>Default <see cref="ManagementUrl"/>: <c>http://127.0.0.1:15672/</c>.</summary>
    public static readonly Uri DefaultManagementUrl = new("http://127.0.0.1:15672/");

    /// <summary>Base address of the management plugin's HTTP API. Default <see cref="DefaultManagementUrl"/>.</summary>
    public Uri ManagementUrl { get; init; } = DefaultManagementUrl;

    /// <summary>Management user. Default <c>guest</c>.</summary>
    public string Username { get; init; } = "guest";

    /// <summary>Management password; never logged or described. Default <c>guest</c>.</summary>
    public string Password { get; init; } = "guest";

    /// <summary>Virtual host of the queues. Default <c>/</c>.</summary>
    public string VirtualHost { get; init; } = "/";

    /// <summary>Queues to watch, one lag unit each; each must exist. At least one.</summary>
    public IReadOnlyList<string> Queues { get; init; } = [];

    /// <summary>Time limit of each HTTP request. Default 5 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long deliveries may stand still while the depth grows before a queue is stalled. Default 30 s.</summary>
    public TimeSpan StallAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Every problem with these options, each naming the field; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (ManagementUrl is null || !ManagementUrl.IsAbsoluteUri || ManagementUrl.Scheme is not ("http" or "https"))
        {
            errors.Add($"{nameof(ManagementUrl)} must be an absolute http or https URL, was '{ManagementUrl}'.");
        }

        if (string.IsNullOrEmpty(Username))
        {
            errors.Add($"{nameof(Username)} is required.");
        }

        if (string.IsNullOrEmpty(VirtualHost))
        {
            errors.Add($"{nameof(VirtualHost)} is required (the default virtual host is '/').");
        }

        if (Queues.Count == 0)
        {
            errors.Add($"{nameof(Queues)} must name at least one queue.");
        }
        else if (Queues.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add($"{nameof(Queues)} contains an empty queue name.");
        }

        if (RequestTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(RequestTimeout)} must be positive, was {RequestTimeout}.");
        }

        if (StallAfter <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(StallAfter)} must be positive, was {StallAfter}.");
        }

        return errors;
    }
}
