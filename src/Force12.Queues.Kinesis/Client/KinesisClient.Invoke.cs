using System.Text.Json;
using System.Text.Json.Nodes;
using Force12.Queues.Aws;

namespace Force12.Queues.Kinesis.Client;

/// <summary>The retrying call path shared by every operation.</summary>
public sealed partial class KinesisClient
{
    /// <summary>Sends one operation, retrying throttling and transient failures with backoff; returns the JSON answer, an object.</summary>
    /// <exception cref="KinesisException">The call failed, or its answer is not a JSON object.</exception>
    internal async Task<JsonNode> InvokeAsync(string operation, JsonObject request, CancellationToken cancellationToken)
    {
        var body = await InvokeRawAsync(operation, request, cancellationToken).ConfigureAwait(false);
        return Read(operation, () => JsonNode.Parse(body.Length == 0 ? "{}" : body) switch
        {
            JsonObject answer => answer,
            var other => throw new KinesisException(KinesisErrorKind.Other, $"expected a JSON object, got {other?.GetValueKind().ToString() ?? "null"}"),
        });
    }

    /// <summary>
    /// Runs <paramref name="read"/> over an answer of <paramref name="operation"/>, turning every way a malformed answer
    /// breaks it (not JSON, a field of the wrong type or missing, a number out of range) into a <see cref="KinesisException"/>
    /// naming the operation, so the collector reports it as its own error instead of throwing.
    /// </summary>
    internal T Read<T>(string operation, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException
            or ArgumentException or OverflowException or KinesisException { Kind: KinesisErrorKind.Other })
        {
            throw new KinesisException(KinesisErrorKind.Other, $"{operation} at {_transport.Endpoint}: unreadable answer: {e.Message}", null, e);
        }
    }

    /// <summary>As <see cref="InvokeAsync"/>, returning the answer's text (for read-only parsing without a mutable DOM).</summary>
    internal async Task<string> InvokeRawAsync(string operation, JsonObject request, CancellationToken cancellationToken)
    {
        var body = request.ToJsonString();
        for (var attempt = 0; ; attempt++)
        {
            KinesisException failure;
            try
            {
                var response = await _transport.SendAsync(operation, body, cancellationToken).ConfigureAwait(false);
                if (response.StatusCode is >= 200 and < 300)
                {
                    return response.Body;
                }

                failure = Failure(operation, response);
            }
            catch (KinesisException e) when (e.Kind == KinesisErrorKind.Unreachable)
            {
                failure = e;
            }

            if (!KinesisErrorClassifier.IsRetryable(failure.Kind) || attempt >= _options.MaxRetries)
            {
                throw failure;
            }

            var delay = RetryBackoff.Delay(attempt + 1, _options.BaseBackoff, _options.MaxBackoff, _options.Jitter?.Invoke() ?? 0.5);
            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private KinesisException Failure(string operation, KinesisHttpResponse response)
    {
        string? type = null, message = null;
        try
        {
            var error = JsonNode.Parse(response.Body);
            type = error?["__type"]?.GetValue<string>();
            message = error?["message"]?.GetValue<string>() ?? error?["Message"]?.GetValue<string>();
        }
        catch (JsonException)
        {
            message = response.Body.Length > 200 ? response.Body[..200] : response.Body;
        }

        var kind = KinesisErrorClassifier.Classify(type, response.StatusCode);
        var code = type?[(type.LastIndexOf('#') + 1)..];
        return new KinesisException(kind, $"{operation} at {_transport.Endpoint} failed with HTTP {response.StatusCode} {code}: {message}", code);
    }
}
