using System.Runtime.InteropServices;

namespace Force12.Queues.Cli;

/// <summary>
/// Caps glibc's malloc arenas. glibc gives threads up to 8 arenas per core, each keeping its freed memory; the agent's
/// librdkafka threads (main, broker and timestamp-reader threads of every Kafka client) spread their small allocations
/// over many of them, which shows as resident anonymous memory (see "Agent resources" in docs/benchmarks.md).
/// Has to run before those threads start. Leaves the default when <c>MALLOC_ARENA_MAX</c> is set, off Linux and on
/// C libraries without <c>mallopt</c>.
/// </summary>
internal static partial class MallocArenas
{
    /// <summary>The agent's cap: 2 arenas.</summary>
    public const int DefaultLimit = 2;

    private const int ArenaMaxParameter = -8; // M_ARENA_MAX in glibc's malloc.h

    /// <summary>Sets glibc's <c>M_ARENA_MAX</c> to <paramref name="arenas"/>; returns whether it was applied.</summary>
    public static bool Limit(int arenas = DefaultLimit)
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null)
        {
            return false;
        }

        try
        {
            return MallOpt(ArenaMaxParameter, arenas) == 1;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int MallOpt(int parameter, int value);
}
