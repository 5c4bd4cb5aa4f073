using System.Text.Json.Serialization;

namespace Force12.Queues.Processes;

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ProcessPodRecord))]
internal sealed partial class ProcessPodJsonContext : JsonSerializerContext;
