using Confluent.Kafka;
using Force12.Queues.Lightbulbs.Audit;
using Force12.Queues.Lightbulbs.Processing;
using Force12.Queues.Lightbulbs.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Samples.Bulbs;

/// <summary>
/// Role <c>processor</c>. Settings: <c>BULBS_KAFKA</c> (bootstrap servers, required), <c>BULBS_TOPIC</c> (bulbs),
/// <c>BULBS_GROUP</c> (bulbs), <c>BULBS_WORK_MS</c> (1), <c>BULBS_BATCH</c> (100), <c>BULBS_ON_STOP</c> (finish|abandon),
/// <c>BULBS_GROUP_PROTOCOL</c> (consumer: KIP-848, Kafka 4.0+; classic for older brokers),
/// <c>BULBS_SESSION_TIMEOUT_MS</c> (6000, classic protocol only), <c>BULBS_STATE_CACHE</c> (tcp:127.0.0.1:7070, or none),
/// <c>BULBS_RABBITMQ</c> (amqp URL; unset: no downstream), <c>BULBS_STATE_QUEUE</c> (bulb-state),
/// <c>BULBS_AUDIT_DIR</c> (folder for this processor's audit file; unset: no audit). Warm-capable (docs/pod-contract.md):
/// with <c>FORCE12_WARM=1</c> it connects, writes <c>warm</c> and joins the group only once the agent wrote <c>consume</c>.
/// </summary>
internal static class ProcessorRole
{
    public static bool Configure(HostApplicationBuilder builder, SampleSettings settings)
    {
        var options = new BulbProcessorOptions
        {
            BootstrapServers = settings.Text("BULBS_KAFKA", required: true) ?? "",
            Topic = settings.Text("BULBS_TOPIC", "bulbs")!,
            GroupId = settings.Text("BULBS_GROUP", "bulbs")!,
            WorkPerMessage = settings.Milliseconds("BULBS_WORK_MS", 1),
            MaxBatch = settings.Whole("BULBS_BATCH", 100, min: 1),
            SessionTimeout = TimeSpan.FromMilliseconds(settings.Whole("BULBS_SESSION_TIMEOUT_MS", 6000, min: 1000)),
            StopMode = settings.Parse("BULBS_ON_STOP", "finish", ParseStopMode),
            GroupProtocol = settings.Parse("BULBS_GROUP_PROTOCOL", "consumer", ParseGroupProtocol),
        };
        var downstream = DownstreamSettings.Read(settings);
        if (settings.Errors.Count > 0)
        {
            return false;
        }

        downstream.AddTo(builder.Services);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHostedService(sp => new ProcessorService(
            options,
            downstream.StateCache,
            downstream.Publisher(sp),
            downstream.AuditDir,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        return true;
    }

    private static GroupProtocol ParseGroupProtocol(string text) => text switch
    {
        "consumer" => GroupProtocol.Consumer,
        "classic" => GroupProtocol.Classic,
        _ => throw new FormatException($"must be consumer or classic (was '{text}')"),
    };

    private static StopMode ParseStopMode(string text) => text switch
    {
        "finish" => StopMode.Finish,
        "abandon" => StopMode.Abandon,
        _ => throw new FormatException($"must be finish or abandon (was '{text}')"),
    };

    /// <summary>Runs the processor until SIGTERM; a failure stops the process with exit code 1.</summary>
    private sealed class ProcessorService(
        BulbProcessorOptions options,
        System.Net.EndPoint? cacheEndpoint,
        IStateChangePublisher? publisher,
        string? auditDir,
        TimeProvider time,
        ILoggerFactory loggers) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            var logger = loggers.CreateLogger<ProcessorService>();
            using var cache = cacheEndpoint is null ? null : new BulbStateCacheClient(cacheEndpoint);
            using var audit = auditDir is null ? null : AuditLogWriter.InFolder(auditDir, SampleSettings.InstanceName("processor"));
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

                var processor = new BulbProcessor(options, time, loggers.CreateLogger<BulbProcessor>(), cache, publisher, audit);
                var warm = WarmStartGate.FromEnvironment(time, logger);
                await processor.RunAsync(warm is null ? null : warm.WaitForPromotionAsync, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopped while waiting for the cache.
            }
            catch (Exception e)
            {
                SampleLog.ProcessorFailed(logger, e);
                Environment.ExitCode = 1;
                throw;
            }
        }
    }
}
