using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Force12.Queues.Tools.Commands;

/// <summary>A topic to create, parsed from <c>NAME[:PARTITIONS[:REPLICATION]]</c>.</summary>
internal sealed record KafkaTopicSpec(string Name, int Partitions, int ReplicationFactor)
{
    public static bool TryParse(string text, [NotNullWhen(true)] out KafkaTopicSpec? spec, out string error)
    {
        spec = null;
        error = string.Empty;
        var parts = text.Split(':');
        if (parts.Length > 3 || parts[0].Length == 0)
        {
            error = $"--topic '{text}' must look like NAME[:PARTITIONS[:REPLICATION]], e.g. bulbs:12.";
            return false;
        }

        if (!TryPositive(parts, 1, out var partitions) || !TryPositive(parts, 2, out var replication))
        {
            error = $"--topic '{text}': partitions and replication must be whole numbers of at least 1.";
            return false;
        }

        spec = new KafkaTopicSpec(parts[0], partitions, replication);
        return true;
    }

    private static bool TryPositive(string[] parts, int index, out int value)
    {
        value = 1;
        return parts.Length <= index
            || (int.TryParse(parts[index], NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 1);
    }
}
