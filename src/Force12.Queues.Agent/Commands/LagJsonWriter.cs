using System.Text.Json;
using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Scaling;

namespace Force12.Queues.Agent.Commands;

/// <summary>
/// Writes a lag snapshot as one JSON object: <c>partitions</c> (topic, partition, logStartOffset,
/// logEndOffset, committedOffset, lag, lagSeconds, status, plus lagSecondsMethod, arrivalRate and
/// processingRate) and <c>totals</c> (lag, maxLagSeconds, plus arrivalRate and processingRate).
/// Unknown values are null, never 0.
/// </summary>
internal static class LagJsonWriter
{
    public static string Write(LagSnapshot snapshot, HotUnitRule? hot, bool indented)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            json.WriteStartObject();
            json.WriteString("cluster", snapshot.Cluster);
            json.WriteString("group", snapshot.Group);
            json.WriteString("observedAt", snapshot.ObservedAt);
            json.WriteStartArray("partitions");
            foreach (var unit in snapshot.Units)
            {
                WriteUnit(json, unit, hot);
            }

            json.WriteEndArray();
            json.WriteStartObject("totals");
            json.WriteNumber("lag", snapshot.Totals.Lag);
            WriteNumber(json, "maxLagSeconds", snapshot.Totals.MaxLagSeconds);
            WriteNumber(json, "arrivalRate", snapshot.Totals.ArrivalRate);
            WriteNumber(json, "processingRate", snapshot.Totals.ProcessingRate);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteUnit(Utf8JsonWriter json, LagUnitSnapshot unit, HotUnitRule? hot)
    {
        json.WriteStartObject();
        json.WriteString("topic", unit.Id.Stream);
        if (int.TryParse(unit.Id.Unit, System.Globalization.CultureInfo.InvariantCulture, out var partition))
        {
            json.WriteNumber("partition", partition);
        }
        else
        {
            json.WriteString("partition", unit.Id.Unit);
        }

        WriteNumber(json, "logStartOffset", unit.LogStartOffset);
        WriteNumber(json, "logEndOffset", unit.LogEndOffset);
        WriteNumber(json, "committedOffset", unit.CommittedOffset);
        json.WriteNumber("lag", unit.Lag);
        WriteNumber(json, "lagSeconds", unit.LagSeconds);
        json.WriteString("lagSecondsMethod", unit.LagSecondsMethod.ToString().ToLowerInvariant());
        WriteNumber(json, "arrivalRate", unit.ArrivalRate);
        WriteNumber(json, "processingRate", unit.ProcessingRate);
        json.WriteString("status", LagStatusNames.Of(unit, hot));
        json.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            json.WriteNumber(name, Math.Round(v, 3));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
