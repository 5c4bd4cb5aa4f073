using Force12.Queues.Core.Configuration;

namespace Force12.Queues.Marathon;

/// <summary>
/// The keys of the <c>marathon</c> orchestrator, written once for its provider and the schema test: the agent-wide
/// section <c>orchestrators.marathon</c> and a pipeline's <c>orchestrator</c> mapping.
/// </summary>
public static class MarathonOrchestratorKeys
{
    /// <summary><c>url</c>: Marathon's REST API (default <c>http://127.0.0.1:8080</c>).</summary>
    public const string Url = "url";

    /// <summary><c>username</c>: HTTP basic credentials (Marathon's <c>--http_credentials</c>); with <c>password</c>.</summary>
    public const string Username = "username";

    /// <summary><c>password</c>: HTTP basic credentials; with <c>username</c>.</summary>
    public const string Password = "password";

    /// <summary><c>requestTimeout</c>: limit of one HTTP request (default 10 s).</summary>
    public const string RequestTimeout = "requestTimeout";

    /// <summary>Per pipeline: <c>app</c>, the Marathon app id, for example <c>/lights/bulbs</c> (required).</summary>
    public const string App = "app";

    /// <summary>Every key <c>orchestrators.marathon</c> accepts.</summary>
    public static IReadOnlyList<string> All { get; } = [Url, Username, Password, RequestTimeout];

    /// <summary>Every key a pipeline's <c>orchestrator</c> mapping of kind <c>marathon</c> accepts.</summary>
    public static IReadOnlyList<string> Pipeline { get; } = [OrchestratorKeys.Kind, App];
}
