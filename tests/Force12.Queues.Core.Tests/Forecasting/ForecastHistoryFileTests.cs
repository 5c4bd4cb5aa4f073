using Force12.Queues.Core.Forecasting;

namespace Force12.Queues.Core.Tests.Forecasting;

public sealed class ForecastHistoryFileTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "force12-forecast-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void SaveThenLoad_RoundTripsEveryBucketAndLeavesNoTemporaryFile()
    {
        var path = Path.Combine(_directory, "lights.history");
        var start = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
        CompletedBucket[] buckets = [new(start, 1_666.5), new(start.AddMinutes(1), 0.1 + 0.2), new(start.AddMinutes(2), 6_100)];

        ForecastHistoryFile.Save(path, buckets);

        Assert.Equal(buckets, ForecastHistoryFile.Load(path));
        Assert.Equal([path], Directory.GetFiles(_directory));
    }

    [Fact]
    public void Save_MoreThanTwoWeeks_KeepsTheNewestBuckets()
    {
        var path = Path.Combine(_directory, "lights.history");
        var start = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
        var buckets = Enumerable.Range(0, ForecastHistoryFile.MaxBuckets + 10).Select(i => new CompletedBucket(start.AddMinutes(i), i)).ToArray();

        ForecastHistoryFile.Save(path, buckets);
        var loaded = ForecastHistoryFile.Load(path);

        Assert.Equal(ForecastHistoryFile.MaxBuckets, loaded.Count);
        Assert.Equal(10, loaded[0].RatePerSecond);
    }

    [Fact]
    public void Load_MissingFile_IsEmptyAndBadRowNamesItsLine()
    {
        var path = Path.Combine(_directory, "bad.history");
        Directory.CreateDirectory(_directory);
        File.WriteAllText(path, "1767571200,1000\nyesterday,5\n");

        Assert.Empty(ForecastHistoryFile.Load(Path.Combine(_directory, "none.history")));
        var error = Assert.Throws<InvalidDataException>(() => ForecastHistoryFile.Load(path));
        Assert.Equal($"{path}:2: expected 'unixSeconds,messagesPerSecond', got 'yesterday,5'", error.Message);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
