using Force12.Queues.Chaos;

namespace Force12.Queues.Samples.Bulbs.Tests.Chaos;

public sealed class PriorityShareCheckTests
{
    private const int Slots = 9;
    private const int MaxPods = 8;
    private const int MaxStatePods = 4;

    [Fact]
    public void A_run_where_priority_2_yields_exactly_the_rest_holds()
    {
        PoolSample[] samples = [new(2, 2, 3, 3, 5), new(8, 8, 3, 1, 9), new(10, 8, 4, 1, 9)];

        Assert.Empty(PriorityShareCheck.Problems(samples, Slots, MaxPods, MaxStatePods));
    }

    [Fact]
    public void Priority_1_short_of_its_need_is_a_problem()
    {
        PoolSample[] samples = [new(8, 6, 4, 3, 9)];

        Assert.Contains("sample 0: priority 1 needed 8 pods but was given 6", PriorityShareCheck.Problems(samples, Slots, MaxPods, MaxStatePods));
    }

    [Fact]
    public void Priority_2_given_less_than_the_rest_and_an_overfull_pool_are_problems()
    {
        PoolSample[] samples = [new(6, 6, 4, 1, 10), new(6, 6, 4, 1, 10), new(6, 6, 4, 1, 10)];

        var problems = PriorityShareCheck.Problems(samples, Slots, MaxPods, MaxStatePods);

        Assert.Contains("sample 0: priority 2 got 1 of the 3 slots priority 1 left, needing 4", problems);
        Assert.Contains("sample 2: 10 pods were up in a pool of 9 for 3 samples in a row", problems);
    }

    [Fact]
    public void One_sample_over_the_pool_between_two_listings_is_not_a_problem()
    {
        PoolSample[] samples = [new(8, 8, 3, 1, 9), new(8, 8, 3, 1, 10), new(8, 8, 3, 1, 9)];

        Assert.Empty(PriorityShareCheck.Problems(samples, Slots, MaxPods, MaxStatePods));
    }

    [Fact]
    public void A_run_that_never_ran_short_did_not_test_priorities()
    {
        PoolSample[] samples = [new(2, 2, 2, 2, 4)];

        Assert.Equal(["the pool of 9 was never short in 1 samples: priority 2 never yielded, so the run did not test priorities"], PriorityShareCheck.Problems(samples, Slots, MaxPods, MaxStatePods));
    }
}
