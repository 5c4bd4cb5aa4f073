namespace Force12.Queues.Chaos;

/// <summary>
/// Size and pace of one chaos run: the bulbs pipeline (Kafka -> processor pods) and the bulb-state pipeline
/// (RabbitMQ queue -> bulb-state pods), both Docker containers scaled by a real agent while pods are SIGKILLed.
/// The test runs the defaults; the benchmark command sets more events and a longer budget.
/// </summary>
internal sealed record ChaosOptions
{
    /// <summary>Uniquely numbered events the load generator sends. Default 100,000.</summary>
    public int Events { get; init; } = 100_000;

    /// <summary>Partitions of the Kafka topic (so at most this many processor pods do work). Default 12.</summary>
    public int Partitions { get; init; } = 12;

    /// <summary>
    /// Lowest rate of the day-shaped load, events per second. Default 100: well under what one processor pod does, so
    /// the backlog drains at night and the agent scales down.
    /// </summary>
    public double MinRate { get; init; } = 100;

    /// <summary>Highest rate of the day-shaped load, events per second. Default 1,000: more than a few pods do.</summary>
    public double MaxRate { get; init; } = 1000;

    /// <summary>One "day" of the load: low, high, low again. Default 90 s.</summary>
    public TimeSpan Period { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Time limit of the whole run, image build excluded. Default 10 minutes.</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Time between two SIGKILLs of a random pod's container. Default 6 s.</summary>
    public TimeSpan KillEvery { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>Simulated work per event in a processor, ms: one pod handles at most 1000 / this per second. Default 1.</summary>
    public double WorkMs { get; init; } = 1;

    /// <summary>Simulated work per state change in a bulb-state pod (one at a time), ms. Default 2.</summary>
    public double StateWorkMs { get; init; } = 2;

    /// <summary>Most processor pods. Default 8.</summary>
    public int MaxPods { get; init; } = 8;

    /// <summary>Most bulb-state pods. Default 4.</summary>
    public int MaxStatePods { get; init; } = 4;

    /// <summary>
    /// Pod slots of the agent's capacity pool shared by both pipelines. Default null: room for both at their maximum
    /// (<see cref="MaxPods"/> + <see cref="MaxStatePods"/> + 2). Smaller makes them contend: the processors (priority 1)
    /// keep every pod they need and bulb-state (priority 2) gets what is left.
    /// </summary>
    public int? PodSlots { get; init; }

    /// <summary>The pool's pod slots this run uses (<see cref="PodSlots"/> or its default).</summary>
    public int EffectivePodSlots => PodSlots ?? MaxPods + MaxStatePods + 2;

    /// <summary>How long every Kafka broker is down, once, under load. Default zero: no outage.</summary>
    public TimeSpan OutageLength { get; init; }

    /// <summary>Events sent when the outage starts. Default a quarter of <see cref="Events"/> (before the agent restart at half).</summary>
    public long OutageAtEvents => Events / 4;

    /// <summary>Seed of the bulb choice in the events and of the victim choice. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The bulbs image the pods run (built by scripts/build-images.sh). Default <c>force12/bulbs:chaos</c>.</summary>
    public string Image { get; init; } = "force12/bulbs:chaos";

    /// <summary>Whether to build <see cref="Image"/> first. Default true.</summary>
    public bool BuildImage { get; init; } = true;

    /// <summary>Every problem with these options, each naming the field; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Events < 1)
        {
            errors.Add($"{nameof(Events)} must be at least 1, was {Events}.");
        }

        if (Partitions < 1 || MaxPods < 1 || MaxStatePods < 1)
        {
            errors.Add($"{nameof(Partitions)}, {nameof(MaxPods)} and {nameof(MaxStatePods)} must be at least 1.");
        }

        if (PodSlots is { } slots && slots < MaxPods + 1)
        {
            errors.Add($"{nameof(PodSlots)} must leave room for every processor pod and one bulb-state pod (at least {MaxPods + 1}), was {slots}.");
        }

        if (MinRate <= 0 || MaxRate < MinRate)
        {
            errors.Add($"{nameof(MinRate)} must be positive and {nameof(MaxRate)} at least {nameof(MinRate)} (were {MinRate} and {MaxRate}).");
        }

        if (OutageLength < TimeSpan.Zero)
        {
            errors.Add($"{nameof(OutageLength)} must be zero (no outage) or positive, was {OutageLength}.");
        }

        if (KillEvery <= TimeSpan.Zero || Budget <= TimeSpan.Zero || Period <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(KillEvery)}, {nameof(Budget)} and {nameof(Period)} must be positive.");
        }

        if (WorkMs < 0 || StateWorkMs < 0)
        {
            errors.Add($"{nameof(WorkMs)} and {nameof(StateWorkMs)} must be 0 or more.");
        }

        return errors;
    }
}
