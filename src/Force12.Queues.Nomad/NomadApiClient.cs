using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;

namespace Force12.Queues.Nomad;

/// <summary>
/// The three calls of Nomad's HTTP API the orchestrator makes, on one <see cref="HttpClient"/>: read and set a task
/// group's count (<c>/v1/job/:job_id/scale</c>) and list the job's allocations. Sends the ACL token as
/// <c>X-Nomad-Token</c> and the namespace (and region) as query parameters. Error answers become
/// <see cref="NomadApiException"/> naming the address and the job.
/// </summary>
internal sealed class NomadApiClient
{
    private const string TokenHeader = "X-Nomad-Token";
    private readonly HttpClient _http;
    private readonly NomadOrchestratorOptions _options;
    private readonly Uri _base;

    public NomadApiClient(HttpClient http, NomadOrchestratorOptions options)
    {
        _http = http;
        _options = options;
        var address = options.Address.AbsoluteUri;
        _base = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    public Task<NomadJobScaleStatus> GetScaleStatusAsync(string job, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, job, "scale", null, NomadJsonContext.Default.NomadJobScaleStatus, cancellationToken);

    public async Task ScaleAsync(string job, string group, int count, string message, CancellationToken cancellationToken)
    {
        var request = new NomadScaleRequest(count, new Dictionary<string, string> { ["Job"] = job, ["Group"] = group }, message);
        var content = JsonContent.Create(request, NomadJsonContext.Default.NomadScaleRequest);
        await SendAsync<object>(HttpMethod.Post, job, "scale", content, null, cancellationToken).ConfigureAwait(false);
    }

    public Task<List<NomadAllocation>> ListAllocationsAsync(string job, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, job, "allocations", null, NomadJsonContext.Default.ListNomadAllocation, cancellationToken);

    private async Task<T> SendAsync<T>(
        HttpMethod method, string job, string action, HttpContent? content, JsonTypeInfo<T>? answer, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, Url(job, action)) { Content = content };
        if (_options.Token is { } token)
        {
            request.Headers.Add(TokenHeader, token);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new NomadApiException($"Nomad at {_options.Address}: {method} for job '{job}' failed: {e.Message}", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new NomadApiException($"Nomad at {_options.Address}: {method} for job '{job}' took longer than {_options.RequestTimeout.TotalSeconds:0.#} s", e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var body = (await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).Trim();
                throw new NomadApiException(Describe(response.StatusCode, job, body), response.StatusCode, body);
            }

            return answer is null
                ? default!
                : await response.Content.ReadFromJsonAsync(answer, cancellationToken).ConfigureAwait(false)
                    ?? throw new NomadApiException($"Nomad at {_options.Address}: empty answer for job '{job}'");
        }
    }

    private Uri Url(string job, string action)
    {
        var query = "namespace=" + Uri.EscapeDataString(_options.Namespace);
        if (_options.Region is { } region)
        {
            query += "&region=" + Uri.EscapeDataString(region);
        }

        return new Uri(_base, $"v1/job/{Uri.EscapeDataString(job)}/{action}?{query}");
    }

    private string Describe(HttpStatusCode status, string job, string body)
    {
        var where = $"Nomad at {_options.Address}, job '{job}' in namespace '{_options.Namespace}'";
        var code = ((int)status).ToString(CultureInfo.InvariantCulture);
        return status switch
        {
            HttpStatusCode.NotFound => $"{where}: not found ({code} {body})",
            HttpStatusCode.Forbidden => $"{where}: permission denied ({code} {body}): the ACL token needs read-job, read-job-scaling and scale-job on the namespace",
            _ => $"{where}: {code} {body}",
        };
    }
}
