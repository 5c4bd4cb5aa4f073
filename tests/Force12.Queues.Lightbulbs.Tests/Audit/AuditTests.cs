using Force12.Queues.Lightbulbs.Audit;

namespace Force12.Queues.Lightbulbs.Tests.Audit;

public sealed class AuditTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("f12-audit-").FullName;

    [Fact]
    public void AuditRange_TwoProcessorsWithOverlapAndAGap_CountsLostAndDuplicates()
    {
        Write("p1", 0, 1, 2, 3, 4);
        Write("p2", 3, 4, 6, 7, 7);

        var report = AuditReader.AuditRange(_folder, 0, 8);

        Assert.Equal(8, report.Expected);
        Assert.Equal(7, report.Processed);
        Assert.Equal(1, report.Lost);
        Assert.Equal([5L], report.LostSample);
        Assert.Equal(3, report.Duplicates);
        Assert.Equal(0, report.Unexpected);
        Assert.Equal(2, report.Files);
    }

    [Fact]
    public void Append_WithoutFlush_IsNotOnDisk()
    {
        using (var writer = AuditLogWriter.InFolder(_folder, "p1"))
        {
            writer.Append(1);
            writer.Flush();
            writer.Append(2);
            writer.DiscardUnflushed();
            writer.Append(3);
        }

        var report = AuditReader.AuditRange(_folder, 1, 3);

        Assert.Equal(2, report.Lost);
        Assert.Equal([2L, 3L], report.LostSample);
    }

    [Fact]
    public void AuditAgainst_TornTailAndUnexpectedNumbers_AreReportedSeparately()
    {
        var expected = Path.Combine(_folder, "produced.bin");
        using (var produced = new AuditLogWriter(expected))
        {
            produced.Append(10);
            produced.Append(11);
            produced.Flush();
        }

        Write("p1", 10, 11, 99);
        File.AppendAllText(Path.Combine(_folder, "p1" + AuditLogWriter.Extension), "abc");

        var report = AuditReader.AuditAgainst([expected], _folder);

        Assert.Equal(0, report.Lost);
        Assert.Equal(1, report.Unexpected);
        Assert.Equal(3, report.TornBytes);
    }

    [Fact]
    public void FilesIn_MissingFolder_ThrowsNamingIt()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => AuditReader.FilesIn(Path.Combine(_folder, "nope")));

        Assert.Contains("nope", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Write(string name, params long[] sequences)
    {
        using var writer = AuditLogWriter.InFolder(_folder, name);
        foreach (var sequence in sequences)
        {
            writer.Append(sequence);
        }

        writer.Flush();
    }
}
