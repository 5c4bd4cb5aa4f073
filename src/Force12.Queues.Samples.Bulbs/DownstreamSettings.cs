using System.Net;
using Force12.Queues.Lightbulbs.Processing;
using Force12.Queues.Lightbulbs.State;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Force12.Queues.Samples.Bulbs;

/// <summary>
/// What both processor variants (Kafka and Kinesis) hand a worked batch on to: <c>BULBS_STATE_CACHE</c>
/// (tcp:127.0.0.1:7070, or none), <c>BULBS_RABBITMQ</c> (amqp URL; unset: no downstream), <c>BULBS_STATE_QUEUE</c>
/// (bulb-state) and <c>BULBS_AUDIT_DIR</c> (unset: no audit).
/// </summary>
internal sealed record DownstreamSettings(EndPoint? StateCache, string? RabbitMq, string Queue, string? AuditDir)
{
    /// <summary>Reads the settings; problems go to <paramref name="settings"/>' errors.</summary>
    public static DownstreamSettings Read(SampleSettings settings)
    {
        var cache = settings.Text("BULBS_STATE_CACHE", StateCacheEndpoint.Default)!;
        var endpoint = cache == "none" ? null : settings.Parse("BULBS_STATE_CACHE", cache, StateCacheEndpoint.Parse);
        var rabbit = settings.Text("BULBS_RABBITMQ");
        if (rabbit is not null && !Uri.TryCreate(rabbit, UriKind.Absolute, out _))
        {
            settings.Errors.Add($"BULBS_RABBITMQ must be an amqp:// URL (was '{rabbit}')");
        }

        return new DownstreamSettings(endpoint, rabbit, settings.Text("BULBS_STATE_QUEUE", "bulb-state")!, settings.Text("BULBS_AUDIT_DIR"));
    }

    /// <summary>Registers MassTransit on RabbitMQ when there is a downstream.</summary>
    public void AddTo(IServiceCollection services)
    {
        if (RabbitMq is not null)
        {
            services.AddMassTransit(x =>
            {
                x.DisableUsageTelemetry(); // a sample pod does not report to third parties (and pods often have no internet)
                x.UsingRabbitMq((_, cfg) => cfg.Host(new Uri(RabbitMq)));
            });
            services.AddOptions<MassTransitHostOptions>().Configure(o => o.WaitUntilStarted = true);
        }
    }

    /// <summary>The downstream publisher, or null when there is none.</summary>
    public IStateChangePublisher? Publisher(IServiceProvider services) => RabbitMq is null
        ? null
        : new MassTransitStateChangePublisher(services.GetRequiredService<ISendEndpointProvider>(), new Uri($"queue:{Queue}"));
}
