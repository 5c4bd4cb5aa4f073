using System.Globalization;
using System.Text;
using System.Text.Json;
using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Scaling;
using Force12.Queues.Kinesis.Configuration;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Kinesis.Lag;

/// <summary>
/// The entry point of <c>force12 lag --source kinesis</c>: one collection rendered as JSON (the Kafka
/// shape with <c>stream</c>/<c>shard</c> for <c>topic</c>/<c>partition</c>) or as a table.
/// </summary>
public sealed class KinesisLagReport
{
    private KinesisLagReport(KinesisSourceOptions options, KinesisLagReading reading, HotUnitRule? hot)
    {
        Options = options;
        Reading = reading;
        Hot = hot;
    }

    /// <summary>What was read.</summary>
    public KinesisSourceOptions Options { get; }

    /// <summary>The collection.</summary>
    public KinesisLagReading Reading { get; }

    /// <summary>The policy's hot-partition rule that labels shards "hot", or null (no shard is labelled hot).</summary>
    public HotUnitRule? Hot { get; }

    /// <summary>True when the stream and lease table were read (exit 0); false means exit 1 with <see cref="ErrorMessage"/> on stderr.</summary>
    public bool Succeeded => Reading.Result.Succeeded;

    /// <summary>The failure in words, or null.</summary>
    public string? ErrorMessage => Reading.Result.Error?.ToString();

    /// <summary>Collects once. Failures come back in the report, never as exceptions (only cancellation throws).</summary>
    public static async Task<KinesisLagReport> CollectAsync(
        KinesisSourceOptions options, TimeProvider timeProvider, ILoggerFactory loggerFactory, HotUnitRule? hot = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var collector = new KinesisSource(options).CreateKinesisCollector(timeProvider, loggerFactory);
        var reading = await collector.CollectDetailedAsync(cancellationToken).ConfigureAwait(false);
        return new KinesisLagReport(options, reading, hot);
    }

    /// <summary>Wraps a reading from a long-lived collector (for <c>--watch</c>: keep one collector, so rates appear from the second poll on).</summary>
    public static KinesisLagReport From(KinesisSourceOptions options, KinesisLagReading reading, HotUnitRule? hot = null) =>
        new(options ?? throw new ArgumentNullException(nameof(options)), reading ?? throw new ArgumentNullException(nameof(reading)), hot);

    /// <summary>
    /// Writes one JSON object in the shape of <c>force12 lag</c> for Kafka, with <c>shards</c> for
    /// <c>partitions</c>: <c>cluster</c> (the Kinesis endpoint), <c>group</c> (the lease table),
    /// <c>observedAt</c>, <c>stream</c>, <c>leaseTable</c>, <c>shards</c> (each <c>stream</c>, <c>shard</c>,
    /// <c>open</c>, <c>parentShardIds</c>, <c>checkpoint</c> (null when no lease), <c>leaseOwner</c>, <c>lag</c>,
    /// <c>lagMethod</c> (exact, estimated, lower_bound, nothing_waiting, stale), <c>lagSeconds</c> (null when
    /// unknown), <c>lagSecondsMethod</c>, <c>arrivalRate</c>, <c>processingRate</c>, <c>status</c> (ok, caught_up,
    /// no_commit, stalled, hot), <c>getRecordsCalls</c>), <c>totals</c> (<c>lag</c>, <c>maxLagSeconds</c>,
    /// <c>arrivalRate</c>, <c>processingRate</c>, <c>shards</c>, <c>activeShards</c>) and <c>reads</c> (<c>getRecords</c>,
    /// <c>getShardIterator</c>, <c>maxGetRecordsPerShard</c>, <c>throttledShards</c>). Unknown values are null,
    /// never 0. On failure: <c>error</c> and <c>errorKind</c> instead of shards.
    /// </summary>
    public void WriteJson(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            if (Reading.Result.Snapshot is { } snapshot)
            {
                json.WriteString("cluster", snapshot.Cluster);
                json.WriteString("group", snapshot.Group);
                json.WriteString("observedAt", snapshot.ObservedAt);
            }

            json.WriteString("stream", Options.StreamName);
            json.WriteString("leaseTable", Options.LeaseTable);
            if (!Succeeded)
            {
                json.WriteString("error", ErrorMessage);
                json.WriteString("errorKind", Reading.FailureKind?.ToString());
            }
            else
            {
                WriteShards(json);
            }

            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>Writes a table: one line per shard, then the totals and the reads spent.</summary>
    public void WriteTable(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!Succeeded)
        {
            output.WriteLine(ErrorMessage);
            return;
        }

        var c = CultureInfo.InvariantCulture;
        output.WriteLine($"{"SHARD",-22} {"OPEN",-5} {"CHECKPOINT",-14} {"LAG",10} {"METHOD",-15} {"LAG-S",8} {"STATUS",-9} {"READS",5}");
        foreach (var s in Reading.Shards)
        {
            var checkpoint = s.Checkpoint is { Length: > 14 } long_ ? $"..{long_[^12..]}" : s.Checkpoint ?? "-";
            output.WriteLine(string.Format(c, "{0,-22} {1,-5} {2,-14} {3,10} {4,-15} {5,8} {6,-9} {7,5}",
                s.Unit.Id.Unit, s.IsOpen ? "yes" : "no", checkpoint, s.Unit.Lag, Snake(s.LagMethod.ToString()), s.Unit.LagSeconds?.ToString("0.0", c) ?? "-",
                Status(s.Unit), s.GetRecordsCalls));
        }

        var totals = Reading.Result.Snapshot!.Totals;
        output.WriteLine(string.Format(c, "total lag {0}, max {1} s, {2} active of {3} shards; {4} GetRecords (max {5} per shard), {6} GetShardIterator",
            totals.Lag, totals.MaxLagSeconds?.ToString("0.0", c) ?? "-", totals.Units, Reading.Shards.Count,
            Reading.GetRecordsCalls, Reading.MaxGetRecordsCallsPerShard, Reading.GetShardIteratorCalls));
    }

    private void WriteShards(Utf8JsonWriter json)
    {
        json.WriteStartArray("shards");
        foreach (var s in Reading.Shards)
        {
            json.WriteStartObject();
            json.WriteString("stream", s.Unit.Id.Stream);
            json.WriteString("shard", s.Unit.Id.Unit);
            json.WriteBoolean("open", s.IsOpen);
            json.WriteStartArray("parentShardIds");
            foreach (var parent in s.ParentShardIds)
            {
                json.WriteStringValue(parent);
            }

            json.WriteEndArray();
            json.WriteString("checkpoint", s.Checkpoint);
            json.WriteString("leaseOwner", s.LeaseOwner);
            json.WriteNumber("lag", s.Unit.Lag);
            json.WriteString("lagMethod", Snake(s.LagMethod.ToString()));
            WriteNumberOrNull(json, "lagSeconds", s.Unit.LagSeconds);
            json.WriteString("lagSecondsMethod", s.Unit.LagSecondsMethod.ToString().ToLowerInvariant());
            WriteNumberOrNull(json, "arrivalRate", s.Unit.ArrivalRate);
            WriteNumberOrNull(json, "processingRate", s.Unit.ProcessingRate);
            json.WriteString("status", Status(s.Unit));
            json.WriteNumber("getRecordsCalls", s.GetRecordsCalls);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        var totals = Reading.Result.Snapshot!.Totals;
        json.WriteStartObject("totals");
        json.WriteNumber("lag", totals.Lag);
        WriteNumberOrNull(json, "maxLagSeconds", totals.MaxLagSeconds);
        WriteNumberOrNull(json, "arrivalRate", totals.ArrivalRate);
        WriteNumberOrNull(json, "processingRate", totals.ProcessingRate);
        json.WriteNumber("shards", Reading.Shards.Count);
        json.WriteNumber("activeShards", totals.Units);
        json.WriteEndObject();
        json.WriteStartObject("reads");
        json.WriteNumber("getRecords", Reading.GetRecordsCalls);
        json.WriteNumber("getShardIterator", Reading.GetShardIteratorCalls);
        json.WriteNumber("maxGetRecordsPerShard", Reading.MaxGetRecordsCallsPerShard);
        json.WriteNumber("throttledShards", Reading.ThrottledShards);
        json.WriteEndObject();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, double? value)
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

    private string Status(LagUnitSnapshot unit) => Hot?.IsHot(unit) == true ? "hot" : Snake(unit.Status.ToString());

    /// <summary>"CaughtUp" -> "caught_up", the words <c>force12 lag</c> uses for Kafka.</summary>
    private static string Snake(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
