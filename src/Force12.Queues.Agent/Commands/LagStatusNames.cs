using Force12.Queues.Core.Lag;

namespace Force12.Queues.Agent.Commands;

/// <summary>The status words <c>force12 lag</c> prints (table and JSON).</summary>
internal static class LagStatusNames
{
    public static string Of(LagUnitStatus status) => status switch
    {
        LagUnitStatus.Ok => "ok",
        LagUnitStatus.CaughtUp => "caught_up",
        LagUnitStatus.NoCommit => "no_commit",
        LagUnitStatus.Stalled => "stalled",
        LagUnitStatus.Hot => "hot",
        _ => status.ToString().ToLowerInvariant(),
    };
}
