using Force12.Queues.Lightbulbs.Audit;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Samples.Bulbs;

/// <summary>
/// Role <c>bulb-state</c>, the downstream stage. Settings: <c>BULBS_RABBITMQ</c> (amqp URL, required),
/// <c>BULBS_STATE_QUEUE</c> (bulb-state), <c>BULBS_WORK_MS</c> (1), <c>BULBS_PREFETCH</c> (16),
/// <c>BULBS_CONCURRENCY</c> (1: one message at a time, so a pod does at most 1 / work per second),
/// <c>BULBS_AUDIT_DIR</c> (unset: no audit). A message is acknowledged only after its work (and audit) finished.
/// </summary>
internal static class BulbStateRole
{
    public static bool Configure(HostApplicationBuilder builder, SampleSettings settings)
    {
        var rabbit = settings.Text("BULBS_RABBITMQ", required: true);
        var queue = settings.Text("BULBS_STATE_QUEUE", "bulb-state")!;
        var work = settings.Milliseconds("BULBS_WORK_MS", 1);
        var prefetch = settings.Whole("BULBS_PREFETCH", 16, min: 1);
        var concurrency = settings.Whole("BULBS_CONCURRENCY", 1, min: 1);
        var auditDir = settings.Text("BULBS_AUDIT_DIR");
        if (rabbit is not null && !Uri.TryCreate(rabbit, UriKind.Absolute, out _))
        {
            settings.Errors.Add($"BULBS_RABBITMQ must be an amqp:// URL (was '{rabbit}')");
        }

        if (settings.Errors.Count > 0)
        {
            return false;
        }

        var audit = auditDir is null ? null : AuditLogWriter.InFolder(auditDir, SampleSettings.InstanceName("bulb-state"));
        builder.Services.AddSingleton(new BulbStateChangeConsumer.Settings(work, audit));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddMassTransit(x =>
        {
            x.DisableUsageTelemetry(); // a sample pod does not report to third parties (and pods often have no internet)
            x.AddConsumer<BulbStateChangeConsumer>();
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(new Uri(rabbit!));
                cfg.ReceiveEndpoint(queue, e =>
                {
                    e.PrefetchCount = prefetch;
                    e.ConcurrentMessageLimit = concurrency;
                    e.ConfigureConsumer<BulbStateChangeConsumer>(context);
                });
            });
        });
        builder.Services.AddHostedService(sp => new StartLog(sp.GetRequiredService<ILogger<BulbStateChangeConsumer>>(), queue, work, prefetch, concurrency, audit));
        return true;
    }

    private sealed class StartLog(ILogger logger, string queue, TimeSpan work, int prefetch, int concurrency, AuditLogWriter? audit) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            SampleLog.BulbStateStarted(logger, queue, work.TotalMilliseconds, prefetch, concurrency);
            if (audit is not null)
            {
                SampleLog.Auditing(logger, audit.Path);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
