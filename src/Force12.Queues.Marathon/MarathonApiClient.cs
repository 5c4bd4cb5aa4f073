using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Force12.Queues.Marathon;

/// <summary>
/// The calls of Marathon's REST API the orchestrator makes, on one <see cref="HttpClient"/>: read an app, set its
/// instances (<c>PUT /v2/apps/{app_id}</c>), list its tasks, and kill chosen tasks while lowering the count
/// (<c>POST /v2/tasks/delete?scale=true</c>). Sends HTTP basic credentials when configured. Error answers become
/// <see cref="MarathonApiException"/> naming the URL and the app.
/// </summary>
internal sealed class MarathonApiClient
{
    private readonly HttpClient _http;
    private readonly MarathonOrchestratorOptions _options;
    private readonly Uri _base;
    private readonly AuthenticationHeaderValue? _credentials;

    public MarathonApiClient(HttpClient http, MarathonOrchestratorOptions options)
    {
        _http = http;
        _options = options;
        var url = options.Url.AbsoluteUri;
        _base = new Uri(url.EndsWith('/') ? url : url + "/");
        if (options.Username is { } user)
        {
            _credentials = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{options.Password}")));
        }
    }

    public async Task<MarathonApp> GetAppAsync(string app, CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Get, app, $"v2/apps{app}", null, MarathonJsonContext.Default.MarathonAppAnswer, cancellationToken).ConfigureAwait(false)).App;

    public Task SetInstancesAsync(string app, int instances, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, app, $"v2/apps{app}", JsonContent.Create(new MarathonInstancesUpdate(instances), MarathonJsonContext.Default.MarathonInstancesUpdate),
            MarathonJsonContext.Default.MarathonError, cancellationToken);

    public async Task<List<MarathonTask>> ListTasksAsync(string app, CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Get, app, $"v2/apps{app}/tasks", null, MarathonJsonContext.Default.MarathonTasksAnswer, cancellationToken).ConfigureAwait(false)).Tasks;

    public Task KillAndScaleAsync(string app, IReadOnlyList<string> taskIds, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, app, "v2/tasks/delete?scale=true", JsonContent.Create(new MarathonTaskIds(taskIds), MarathonJsonContext.Default.MarathonTaskIds),
            MarathonJsonContext.Default.MarathonError, cancellationToken);

    private async Task<T> SendAsync<T>(
        HttpMethod method, string app, string path, HttpContent? content, JsonTypeInfo<T> answer, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(_base, path)) { Content = content };
        request.Headers.Authorization = _credentials;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new MarathonApiException($"Marathon at {_options.Url}, app '{app}': {method} failed: {e.Message}", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MarathonApiException($"Marathon at {_options.Url}, app '{app}': {method} took longer than {_options.RequestTimeout.TotalSeconds:0.#} s", e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var message = MessageOf(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
                throw new MarathonApiException(Describe(response.StatusCode, app, message), response.StatusCode, message);
            }

            return await response.Content.ReadFromJsonAsync(answer, cancellationToken).ConfigureAwait(false)
                ?? throw new MarathonApiException($"Marathon at {_options.Url}, app '{app}': empty answer to {method}");
        }
    }

    private static string MessageOf(string body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, MarathonJsonContext.Default.MarathonError)?.Message ?? body.Trim();
        }
        catch (JsonException)
        {
            return body.Trim();
        }
    }

    private string Describe(HttpStatusCode status, string app, string message)
    {
        var where = $"Marathon at {_options.Url}, app '{app}'";
        var code = ((int)status).ToString(CultureInfo.InvariantCulture);
        return status switch
        {
            HttpStatusCode.NotFound => $"{where}: not found ({code} {message})",
            HttpStatusCode.Unauthorized => $"{where}: credentials refused ({code} {message}): check orchestrators.marathon.username and password",
            HttpStatusCode.Forbidden => $"{where}: not authorized ({code} {message})",
            _ => $"{where}: {code} {message}",
        };
    }
}
