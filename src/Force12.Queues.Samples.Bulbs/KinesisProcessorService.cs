using Force12.Queues.Kinesis.Client;
using Force12.Queues.Kinesis.Consumer;
using Force12.Queues.Kinesis.Leases;
using Force12.Queues.Lightbulbs.Audit;
using Force12.Queues.Lightbulbs.Processing;
using Force12.Queues.Lightbulbs.State;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Samples.Bulbs;

/// <summary>Runs the Kinesis worker until SIGTERM (then it releases its leases); a failure stops the process with exit code 1.</summary>
internal sealed class KinesisProcessorService(
    KinesisProcessorSetup setup,
    IStateChangePublisher? publisher,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var logger = loggers.CreateLogger<KinesisProcessorService>();
        using var cache = setup.StateCache is null ? null : new BulbStateCacheClient(setup.StateCache);
        using var audit = setup.AuditDir is null ? null : AuditLogWriter.InFolder(setup.AuditDir, SampleSettings.InstanceName("processor"));
        if (audit is not null)
        {
            SampleLog.Auditing(logger, audit.Path);
        }

        try
        {
            if (cache is not null)
            {
                await cache.WaitUntilReachableAsync(TimeSpan.FromSeconds(30), time, stoppingToken).ConfigureAwait(false);
            }

            using var kinesis = new KinesisClient(setup.Client, time);
            using var table = new KclLeaseTable(setup.LeaseTable);
            await table.CreateIfMissingAsync(time, stoppingToken).ConfigureAwait(false);
            using var handler = new KinesisBulbHandler(setup.WorkPerMessage, time, loggers.CreateLogger<KinesisBulbHandler>(), cache, publisher, audit);
            using var consumer = new KinesisConsumer(kinesis, table, handler, setup.Consumer, time, loggers.CreateLogger<KinesisConsumer>());
            SampleLog.KinesisProcessorStarted(logger, setup.Consumer.StreamName, setup.LeaseTable.TableName, setup.Consumer.WorkerId, setup.WorkPerMessage.TotalMilliseconds);
            await consumer.RunAsync(stoppingToken).ConfigureAwait(false);
            SampleLog.KinesisProcessorStopped(logger, handler.Counters.Processed, handler.Counters.Batches);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped while waiting for the cache or the lease table.
        }
        catch (Exception e)
        {
            SampleLog.ProcessorFailed(logger, e);
            Environment.ExitCode = 1;
            throw;
        }
    }
}
