namespace Force12.Queues.Docker.Tests;

public class DockerTimestampsTests
{
    [Theory]
    [InlineData("2026-11-25T12:30:01.123456789Z", "2026-11-25T12:30:01.1234567+00:00")]
    [InlineData("2026-11-25T12:30:01Z", "2026-11-25T12:30:01.0000000+00:00")]
    [InlineData("2026-11-25T13:30:01.5+01:00", "2026-11-25T12:30:01.5000000+00:00")]
    public void Parse_DockerTimes_ParsesToUtcWithTicks(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DockerTimestamps.Parse(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("not a time")]
    public void Parse_EmptyZeroOrBad_ReturnsNull(string? text)
    {
        Assert.Null(DockerTimestamps.Parse(text));
    }
}
