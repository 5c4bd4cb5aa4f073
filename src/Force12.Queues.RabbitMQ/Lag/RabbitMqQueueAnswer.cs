using System.Text.Json;
using Force12.Queues.Core.Lag;

namespace Force12.Queues.RabbitMQ.Lag;

/// <summary>
/// Reads the management API's answer for one queue strictly: the two message counts must be there as whole numbers
/// of at least zero, and every other field the collector uses must, where present, have its documented type and a
/// value that makes sense. Anything else is a failure naming the field, never a zero backlog (which would scale the
/// pipeline down on data that is not there).
/// </summary>
internal static class RabbitMqQueueAnswer
{
    // Real brokers omit the counts of a queue until their first statistics emission, a few seconds after it is created.
    private const string NoStatsYet = " (a new queue has none until the broker's first statistics emission)";

    /// <summary>Parses <paramref name="body"/>; throws <see cref="RabbitMqManagementException"/> naming what was wrong.</summary>
    public static RabbitMqQueueStats Parse(string queue, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Unreadable(queue, $"expected a JSON object, got {root.ValueKind}");
            }

            var stats = root.TryGetProperty("message_stats", out var s) ? s : default;
            if (stats.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Object))
            {
                throw Unreadable(queue, $"message_stats must be an object, got {stats.ValueKind}");
            }

            return new RabbitMqQueueStats(
                Count(queue, root, "messages_ready") ?? throw Unreadable(queue, "messages_ready is missing" + NoStatsYet),
                Count(queue, root, "messages_unacknowledged") ?? throw Unreadable(queue, "messages_unacknowledged is missing" + NoStatsYet),
                (int)Math.Min(int.MaxValue, Count(queue, root, "consumers") ?? 0),
                Count(queue, stats, "publish"),
                Count(queue, stats, "deliver_get"),
                Rate(queue, stats, "publish_details"),
                Rate(queue, stats, "deliver_get_details"));
        }
        catch (JsonException e)
        {
            throw Unreadable(queue, e.Message, e);
        }
    }

    private static long? Count(string queue, JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number >= 0
            ? number
            : throw Unreadable(queue, $"{name} must be a whole number >= 0, got {Shown(value)}");
    }

    private static double? Rate(string queue, JsonElement stats, string name)
    {
        if (stats.ValueKind != JsonValueKind.Object || !stats.TryGetProperty(name, out var details) || details.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (details.ValueKind != JsonValueKind.Object || !details.TryGetProperty("rate", out var rate))
        {
            throw Unreadable(queue, $"{name}.rate is missing");
        }

        return rate.ValueKind == JsonValueKind.Number && rate.TryGetDouble(out var value) && double.IsFinite(value) && value >= 0
            ? value
            : throw Unreadable(queue, $"{name}.rate must be a finite number >= 0, got {Shown(rate)}");
    }

    private static string Shown(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length <= 40 ? text : text[..40] + "...";
    }

    private static RabbitMqManagementException Unreadable(string queue, string what, Exception? inner = null) =>
        new(LagErrorKind.Other, $"queue '{queue}': unreadable management answer: {what}", inner);
}
