using Force12.Queues.Core.Configuration;

namespace Force12.Queues.Nomad;

/// <summary>
/// The keys of the <c>nomad</c> orchestrator, written once for its provider, its validator and the schema test:
/// the agent-wide section <c>orchestrators.nomad</c> and a pipeline's <c>orchestrator</c> mapping.
/// </summary>
public static class NomadOrchestratorKeys
{
    /// <summary><c>address</c>: the Nomad HTTP API (default <c>http://127.0.0.1:4646</c>).</summary>
    public const string Address = "address";

    /// <summary><c>token</c>: ACL token sent as <c>X-Nomad-Token</c> (default none).</summary>
    public const string Token = "token";

    /// <summary><c>tokenFile</c>: file holding the ACL token (read with the configuration; empty means none); not with <c>token</c>.</summary>
    public const string TokenFile = "tokenFile";

    /// <summary><c>namespace</c>: the jobs' namespace, sent as <c>?namespace=</c> (default <c>default</c>).</summary>
    public const string Namespace = "namespace";

    /// <summary><c>region</c>: the region requests are forwarded to, sent as <c>?region=</c> (default: the agent's own).</summary>
    public const string Region = "region";

    /// <summary><c>requestTimeout</c>: limit of one HTTP request (default 10 s).</summary>
    public const string RequestTimeout = "requestTimeout";

    /// <summary>Per pipeline: <c>job</c>, the Nomad job id (required).</summary>
    public const string Job = "job";

    /// <summary>Per pipeline: <c>group</c>, the job's task group that is the pod (required).</summary>
    public const string Group = "group";

    /// <summary>Every key <c>orchestrators.nomad</c> accepts.</summary>
    public static IReadOnlyList<string> All { get; } = [Address, Token, TokenFile, Namespace, Region, RequestTimeout];

    /// <summary>Every key a pipeline's <c>orchestrator</c> mapping of kind <c>nomad</c> accepts.</summary>
    public static IReadOnlyList<string> Pipeline { get; } = [OrchestratorKeys.Kind, Job, Group];
}
