using Force12.Queues.Core.Scaling;
using Force12.Queues.Kinesis.Configuration;
using Force12.Queues.Kinesis.Lag;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Agent.Commands;

/// <summary><c>force12 lag --source kinesis</c>: a KCL application's lag per shard, once or every interval.</summary>
internal sealed class KinesisLagRun(KinesisSourceOptions options, HotUnitRule? hot, bool json, TextWriter output, TextWriter error)
{
    public async Task<int> OnceAsync(CancellationToken cancellationToken)
    {
        var report = await KinesisLagReport.CollectAsync(options, TimeProvider.System, NullLoggerFactory.Instance, hot, cancellationToken).ConfigureAwait(false);
        return await WriteAsync(report).ConfigureAwait(false);
    }

    public async Task<int> WatchAsync(TimeSpan every, CancellationToken cancellationToken)
    {
        // One collector for the whole watch: rates appear from the second poll on.
        var collector = new KinesisSource(options).CreateKinesisCollector(TimeProvider.System, NullLoggerFactory.Instance);
        using var timer = new PeriodicTimer(every, TimeProvider.System);
        try
        {
            do
            {
                var reading = await collector.CollectDetailedAsync(cancellationToken).ConfigureAwait(false);
                await WriteAsync(KinesisLagReport.From(options, reading, hot)).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        return ExitCodes.Success;
    }

    private async Task<int> WriteAsync(KinesisLagReport report)
    {
        if (!report.Succeeded)
        {
            await error.WriteLineAsync(report.ErrorMessage).ConfigureAwait(false);
            if (json)
            {
                report.WriteJson(output);
            }

            return ExitCodes.Failure;
        }

        if (json)
        {
            report.WriteJson(output);
        }
        else
        {
            report.WriteTable(output);
        }

        return ExitCodes.Success;
    }
}
