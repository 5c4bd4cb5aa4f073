using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Scaling;
using Force12.Queues.Kafka.Lag;

namespace Force12.Queues.Agent.Commands;

/// <summary>Runs the collector for <c>force12 lag</c> and prints each result.</summary>
/// <remarks><paramref name="hot"/>, when set (from <c>--sla</c>), labels units the policy would count as hot.</remarks>
internal sealed class LagRun(KafkaLagCollectorOptions options, HotUnitRule? hot, bool json, TextWriter output, TextWriter error)
{
    /// <summary>One collection: exit 0 with the snapshot, or 1 with the reason on stderr.</summary>
    public async Task<int> OnceAsync(CancellationToken cancellationToken)
    {
        using var collector = new KafkaLagCollector(options);
        var result = await collector.CollectAsync(cancellationToken).ConfigureAwait(false);
        return await PrintAsync(result).ConfigureAwait(false);
    }

    /// <summary>Collects every <paramref name="interval"/> until cancelled (Ctrl-C); failures are printed and polling goes on.</summary>
    public async Task<int> WatchAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var collector = new KafkaLagCollector(options);
        var exitCode = ExitCodes.Success;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                exitCode = await PrintAsync(await collector.CollectAsync(cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
                await Task.Delay(interval, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C ends the watch.
        }

        return exitCode;
    }

    private async Task<int> PrintAsync(LagCollectionResult result)
    {
        if (!result.Succeeded)
        {
            await error.WriteLineAsync($"force12 lag: {result.Error}").ConfigureAwait(false);
            await error.FlushAsync().ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        var text = json ? LagJsonWriter.Write(result.Snapshot, hot, indented: false) : LagTableWriter.Write(result.Snapshot, hot);
        await output.WriteLineAsync(text).ConfigureAwait(false);
        await output.FlushAsync().ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
