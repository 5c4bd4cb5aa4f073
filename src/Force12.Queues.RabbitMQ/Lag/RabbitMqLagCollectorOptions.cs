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

    /// <summary>Every problem with these options, each as <c>&lt;key&gt;: &lt;problem&gt;</c> (see <see cref="RabbitMqLagCollectorOptionsValidator"/>); empty when valid.</summary>
    public IReadOnlyList<string> Validate() => RabbitMqLagCollectorOptionsValidator.Validate(this).Select(p => p.ToString()).ToArray();
}
