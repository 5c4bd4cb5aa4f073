using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Scaling;

namespace Force12.Queues.Agent.Commands;

/// <summary>The status words <c>force12 lag</c> prints (table and JSON).</summary>
internal static class LagStatusNames
{
    /// <summary>The collector's status word, or "hot" when <paramref name="hot"/> (the policy's rule, from --sla) flags the unit.</summary>
    public static string Of(LagUnitSnapshot unit, HotUnitRule? hot) => hot?.IsHot(unit) == true ? "hot" : unit.Status switch
    {
        LagUnitStatus.Ok => "ok",
        LagUnitStatus.CaughtUp => "caught_up",
        LagUnitStatus.NoCommit => "no_commit",
        LagUnitStatus.Stalled => "stalled",
        _ => unit.Status.ToString().ToLowerInvariant(),
    };
}
