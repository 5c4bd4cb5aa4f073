using Force12.Queues.RabbitMQ.Lag;

namespace Force12.Queues.RabbitMQ.Tests.Lag;

/// <summary>The management API's queue answer is read strictly: what is missing or malformed is an error, never a zero backlog.</summary>
public sealed class RabbitMqQueueAnswerTests
{
    private const string Valid = """
        {"name":"bulbs","messages_ready":120,"messages_unacknowledged":8,"consumers":2,
         "message_stats":{"publish":1000,"deliver_get":872,"publish_details":{"rate":50.5},"deliver_get_details":{"rate":48.0}}}
        """;

    public static TheoryData<string, string> Malformed => new()
    {
        { "{}", "messages_ready is missing" },
        { """{"messages_ready":5}""", "messages_unacknowledged is missing" },
        { """{"messages_ready":"lots","messages_unacknowledged":0}""", "messages_ready must be a whole number >= 0, got \"lots\"" },
        { """{"messages_ready":-5,"messages_unacknowledged":0}""", "messages_ready must be a whole number >= 0, got -5" },
        { """{"messages_ready":1e30,"messages_unacknowledged":0}""", "messages_ready must be a whole number >= 0, got 1e30" },
        { """{"messages_ready":1.5,"messages_unacknowledged":0}""", "messages_ready must be a whole number >= 0, got 1.5" },
        { """{"messages_ready":1,"messages_unacknowledged":0,"consumers":true}""", "consumers must be a whole number >= 0, got true" },
        { """{"messages_ready":1,"messages_unacknowledged":0,"message_stats":[]}""", "message_stats must be an object, got Array" },
        { """{"messages_ready":1,"messages_unacknowledged":0,"message_stats":{"publish_details":{}}}""", "publish_details.rate is missing" },
        { """{"messages_ready":1,"messages_unacknowledged":0,"message_stats":{"publish_details":{"rate":-1}}}""", "publish_details.rate must be a finite number >= 0, got -1" },
        { """{"messages_ready":1,"messages_unacknowledged":0,"message_stats":{"deliver_get_details":{"rate":"fast"}}}""", "deliver_get_details.rate must be a finite number >= 0, got \"fast\"" },
        { "[1,2]", "expected a JSON object, got Array" },
        { "<html>502 Bad Gateway</html>", "'<' is an invalid start of a value." },
    };

    [Fact]
    public void Parse_ValidAnswer_ReadsEveryField()
    {
        var stats = RabbitMqQueueAnswer.Parse("bulbs", Valid);

        Assert.Equal(new RabbitMqQueueStats(120, 8, 2, 1000, 872, 50.5, 48.0), stats);
    }

    [Fact]
    public void Parse_NewQueueWithoutStatistics_HasNoRates()
    {
        var stats = RabbitMqQueueAnswer.Parse("bulbs", """{"messages_ready":0,"messages_unacknowledged":0,"consumers":null}""");

        Assert.Equal(new RabbitMqQueueStats(0, 0, 0, null, null, null, null), stats);
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Parse_MalformedAnswer_FailsNamingTheField(string body, string expected)
    {
        var e = Assert.Throws<RabbitMqManagementException>(() => RabbitMqQueueAnswer.Parse("bulbs", body));

        Assert.StartsWith($"queue 'bulbs': unreadable management answer: {expected}", e.Message, StringComparison.Ordinal);
    }
}
