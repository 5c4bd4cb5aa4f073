using System.Net;
using System.Text.Json;
using k8s.Autorest;

namespace Force12.Queues.Kubernetes;

/// <summary>
/// Turns a failed API call into a <see cref="KubernetesOrchestratorException"/> naming the workload, the API server and
/// what it answered: the <c>Status</c> body's message for 403, 404 and other errors (with what to check), or why the
/// server could not be reached. Pure apart from reading the exception.
/// </summary>
internal static class KubernetesApiErrors
{
    /// <summary>True for a 409 Conflict answer (a write raced another writer).</summary>
    public static bool IsConflict(Exception ex) => ex is HttpOperationException { Response.StatusCode: HttpStatusCode.Conflict };

    /// <summary>True for a 404 Not Found answer.</summary>
    public static bool IsNotFound(Exception ex) => ex is HttpOperationException { Response.StatusCode: HttpStatusCode.NotFound };

    /// <summary>True for the failures <see cref="Translate"/> explains: an error answer, no connection, or a timeout.</summary>
    public static bool IsApiFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpOperationException or HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    /// <summary>The exception to throw for <paramref name="ex"/>, met while <paramref name="action"/> on <paramref name="target"/>.</summary>
    public static KubernetesOrchestratorException Translate(KubernetesTarget target, Uri server, string action, Exception ex)
    {
        var what = $"{target}: {action} failed";
        return ex switch
        {
            HttpOperationException { Response: { } response } answered => new KubernetesOrchestratorException(
                $"{what}: the Kubernetes API server at {server} answered {(int)response.StatusCode} {response.StatusCode}: {StatusMessage(response.Content)}{Hint(target, response.StatusCode)}", answered),
            HttpRequestException unreachable => new KubernetesOrchestratorException(
                $"{what}: cannot reach the Kubernetes API server at {server}: {unreachable.Message}", unreachable),
            TaskCanceledException timeout => new KubernetesOrchestratorException(
                $"{what}: the Kubernetes API server at {server} did not answer in time", timeout),
            _ => new KubernetesOrchestratorException($"{what}: {ex.Message}", ex),
        };
    }

    /// <summary>The <c>message</c> of a <c>Status</c> body, or the body itself (shortened) when it is not one.</summary>
    public static string StatusMessage(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "(no body)";
        }

        try
        {
            using var status = JsonDocument.Parse(body);
            if (status.RootElement.ValueKind == JsonValueKind.Object
                && status.RootElement.TryGetProperty("message", out var message)
                && message.ValueKind == JsonValueKind.String)
            {
                return message.GetString()!;
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, for example): the text itself says more than a parse error.
        }

        return body.Length <= 300 ? body : body[..300] + "...";
    }

    private static string Hint(KubernetesTarget target, HttpStatusCode status) => status switch
    {
        HttpStatusCode.NotFound => $" (does the {target.Kind} '{target.Name}' exist in namespace '{target.Namespace}'?)",
        HttpStatusCode.Forbidden => " (RBAC: the agent needs get and patch on deployments/scale and statefulsets/scale, list and patch on pods, list on horizontalpodautoscalers; see docs/kubernetes.md)",
        HttpStatusCode.Unauthorized => " (the credentials of the kubeconfig or service account were refused)",
        _ => "",
    };
}
