using System.Text;
using System.Text.Json;

namespace Force12.Queues.Kubernetes;

/// <summary>The JSON merge patches (RFC 7386) the orchestrator sends, written without reflection (Native AOT).</summary>
internal static class KubernetesPatches
{
    /// <summary><c>{"spec":{"replicas":N}}</c>, for a scale subresource.</summary>
    public static string Replicas(int replicas) => Write(json =>
    {
        json.WriteStartObject("spec");
        json.WriteNumber("replicas", replicas);
        json.WriteEndObject();
    });

    /// <summary><c>{"metadata":{"annotations":{KEY:VALUE}}}</c>; a null value removes the annotation.</summary>
    public static string Annotation(string key, string? value) => Write(json =>
    {
        json.WriteStartObject("metadata");
        json.WriteStartObject("annotations");
        if (value is null)
        {
            json.WriteNull(key);
        }
        else
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    });

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
