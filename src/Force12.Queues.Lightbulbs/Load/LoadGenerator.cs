namespace Force12.Queues.Lightbulbs.Load;

/// <summary>
/// Sends lightbulb events to a sink at the rate of a pattern: after each wake-up it sends every event the
/// <see cref="RatePacer"/> says is due by now, then waits until the next one is due. Reports progress on the
/// clock and ends with a <see cref="LoadReport"/>.
/// </summary>
public sealed class LoadGenerator
{
    private readonly LoadGeneratorOptions _options;
    private readonly LightbulbEventFactory _events;
    private readonly ILoadSink _sink;
    private readonly TimeProvider _time;

    /// <summary>Creates the generator.</summary>
    public LoadGenerator(LoadGeneratorOptions options, LightbulbEventFactory events, ILoadSink sink, TimeProvider time)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _events = events ?? throw new ArgumentNullException(nameof(events));
        _sink = sink ?? throw new ArgumentNullException(nameof(sink));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>Runs the pattern to its end (or <see cref="LoadGeneratorOptions.MaxEvents"/>, or cancellation), then flushes.</summary>
    /// <param name="progress">Receives a sample every <see cref="LoadGeneratorOptions.ProgressInterval"/>; may be null.</param>
    /// <param name="cancellationToken">Stops sending early; the flush and the report still happen.</param>
    public async Task<LoadReport> RunAsync(IProgress<LoadProgress>? progress, CancellationToken cancellationToken)
    {
        var pacer = new RatePacer(_options.Rate, _time);
        var buffer = new byte[_options.Codec.MaxEncodedLength];
        var limit = _options.MaxEvents ?? long.MaxValue;
        long sent = 0;
        var nextProgress = _options.ProgressInterval;
        var stopped = false;
        pacer.Start();
        var started = _time.GetTimestamp();
        try
        {
            while (sent < limit)
            {
                var finished = pacer.Finished;
                var due = Math.Min(limit, pacer.DueNow());
                var burst = Math.Min(due - sent, _options.MaxBurst);
                for (var i = 0; i < burst; i++)
                {
                    var next = _events.Next();
                    var length = _options.Codec.Encode(next, buffer);
                    var send = _sink.SendAsync(next.Sequence, Events.LightbulbKey.Encode(next.BulbId), buffer[..length], cancellationToken);
                    if (!send.IsCompletedSuccessfully)
                    {
                        await send.ConfigureAwait(false);
                    }

                    sent++;
                }

                if (pacer.Elapsed >= nextProgress)
                {
                    progress?.Report(Sample(pacer, sent));
                    nextProgress += _options.ProgressInterval;
                }

                if (finished && sent >= due)
                {
                    break;
                }

                if (burst == 0)
                {
                    await Task.Delay(pacer.UntilNext(sent), _time, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            stopped = true;
        }

        var sending = _time.GetElapsedTime(started);
        _ = await _sink.FlushAsync(_options.FlushTimeout, CancellationToken.None).ConfigureAwait(false);
        progress?.Report(Sample(pacer, sent));
        return new LoadReport
        {
            Pattern = _options.Rate.Describe(),
            Sink = _sink.Description,
            Sent = sent,
            Acknowledged = _sink.Counters.Acknowledged,
            Failed = _sink.Counters.Failed,
            FirstSequence = _events.FirstSequence,
            Elapsed = sending,
            ElapsedIncludingFlush = _time.GetElapsedTime(started),
            FirstError = _sink.Counters.FirstError,
            Stopped = stopped,
        };
    }

    private LoadProgress Sample(RatePacer pacer, long sent) =>
        new(pacer.Elapsed, pacer.CurrentRate, sent, _sink.Counters.Acknowledged, _sink.Counters.Failed);
}
