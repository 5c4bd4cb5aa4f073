using Force12.Queues.Core.Configuration;

namespace Force12.Queues.Core.Tests.Configuration;

public sealed class QuantityParserTests
{
    [Theory]
    [InlineData(0, "0s")]
    [InlineData(250, "250ms")]
    [InlineData(1_500, "1.5s")]
    [InlineData(10_000, "10s")]
    [InlineData(300_000, "5m")]
    [InlineData(7_200_000, "2h")]
    [InlineData(-1_000, "-1s")]
    public void FormatDuration_WritesTheUnitConfigurationUses(long milliseconds, string expected)
    {
        Assert.Equal(expected, QuantityParser.FormatDuration(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Theory]
    [InlineData("250ms")]
    [InlineData("1.5s")]
    [InlineData("5m")]
    [InlineData("2h")]
    public void FormatDuration_ParsesBackToTheSameDuration(string text)
    {
        Assert.True(QuantityParser.TryParseDuration(text, out var value));

        Assert.Equal(text, QuantityParser.FormatDuration(value));
    }
}
