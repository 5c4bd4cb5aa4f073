namespace Force12.Queues.Agent.Tests.Faults;

/// <summary>
/// What every fault must leave true, checked on the status seen three ticks into it, with each broken rule kept as a
/// line naming the fault: the faulty pipeline keeps its pods (no scale-down on missing data) and either reports an
/// error or, where <c>truth</c> is given, the true backlog; the steady pipeline keeps deciding.
/// </summary>
internal sealed class FaultChecks(string faulty, string steady, int pods)
{
    private readonly List<string> _problems = [];

    /// <summary>Every broken rule so far, one line each.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>
    /// Checks the status <paramref name="seen"/> after <paramref name="fault"/> began at tick <paramref name="since"/>.
    /// <paramref name="mustFail"/>: the fault must show as a collector error (with fallback reached); otherwise an honest
    /// answer of <paramref name="truth"/> messages is accepted too.
    /// </summary>
    public void After(string fault, AgentSnapshot seen, long since, bool mustFail, long? truth = null)
    {
        var f = seen.Pipeline(faulty);
        var s = seen.Pipeline(steady);
        var failed = f.CollectorError is not null;
        Check(fault, f.TargetPods >= pods && f.RunningPods >= pods, $"pods went below {pods}: {f}");
        Check(fault, s.CollectorError is null && s.LastSuccessfulCollectTick >= since + 2, $"the steady pipeline stopped deciding: {s}");
        if (mustFail)
        {
            Check(fault, failed, $"no collector error: {f}");
            Check(fault, !failed || f.ReasonCode == "FallbackAfterFailedPolls", $"no fallback after three failed polls: {f}");
        }
        else
        {
            Check(fault, failed || f.BacklogMessages == truth, $"neither an error nor the true backlog of {truth}: {f}");
        }
    }

    private void Check(string fault, bool holds, string problem)
    {
        if (!holds)
        {
            _problems.Add($"{fault}: {problem}");
        }
    }
}
