using System.Globalization;
using Force12.Queues.Lightbulbs.Load;

namespace Force12.Queues.Tools.Commands;

/// <summary>Progress of <c>force12 loadgen</c>: one line per sample, rewritten in place on a terminal.</summary>
internal sealed class LoadProgressPrinter : IProgress<LoadProgress>
{
    private readonly TextWriter _output;
    private readonly bool _inPlace;
    private long _lastAcknowledged;
    private TimeSpan _lastElapsed;

    public LoadProgressPrinter(TextWriter output, string pattern, string sink)
    {
        _output = output;
        _inPlace = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        _output.WriteLine($"loadgen: {pattern} -> {sink}");
    }

    public void Report(LoadProgress value)
    {
        var seconds = (value.Elapsed - _lastElapsed).TotalSeconds;
        var recent = seconds > 0 ? (value.Acknowledged - _lastAcknowledged) / seconds : 0;
        (_lastAcknowledged, _lastElapsed) = (value.Acknowledged, value.Elapsed);
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"{value.Elapsed.TotalSeconds,7:F1}s  target {value.TargetRate,9:F0}/s  acked {recent,9:F0}/s  sent {value.Sent,10}  acked {value.Acknowledged,10}  failed {value.Failed}");
        if (_inPlace)
        {
            _output.Write("\r" + line);
        }
        else
        {
            _output.WriteLine(line);
        }
    }
}
