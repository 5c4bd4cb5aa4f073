using Force12.Queues.Testing.Faults;

namespace Force12.Queues.Agent.Tests.Faults;

/// <summary>
/// Answers a RabbitMQ management API must never be trusted on: wrong statuses, wrong bodies, wrong JSON types, numbers
/// out of range, broken transport. Each must fail the pipeline's collection; none may read as a backlog.
/// </summary>
internal static class RabbitMqHostileAnswers
{
    /// <summary>A valid answer for a queue with <paramref name="ready"/> messages waiting.</summary>
    public static HostileAnswer Valid(long ready) => HostileAnswer.Json($"valid {ready}", """
        {"name":"q","messages_ready":READY,"messages_unacknowledged":0,"consumers":1,
         "message_stats":{"publish":100,"deliver_get":90,"publish_details":{"rate":5.0},"deliver_get_details":{"rate":5.0}}}
        """.Replace("READY", ready.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

    /// <summary>Every hostile answer, at least 50.</summary>
    public static IReadOnlyList<HostileAnswer> All()
    {
        var answers = new List<HostileAnswer>();
        foreach (var status in new[] { 400, 401, 403, 404, 405, 408, 429, 500, 502, 503, 504 })
        {
            answers.Add(HostileAnswer.Respond($"status {status}", status, """{"error":"nope","reason":"hostile"}"""));
        }

        answers.Add(HostileAnswer.Respond("html page", 200, "<html><body>502 Bad Gateway</body></html>", "text/html"));
        answers.Add(HostileAnswer.Json("empty body", ""));
        answers.Add(HostileAnswer.Json("json null", "null"));
        answers.Add(HostileAnswer.Json("json array", """[{"messages_ready":5}]"""));
        answers.Add(HostileAnswer.Json("json number", "42"));
        answers.Add(HostileAnswer.Json("json string", "\"messages_ready\""));
        answers.Add(HostileAnswer.Json("empty object", "{}"));
        answers.Add(HostileAnswer.Json("unclosed object", """{"messages_ready":5,"messages_unacknowledged":0"""));
        answers.Add(HostileAnswer.Json("cut after key", """{"messages_ready":"""));
        answers.Add(HostileAnswer.Json("NaN literal", """{"messages_ready":NaN,"messages_unacknowledged":0}"""));
        answers.Add(HostileAnswer.Json("Infinity literal", """{"messages_ready":Infinity,"messages_unacknowledged":0}"""));
        answers.Add(HostileAnswer.Json("trailing garbage", """{"messages_ready":5,"messages_unacknowledged":0} trailing"""));
        answers.Add(HostileAnswer.Json("single quotes", "{'messages_ready':5,'messages_unacknowledged':0}"));
        foreach (var (name, value) in WrongValues())
        {
            answers.Add(HostileAnswer.Json($"messages_ready {name}", $$"""{"messages_ready":{{value}},"messages_unacknowledged":0,"consumers":1}"""));
        }

        foreach (var (name, value) in new[] { ("string", "\"x\""), ("negative", "-7"), ("fraction", "0.5") })
        {
            answers.Add(HostileAnswer.Json($"messages_unacknowledged {name}", $$"""{"messages_ready":5,"messages_unacknowledged":{{value}}}"""));
        }

        answers.Add(HostileAnswer.Json("messages_unacknowledged missing", """{"messages_ready":5}"""));
        answers.Add(HostileAnswer.Json("messages_ready missing", """{"messages_unacknowledged":5}"""));
        answers.Add(HostileAnswer.Json("consumers string", """{"messages_ready":5,"messages_unacknowledged":0,"consumers":"two"}"""));
        answers.Add(HostileAnswer.Json("consumers negative", """{"messages_ready":5,"messages_unacknowledged":0,"consumers":-1}"""));
        answers.Add(HostileAnswer.Json("message_stats array", """{"messages_ready":5,"messages_unacknowledged":0,"message_stats":[]}"""));
        answers.Add(HostileAnswer.Json("message_stats string", """{"messages_ready":5,"messages_unacknowledged":0,"message_stats":"x"}"""));
        answers.Add(HostileAnswer.Json("publish negative", """{"messages_ready":5,"messages_unacknowledged":0,"message_stats":{"publish":-3}}"""));
        answers.Add(HostileAnswer.Json("rate string", """{"messages_ready":5,"messages_unacknowledged":0,"message_stats":{"publish_details":{"rate":"fast"}}}"""));
        answers.Add(HostileAnswer.Json("rate negative", """{"messages_ready":5,"messages_unacknowledged":0,"message_stats":{"publish_details":{"rate":-1.5}}}"""));
        answers.Add(HostileAnswer.Json("rate overflow", """{"messages_ready":5,"messages_unacknowledged":0,"message_stats":{"deliver_get_details":{"rate":1e400}}}"""));
        answers.Add(HostileAnswer.Json("rate missing", """{"messages_ready":5,"messages_unacknowledged":0,"message_stats":{"publish_details":{}}}"""));
        answers.Add(HostileAnswer.Huge("body over 4 MB", 5 * 1024 * 1024, """{"messages_ready":5,"messages_unacknowledged":0}"""));
        answers.Add(HostileAnswer.Truncated("truncated body", """{"messages_ready":5,"messages_unacknowledged":0,"consumers":1}"""));
        answers.Add(HostileAnswer.SlowBody("body slower than the timeout", """{"messages_ready":5,"messages_unacknowledged":0}""", TimeSpan.FromMilliseconds(200)));
        answers.Add(HostileAnswer.Silence("accept then silence"));
        answers.Add(HostileAnswer.Reset("reset before answering"));
        answers.Add(HostileAnswer.Reset("reset after half a head", "HTTP/1.1 200 OK\r\nContent-Ty"));
        answers.Add(HostileAnswer.Raw("garbage status line", "SPLORK 200 maybe\r\n\r\n{}"));
        answers.Add(HostileAnswer.Raw("broken chunking", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{\"messages_ready\":5}\r\n"));
        answers.Add(HostileAnswer.Raw("no body at all", "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
        return answers;
    }

    private static IEnumerable<(string Name, string Value)> WrongValues() =>
    [
        ("string", "\"lots\""), ("negative", "-5"), ("fraction", "1.5"), ("too big for a long", "99999999999999999999999"),
        ("exponent", "1e30"), ("null", "null"), ("true", "true"), ("object", "{}"), ("array", "[5]"), ("numeric string", "\"5\""),
    ];
}
