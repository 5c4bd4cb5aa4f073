using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Force12.Queues.Core.Lag;

namespace Force12.Queues.RabbitMQ.Lag;

/// <summary>GET <c>/api/queues/{vhost}/{queue}</c> of the management plugin, mapped to typed failures.</summary>
internal sealed class RabbitMqManagementApi : IRabbitMqManagementApi, IDisposable
{
    private const int MaxAnswerBytes = 4 * 1024 * 1024;

    private readonly HttpClient _http;
    private readonly string _virtualHost;

    public RabbitMqManagementApi(RabbitMqLagCollectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _virtualHost = Uri.EscapeDataString(options.VirtualHost);
        // A queue's answer is a few kilobytes; a body far beyond that is not one, and is refused before it fills memory.
        _http = new HttpClient { BaseAddress = options.ManagementUrl, Timeout = options.RequestTimeout, MaxResponseContentBufferSize = MaxAnswerBytes };
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}"));
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
    }

    public async Task<RabbitMqQueueStats> GetQueueAsync(string queue, CancellationToken cancellationToken)
    {
        var path = $"api/queues/{_virtualHost}/{Uri.EscapeDataString(queue)}";
        HttpResponseMessage response;
        try
        {
            response = await _http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new RabbitMqManagementException(LagErrorKind.Unreachable, $"management API at {_http.BaseAddress} did not answer: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RabbitMqManagementException(LagErrorKind.Unreachable, $"management API at {_http.BaseAddress} timed out after {_http.Timeout.TotalSeconds}s", e);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return RabbitMqQueueAnswer.Parse(queue, body);
            }

            throw response.StatusCode switch
            {
                HttpStatusCode.NotFound => new RabbitMqManagementException(
                    LagErrorKind.StreamNotFound, $"queue '{queue}' does not exist in virtual host '{Uri.UnescapeDataString(_virtualHost)}'"),
                HttpStatusCode.Unauthorized => new RabbitMqManagementException(LagErrorKind.AuthenticationFailed, $"credentials refused: {body}"),
                HttpStatusCode.Forbidden => new RabbitMqManagementException(LagErrorKind.NotAuthorized, $"not allowed to read queue '{queue}': {body}"),
                _ => new RabbitMqManagementException(LagErrorKind.Other, $"management API answered {(int)response.StatusCode}: {body}"),
            };
        }
    }

    public void Dispose() => _http.Dispose();
}
