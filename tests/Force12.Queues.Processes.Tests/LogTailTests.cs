namespace Force12.Queues.Processes.Tests;

public class LogTailTests
{
    [Fact]
    public void Read_LongLog_ReturnsLastLines()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file, Enumerable.Range(1, 100).Select(i => $"line {i}"));

            Assert.Equal("line 99\nline 100", LogTail.Read(file, maxLines: 2));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Read_MissingOrEmpty_SaysSo()
    {
        Assert.StartsWith("(no log: ", LogTail.Read("/does-not-exist/x.log", 5), StringComparison.Ordinal);
        var file = Path.GetTempFileName();
        try
        {
            Assert.Equal("(no output)", LogTail.Read(file, 5));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
