using System.Text;
using Xunit.Abstractions;

namespace Force12.Queues.Samples.Bulbs.Tests.Chaos;

/// <summary>Lines written to it go to the test's output (shown on failure and with --logger "console;verbosity=detailed").</summary>
internal sealed class TestOutputWriter(ITestOutputHelper output) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void WriteLine(string? value) => output.WriteLine(value ?? "");

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }
}
