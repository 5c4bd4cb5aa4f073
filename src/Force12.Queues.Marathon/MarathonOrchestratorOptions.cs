namespace Force12.Queues.Marathon;

/// <summary>Agent-wide settings of the <c>marathon</c> orchestrator (<c>orchestrators.marathon</c>).</summary>
public sealed record MarathonOrchestratorOptions
{
    /// <summary>Marathon's REST API; default <c>http://127.0.0.1:8080</c>.</summary>
    public Uri Url { get; init; } = new("http://127.0.0.1:8080");

    /// <summary>HTTP basic user name; null (the default) sends no credentials.</summary>
    public string? Username { get; init; }

    /// <summary>HTTP basic password, sent with <see cref="Username"/>.</summary>
    public string? Password { get; init; }

    /// <summary>Limit of one HTTP request; default 10 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Tries of a write that Marathon refuses while a deployment locks the app (HTTP 409); default 5.</summary>
    public int LockedRetries { get; init; } = 5;

    /// <summary>Wait before the first retry, doubled after each; default 200 ms.</summary>
    public TimeSpan LockedRetryBackoff { get; init; } = TimeSpan.FromMilliseconds(200);
}
