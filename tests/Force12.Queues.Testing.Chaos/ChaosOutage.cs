using System.Globalization;
using Force12.Queues.Kafka.Embedded;

namespace Force12.Queues.Chaos;

/// <summary>
/// Takes every broker of the embedded Kafka cluster down for <see cref="ChaosOptions.OutageLength"/> once
/// <see cref="ChaosOptions.OutageAtEvents"/> events were sent, and records what the agent decided for the Kafka
/// pipeline meanwhile and after: its target pods and reason, one sample a second.
/// </summary>
internal sealed class ChaosOutage(ChaosOptions options, EmbeddedKafkaCluster kafka)
{
    private readonly List<OutageSample> _samples = [];
    private TimeSpan? _downAt;
    private TimeSpan? _upAt;

    /// <summary>Whether the brokers are down now (Kafka calls of the driver itself would only time out).</summary>
    public bool BrokersDown => _downAt is not null && _upAt is null;

    /// <summary>What the agent decided for the Kafka pipeline from the outage on, one sample a second.</summary>
    public IReadOnlyList<OutageSample> Samples => _samples;

    /// <summary>One second of the run: starts or ends the outage when due and records the agent's decision.</summary>
    /// <returns>A line for the run's log when the outage started or ended, else null.</returns>
    public string? Step(TimeSpan elapsed, long sent, (int Target, string Reason)? decision)
    {
        if (options.OutageLength <= TimeSpan.Zero)
        {
            return null;
        }

        string? said = null;
        if (_downAt is null && sent >= options.OutageAtEvents)
        {
            SetBrokers(down: true);
            _downAt = elapsed;
            said = Say(elapsed, $"every Kafka broker down for {options.OutageLength.TotalSeconds:0} s (sent {sent:N0})");
        }
        else if (BrokersDown && elapsed - _downAt >= options.OutageLength)
        {
            SetBrokers(down: false);
            _upAt = elapsed;
            said = Say(elapsed, "Kafka brokers up again");
        }

        if (_downAt is not null && decision is { } d)
        {
            _samples.Add(new OutageSample(elapsed - _downAt.Value, BrokersDown, d.Target, d.Reason));
        }

        return said;
    }

    /// <summary>Brings the brokers back if the run ends during the outage.</summary>
    public void End()
    {
        if (BrokersDown)
        {
            SetBrokers(down: false);
        }
    }

    private void SetBrokers(bool down)
    {
        for (var broker = 1; broker <= kafka.Brokers; broker++)
        {
            if (down)
            {
                kafka.SetBrokerDown(broker);
            }
            else
            {
                kafka.SetBrokerUp(broker);
            }
        }
    }

    private static string Say(TimeSpan elapsed, string what) => string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0}s: {what}");
}

/// <summary>The agent's decision for the Kafka pipeline at <paramref name="SinceOutage"/> after the brokers went down.</summary>
internal readonly record struct OutageSample(TimeSpan SinceOutage, bool BrokersDown, int Target, string Reason);
