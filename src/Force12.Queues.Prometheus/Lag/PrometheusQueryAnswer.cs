using System.Globalization;
using System.Net;
using System.Text.Json;
using Force12.Queues.Core.Lag;

namespace Force12.Queues.Prometheus.Lag;

/// <summary>
/// Reads the answer of <c>GET /api/v1/query</c> strictly: <c>{"status":"success","data":{"resultType":"vector" or
/// "scalar","result":...}}</c> with exactly one sample whose value (a string, as Prometheus writes it) is a finite
/// number of at least zero. Several series are refused rather than summed, as KEDA's Prometheus scaler does: a query
/// that matches more than meant would otherwise scale on a silently larger number; wrap it in <c>sum(...)</c>. No
/// series at all is refused too (a target not scraped yet must not read as zero demand); write <c>... or vector(0)</c>
/// when no series means no demand. An error answer (<c>errorType</c>, <c>error</c>) becomes a failure with its words.
/// </summary>
internal static class PrometheusQueryAnswer
{
    private const int ShownChars = 200;

    /// <summary>Parses <paramref name="body"/> answered with <paramref name="status"/>; throws <see cref="PrometheusQueryException"/> naming what was wrong.</summary>
    public static double Parse(string query, HttpStatusCode status, string body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw status == HttpStatusCode.OK
                ? Unreadable(query, $"not JSON ({e.Message})", e)
                : Failed(query, status, $"answered {(int)status} {Shown(body)}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Unreadable(query, $"expected a JSON object, got {root.ValueKind}");
            }

            var outcome = Text(root, "status");
            if (outcome == "error" || status != HttpStatusCode.OK)
            {
                var type = Text(root, "errorType") ?? "no errorType";
                var error = Text(root, "error") ?? Shown(body);
                throw Failed(query, status, $"answered {(int)status} ({type}): {error}");
            }

            if (outcome != "success")
            {
                throw Unreadable(query, $"status must be \"success\" or \"error\", got {Shown(root, "status")}");
            }

            return Value(query, root.TryGetProperty("data", out var data) ? data : default);
        }
    }

    private static double Value(string query, JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty("result", out var result))
        {
            throw Unreadable(query, "data.result is missing");
        }

        switch (Text(data, "resultType"))
        {
            case "scalar":
                return Sample(query, result, "data.result");
            case "vector" when result.ValueKind != JsonValueKind.Array:
                throw Unreadable(query, $"data.result of a vector must be an array, got {result.ValueKind}");
            case "vector" when result.GetArrayLength() == 0:
                throw new PrometheusQueryException(LagErrorKind.StreamNotFound,
                    $"query '{query}' returned no series (not scraped yet, or a typo?); write '... or vector(0)' if no series means none");
            case "vector" when result.GetArrayLength() > 1:
                throw Unreadable(query, $"returned {result.GetArrayLength()} series, expected one: aggregate it, for example sum(...)");
            case "vector":
                var series = result[0];
                return series.ValueKind == JsonValueKind.Object && series.TryGetProperty("value", out var value)
                    ? Sample(query, value, "data.result[0].value")
                    : throw Unreadable(query, "data.result[0].value is missing");
            case { } other:
                throw Unreadable(query, $"resultType '{other}' is not an instant vector or a scalar (a range selector needs rate(...) or similar)");
            default:
                throw Unreadable(query, "data.resultType is missing");
        }
    }

    // A sample is [<unix time>, "<value>"]; Prometheus writes the value as a string so that NaN and Inf survive JSON.
    private static double Sample(string query, JsonElement sample, string where)
    {
        if (sample.ValueKind != JsonValueKind.Array || sample.GetArrayLength() != 2 || sample[0].ValueKind != JsonValueKind.Number)
        {
            throw Unreadable(query, $"{where} must be [time, \"value\"], got {Shown(sample)}");
        }

        var value = sample[1];
        if (value.ValueKind != JsonValueKind.String
            || !double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            || !double.IsFinite(number) || number < 0)
        {
            throw Unreadable(query, $"the value must be a finite number >= 0 written as a string, got {Shown(value)}");
        }

        return number;
    }

    private static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Shown(JsonElement parent, string name) => parent.TryGetProperty(name, out var value) ? Shown(value) : "nothing";

    private static string Shown(JsonElement value) => Shown(value.GetRawText());

    private static string Shown(string text) => text.Length <= ShownChars ? text : text[..ShownChars] + "...";

    private static PrometheusQueryException Failed(string query, HttpStatusCode status, string what) => new(
        status switch
        {
            HttpStatusCode.Unauthorized => LagErrorKind.AuthenticationFailed,
            HttpStatusCode.Forbidden => LagErrorKind.NotAuthorized,
            HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout or HttpStatusCode.BadGateway => LagErrorKind.Unreachable,
            _ => LagErrorKind.Other,
        },
        $"query '{query}' failed: Prometheus {what}");

    private static PrometheusQueryException Unreadable(string query, string what, Exception? inner = null) =>
        new(LagErrorKind.Other, $"query '{query}': unreadable Prometheus answer: {what}", inner);
}
