using System.Globalization;

namespace Force12.Queues.Processes;

/// <summary>
/// Identifies a process by pid and start time (field 22 of <c>/proc/&lt;pid&gt;/stat</c>, clock ticks since boot),
/// so a recorded pid that the kernel has since given to another process is never mistaken for ours.
/// </summary>
internal static class ProcessIdentity
{
    /// <summary>Start time of <paramref name="pid"/> in clock ticks since boot, or <c>null</c> if no such process.</summary>
    public static long? ReadStartTicks(int pid) => ReadStat(pid)?.StartTicks;

    /// <summary>Whether <paramref name="pid"/> runs, is the process that started at <paramref name="startTicks"/>, and is not a zombie.</summary>
    public static bool IsAlive(int pid, long startTicks) =>
        ReadStat(pid) is { } stat && stat.StartTicks == startTicks && stat.State is not ('Z' or 'X');

    private static (char State, long StartTicks)? ReadStat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // The command name (field 2) is in parentheses and may contain spaces: parse after the last ')'.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return fields.Length > 19 && long.TryParse(fields[19], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ticks)
            ? (fields[0][0], ticks)
            : null;
    }
}
