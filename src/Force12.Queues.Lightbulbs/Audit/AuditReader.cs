using System.Buffers.Binary;

namespace Force12.Queues.Lightbulbs.Audit;

/// <summary>Reads audit files and compares what was processed with what was expected.</summary>
public static class AuditReader
{
    /// <summary>
    /// Audits a run whose expected events are the sequence numbers <paramref name="firstSequence"/> to
    /// <paramref name="firstSequence"/> + <paramref name="count"/> - 1 against every <c>*.f12audit</c> file in
    /// <paramref name="processedFolder"/>.
    /// </summary>
    public static AuditReport AuditRange(string processedFolder, long firstSequence, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var expected = new long[count];
        for (var i = 0; i < count; i++)
        {
            expected[i] = firstSequence + i;
        }

        return Audit(expected, processedFolder);
    }

    /// <summary>
    /// Audits against the sequence numbers recorded in <paramref name="expectedFiles"/> (for example the load
    /// generator's record of acknowledged events), so events the broker never accepted do not count as lost.
    /// </summary>
    public static AuditReport AuditAgainst(IEnumerable<string> expectedFiles, string processedFolder)
    {
        var expected = ReadAll(expectedFiles, out _);
        Array.Sort(expected);
        return Audit(Distinct(expected), processedFolder);
    }

    /// <summary>Every sequence number in <paramref name="files"/>, in file order; whole records only.</summary>
    public static long[] ReadAll(IEnumerable<string> files, out long tornBytes)
    {
        ArgumentNullException.ThrowIfNull(files);
        var all = new List<long>();
        tornBytes = 0;
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            tornBytes += bytes.Length % 8;
            for (var at = 0; at + 8 <= bytes.Length; at += 8)
            {
                all.Add(BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(at)));
            }
        }

        return [.. all];
    }

    /// <summary>The audit files in <paramref name="folder"/>, sorted by name.</summary>
    public static string[] FilesIn(string folder) =>
        Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder, "*" + AuditLogWriter.Extension).Order(StringComparer.Ordinal)]
            : throw new DirectoryNotFoundException($"Audit folder '{folder}' does not exist.");

    private static AuditReport Audit(long[] expectedSortedDistinct, string processedFolder)
    {
        var files = FilesIn(processedFolder);
        var processed = ReadAll(files, out var torn);
        Array.Sort(processed);
        var distinct = Distinct(processed);
        long matched = 0, unexpected = 0;
        var lost = new List<long>();
        int e = 0, p = 0;
        while (e < expectedSortedDistinct.Length || p < distinct.Length)
        {
            if (p == distinct.Length || (e < expectedSortedDistinct.Length && expectedSortedDistinct[e] < distinct[p]))
            {
                if (lost.Count < 20)
                {
                    lost.Add(expectedSortedDistinct[e]);
                }

                e++;
            }
            else if (e == expectedSortedDistinct.Length || distinct[p] < expectedSortedDistinct[e])
            {
                unexpected++;
                p++;
            }
            else
            {
                matched++;
                e++;
                p++;
            }
        }

        return new AuditReport
        {
            Expected = expectedSortedDistinct.Length,
            Processed = matched,
            Duplicates = processed.Length - distinct.Length,
            Unexpected = unexpected,
            LostSample = lost,
            TornBytes = torn,
            Files = files.Length,
        };
    }

    private static long[] Distinct(long[] sorted)
    {
        if (sorted.Length == 0)
        {
            return sorted;
        }

        var count = 1;
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] != sorted[count - 1])
            {
                sorted[count++] = sorted[i];
            }
        }

        return sorted[..count];
    }
}
