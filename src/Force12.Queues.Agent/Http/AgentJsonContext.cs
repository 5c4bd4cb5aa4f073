using System.Text.Json;
using System.Text.Json.Serialization;
using Force12.Queues.Core.Agent;

namespace Force12.Queues.Agent.Http;

/// <summary>
/// Source-generated JSON for <c>/api/status</c> and <c>/api/history</c> (web defaults: camelCase names), so the
/// endpoints need no reflection and run the same in the Native AOT build of the agent.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AgentStatus))]
[JsonSerializable(typeof(IReadOnlyList<AgentStatus>))]
internal sealed partial class AgentJsonContext : JsonSerializerContext;
