using Confluent.Kafka;
using Force12.Queues.Kafka.Lag;
using Microsoft.Extensions.Time.Testing;

namespace Force12.Queues.Kafka.Tests.Lag;

public sealed class SharedClusterMetadataTests
{
    private readonly FakeTimeProvider _time = new();
    private int _requests;

    private Metadata Answer()
    {
        var request = Interlocked.Increment(ref _requests);
        return new Metadata([new BrokerMetadata(1, "localhost", 9092)], [], 1, $"request {request}");
    }

    [Fact]
    public async Task GetAsync_CallersWithinMaxAge_ShareOneRequest()
    {
        var shared = new SharedClusterMetadata(Answer, _time);

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => shared.GetAsync(new object())));
        _time.Advance(SharedClusterMetadata.MaxAge - TimeSpan.FromMilliseconds(1));
        var later = await shared.GetAsync(new object());

        Assert.Equal(1, _requests);
        Assert.All(answers, a => Assert.Same(answers[0], a));
        Assert.Same(answers[0], later);
    }

    [Fact]
    public async Task GetAsync_SameCallerAgainWithinMaxAge_SendsANewRequest()
    {
        var shared = new SharedClusterMetadata(Answer, _time);
        var (collector, other) = (new object(), new object());
        await shared.GetAsync(collector);

        var again = await shared.GetAsync(collector);
        var sharedWithOther = await shared.GetAsync(other);

        Assert.Equal(2, _requests);
        Assert.Equal("request 2", again.OriginatingBrokerName);
        Assert.Same(again, sharedWithOther);
    }

    [Fact]
    public async Task GetAsync_AfterMaxAge_SendsANewRequest()
    {
        var shared = new SharedClusterMetadata(Answer, _time);
        var first = await shared.GetAsync(new object());

        _time.Advance(SharedClusterMetadata.MaxAge);
        var second = await shared.GetAsync(new object());

        Assert.Equal(2, _requests);
        Assert.Equal("request 2", second.OriginatingBrokerName);
        Assert.NotSame(first, second);
    }

    [Fact]
    public async Task GetAsync_AfterAFailedRequest_AsksAgainAtOnce()
    {
        var fail = true;
        var shared = new SharedClusterMetadata(() => fail ? throw new KafkaException(ErrorCode.Local_AllBrokersDown) : Answer(), _time);
        await Assert.ThrowsAsync<KafkaException>(() => shared.GetAsync(new object()));

        fail = false;
        var answer = await shared.GetAsync(new object());

        Assert.Equal("request 1", answer.OriginatingBrokerName);
    }
}
