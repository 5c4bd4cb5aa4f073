namespace Force12.Queues.Simulation.Engine;

/// <summary>One pipeline inside a run: partitions, producers, pods, and the numbers scored at the end.</summary>
internal sealed class PipelineRuntime
{
    private readonly SimPartition[] _partitions;
    private readonly ArrivalGenerator _arrivals;
    private readonly double[] _tickArrivals;
    private readonly double[] _lastPollLogEnds;
    private double _lastPollSeconds;
    private double _lastPollCommitted;

    public PipelineRuntime(SimulatedPipeline spec, int index, SimulationOptions options)
    {
        Spec = spec;
        _partitions = Enumerable.Range(0, spec.Partitions).Select(_ => new SimPartition()).ToArray();
        _arrivals = new ArrivalGenerator(spec, options.Seed, index, options.TickSeconds);
        _tickArrivals = new double[spec.Partitions];
        _lastPollLogEnds = new double[spec.Partitions];
        Fleet = new PodFleet(_partitions, options);
        Delays = new DelayHistogram(spec.Policy.Sla.TotalSeconds);
    }

    public SimulatedPipeline Spec { get; }

    public PodFleet Fleet { get; }

    public DelayHistogram Delays { get; }

    public double PodSeconds { get; private set; }

    public int ScaleActions { get; set; }

    public int Decisions { get; set; }

    public int DecisionsAtNeed { get; set; }

    public double Backlog => _partitions.Sum(p => p.Backlog);

    public double LogEnd => _partitions.Sum(p => p.LogEnd);

    /// <summary>Producers append the tick's messages, then ready pods process their partitions oldest-first.</summary>
    public void Tick(double now, double dt)
    {
        _arrivals.Next(now, _tickArrivals);
        for (var p = 0; p < _partitions.Length; p++)
        {
            _partitions[p].Append(now, _tickArrivals[p]);
        }

        PodSeconds += Fleet.Billed * dt;
        var done = now + dt;
        foreach (var pod in Fleet.Pods)
        {
            if (pod.State == PodState.Ready && pod.Partitions.Count > 0)
            {
                Process(pod, now, done, Spec.PodThroughput * dt);
            }
        }
    }

    private void Process(SimPod pod, double now, double done, double budget)
    {
        while (budget > 1e-9)
        {
            SimPartition? oldest = null;
            foreach (var index in pod.Partitions)
            {
                var partition = _partitions[index];
                if (partition.Backlog > 1e-9 && partition.PausedUntil <= now + 1e-9 && (oldest is null || partition.HeadArrivedAt < oldest.HeadArrivedAt))
                {
                    oldest = partition;
                }
            }

            if (oldest is null)
            {
                return;
            }

            var (count, arrivedAt) = oldest.ConsumeHead(budget);
            budget -= count;
            Delays.Add(done - arrivedAt + Spec.ServiceTimeSeconds, count);
        }
    }

    /// <summary>What a lag collector would report now; rates are measured since the previous observation.</summary>
    public PipelineObservation Observe(double now)
    {
        var elapsed = Math.Max(1e-9, now - _lastPollSeconds);
        var backlogs = new double[_partitions.Length];
        var arrivalRates = new double[_partitions.Length];
        var oldest = double.PositiveInfinity;
        for (var p = 0; p < _partitions.Length; p++)
        {
            backlogs[p] = _partitions[p].Backlog;
            arrivalRates[p] = (_partitions[p].LogEnd - _lastPollLogEnds[p]) / elapsed;
            _lastPollLogEnds[p] = _partitions[p].LogEnd;
            oldest = Math.Min(oldest, _partitions[p].HeadArrivedAt);
        }

        var committed = _partitions.Sum(p => p.Committed);
        var observation = new PipelineObservation
        {
            Seconds = now,
            BacklogMessages = backlogs.Sum(),
            OldestAgeSeconds = double.IsPositiveInfinity(oldest) ? 0 : now - oldest,
            ArrivalRatePerSecond = arrivalRates.Sum(),
            ProcessingRatePerSecond = (committed - _lastPollCommitted) / elapsed,
            CurrentPods = Fleet.Count(PodState.Starting) + Fleet.Count(PodState.Ready),
            ReadyPods = Fleet.Count(PodState.Ready),
            StoppingPods = Fleet.Count(PodState.Stopping),
            PartitionBacklogs = backlogs,
            PartitionArrivalRates = arrivalRates,
        };
        _lastPollSeconds = now;
        _lastPollCommitted = committed;
        return observation;
    }

    /// <summary>Scores what is still queued at the end: messages already older than the SLA count as missed.</summary>
    public void ScoreLeftovers(double end)
    {
        var sla = Spec.Policy.Sla.TotalSeconds;
        foreach (var partition in _partitions)
        {
            foreach (var (arrivedAt, count) in partition.Remaining().Where(c => end - c.ArrivedAt > sla))
            {
                Delays.Add(end - arrivedAt, count);
            }
        }
    }
}
