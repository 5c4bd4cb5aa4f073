namespace Force12.Queues.Nomad;

/// <summary>Agent-wide settings of the <c>nomad</c> orchestrator (<c>orchestrators.nomad</c>).</summary>
public sealed record NomadOrchestratorOptions
{
    /// <summary>The Nomad HTTP API; default <c>http://127.0.0.1:4646</c> (the CLI's default).</summary>
    public Uri Address { get; init; } = new("http://127.0.0.1:4646");

    /// <summary>ACL token sent as <c>X-Nomad-Token</c>; null (the default) sends none.</summary>
    public string? Token { get; init; }

    /// <summary>Namespace of the jobs, sent as <c>?namespace=</c>; default <c>default</c>.</summary>
    public string Namespace { get; init; } = "default";

    /// <summary>Region requests are forwarded to, sent as <c>?region=</c>; null (the default) is the server's own.</summary>
    public string? Region { get; init; }

    /// <summary>Limit of one HTTP request; default 10 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Tries of a scale that Nomad refuses during an active deployment (HTTP 400); default 5.</summary>
    public int DeploymentRetries { get; init; } = 5;

    /// <summary>Wait before the first retry, doubled after each; default 200 ms.</summary>
    public TimeSpan DeploymentRetryBackoff { get; init; } = TimeSpan.FromMilliseconds(200);
}
