using System.Text.Json;
using System.Text.Json.Nodes;
using Force12.Queues.Aws;

namespace Force12.Queues.Ecs.Client;

/// <summary>The retrying call path shared by every action.</summary>
internal sealed partial class EcsApiClient
{
    private async Task<JsonNode> InvokeAsync(AwsJsonApi api, string action, JsonObject request, CancellationToken cancellationToken)
    {
        var body = request.ToJsonString();
        for (var attempt = 0; ; attempt++)
        {
            EcsException failure;
            try
            {
                var response = await _transport.SendAsync(api, action, body, cancellationToken).ConfigureAwait(false);
                if (response.StatusCode is >= 200 and < 300)
                {
                    return JsonNode.Parse(response.Body.Length == 0 ? "{}" : response.Body) ?? new JsonObject();
                }

                failure = Failure(api, action, response);
            }
            catch (EcsException e) when (e.IsRetryable)
            {
                failure = e;
            }

            if (!failure.IsRetryable || attempt >= _options.MaxRetries)
            {
                throw attempt == 0 ? failure : new EcsException($"{failure.Message} (after {attempt + 1} attempts)", failure.ErrorCode, failure.IsRetryable, failure);
            }

            var delay = RetryBackoff.Delay(attempt + 1, _options.BaseBackoff, _options.MaxBackoff, _options.Jitter?.Invoke() ?? 0.5);
            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private static EcsException Failure(AwsJsonApi api, string action, AwsJsonResponse response)
    {
        string? type = null, message = null;
        try
        {
            var error = JsonNode.Parse(response.Body);
            type = error?["__type"]?.GetValue<string>();
            message = error?["message"]?.GetValue<string>() ?? error?["Message"]?.GetValue<string>();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            message = response.Body.Length > 200 ? response.Body[..200] : response.Body;
        }

        // "com.amazonaws.ecs#ThrottlingException" -> "ThrottlingException"
        var code = type?[(type.LastIndexOf('#') + 1)..];
        return new EcsException($"{action} at {api.Endpoint} failed with HTTP {response.StatusCode} {code}: {message}", code, IsRetryable(code, response.StatusCode));
    }

    /// <summary>Throttling and server-side failures are worth another attempt; client errors (bad request, access denied, not found) are not.</summary>
    internal static bool IsRetryable(string? code, int statusCode) =>
        code is "ThrottlingException" or "ThrottledException" or "RequestLimitExceeded" or "TooManyRequestsException"
            or "ServerException" or "ServiceUnavailableException" or "InternalServiceException"
        || statusCode >= 500;
}
