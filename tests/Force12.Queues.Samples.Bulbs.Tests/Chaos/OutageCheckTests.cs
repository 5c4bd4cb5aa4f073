using Force12.Queues.Chaos;

namespace Force12.Queues.Samples.Bulbs.Tests.Chaos;

public sealed class OutageCheckTests
{
    [Fact]
    public void Held_fell_back_and_recovered_holds()
    {
        OutageSample[] samples = [Down(0, 5, "MetricsUnavailableHold"), Down(10, 5, "FallbackAfterFailedPolls"), Up(31, 5, "FallbackAfterFailedPolls"), Up(33, 6, "ScaleUpForSla")];

        Assert.Empty(OutageCheck.Problems(samples));
        Assert.Equal("broker outage: pods 5 to 5 while down; fallback at 10 s, brokers back at 31 s, deciding on data again at 33 s", OutageCheck.Summary(samples));
    }

    [Fact]
    public void A_lower_target_while_down_and_no_fallback_are_problems()
    {
        OutageSample[] samples = [Down(0, 5, "MetricsUnavailableHold"), Down(12, 4, "MetricsUnavailableHold"), Up(31, 4, "WithinSla")];

        Assert.Equal(
            ["12 s into the outage: target 4 below the 5 pods at the outage's start: scaled down on missing data", "the fallback was never reached while the brokers were down (reasons: MetricsUnavailableHold)"],
            OutageCheck.Problems(samples));
    }

    [Fact]
    public void No_recovery_after_the_brokers_are_back_is_a_problem()
    {
        OutageSample[] samples = [Down(10, 5, "FallbackAfterFailedPolls"), Up(31, 5, "FallbackAfterFailedPolls"), Up(200, 5, "FallbackAfterFailedPolls")];

        Assert.Equal(["the agent did not decide on data again within 90 s of the brokers being back"], OutageCheck.Problems(samples));
    }

    [Fact]
    public void A_run_without_samples_while_down_is_a_problem()
    {
        Assert.Equal(["no decision was sampled while the brokers were down"], OutageCheck.Problems([]));
    }

    private static OutageSample Down(int seconds, int target, string reason) => new(TimeSpan.FromSeconds(seconds), true, target, reason);

    private static OutageSample Up(int seconds, int target, string reason) => new(TimeSpan.FromSeconds(seconds), false, target, reason);
}
