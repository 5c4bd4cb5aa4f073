using System.Globalization;
using System.Text;

namespace Force12.Queues.Core.Forecasting;

/// <summary>
/// A pipeline's bucketed arrival-rate history on disk, so a restarted agent forecasts at once instead of learning a
/// day again: one line per bucket, <c>unixSeconds,messagesPerSecond</c> (invariant culture), oldest first, at most
/// <see cref="MaxBuckets"/> lines. Written to a temporary file beside it and renamed over it, so a crash leaves the
/// old file or the new one, never half of one.
/// </summary>
public static class ForecastHistoryFile
{
    /// <summary>Most buckets kept: 20,160, two weeks of 1-minute buckets (about 500 KB).</summary>
    public const int MaxBuckets = 20_160;

    /// <summary>The buckets stored at <paramref name="path"/>, none when it does not exist; throws <see cref="InvalidDataException"/> naming the line of a bad row.</summary>
    public static IReadOnlyList<CompletedBucket> Load(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var buckets = new List<CompletedBucket>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            var parts = line.Split(',');
            if (parts.Length != 2
                || !long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var rate)
                || !double.IsFinite(rate) || rate < 0)
            {
                throw new InvalidDataException($"{path}:{number}: expected 'unixSeconds,messagesPerSecond', got '{line}'");
            }

            buckets.Add(new CompletedBucket(DateTimeOffset.FromUnixTimeSeconds(seconds), rate));
        }

        return buckets;
    }

    /// <summary>Replaces <paramref name="path"/> with the newest <see cref="MaxBuckets"/> of <paramref name="buckets"/>, atomically.</summary>
    public static void Save(string path, IReadOnlyCollection<CompletedBucket> buckets)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        var text = new StringBuilder();
        foreach (var bucket in buckets.Skip(Math.Max(0, buckets.Count - MaxBuckets)))
        {
            text.Append(CultureInfo.InvariantCulture, $"{bucket.Start.ToUnixTimeSeconds()},{bucket.RatePerSecond:R}\n");
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text.ToString());
        File.Move(temporary, path, overwrite: true);
    }
}
