namespace Force12.Queues.Samples.Bulbs.Tests.Kinesis;

internal static class ChaosOutput
{
    /// <summary>A log without its timestamps and consecutive repeats of a message (a failing poll repeats every second), last 6000 characters.</summary>
    public static string Tail(string text)
    {
        var lines = text.Split('\n').Select(l => l.Length > 9 ? l[9..] : l);
        var kept = new List<string>();
        foreach (var line in lines)
        {
            if (kept.Count == 0 || kept[^1] != line)
            {
                kept.Add(line);
            }
        }

        var joined = string.Join('\n', kept);
        return joined.Length > 6000 ? joined[^6000..] : joined;
    }
}
