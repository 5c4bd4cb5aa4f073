namespace Force12.Queues.Processes;

/// <summary>Reads the last lines of a process's log file.</summary>
internal static class LogTail
{
    /// <summary>The last <paramref name="maxLines"/> lines (at most 64 KiB read from the end), or a note when there is no log.</summary>
    public static string Read(string path, int maxLines)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            stream.Seek(Math.Max(0, stream.Length - (64 * 1024)), SeekOrigin.Begin);
            using var reader = new StreamReader(stream);
            var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return lines.Length == 0 ? "(no output)" : string.Join('\n', lines.TakeLast(maxLines));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"(no log: {ex.Message})";
        }
    }
}
