using System.Net;
using Force12.Queues.Core.Lag;
using Force12.Queues.Prometheus.Lag;

namespace Force12.Queues.Prometheus.Tests.Lag;

public sealed class PrometheusQueryAnswerTests
{
    private const string Query = "sum(rate(requests_total[1m]))";

    public static TheoryData<string, double> GoodAnswers => new()
    {
        { Vector("\"42.5\""), 42.5 },
        { Vector("\"0\""), 0 },
        { Vector("\"1e3\""), 1000 },
        { """{"status":"success","data":{"resultType":"scalar","result":[1700000000.5,"7"]}}""", 7 },
        { """{"status":"success","warnings":["partial"],"data":{"resultType":"vector","result":[{"metric":{},"value":[1,"3"]}]}}""", 3 },
    };

    public static TheoryData<string, string> BadAnswers => new()
    {
        { "<html>Bad Gateway</html>", "unreadable Prometheus answer: not JSON" },
        { "[]", "expected a JSON object, got Array" },
        { """{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"x"]}]}}""", "got \"x\"" },
        { Vector("\"NaN\""), "got \"NaN\"" },
        { Vector("\"+Inf\""), "got \"+Inf\"" },
        { Vector("\"-Inf\""), "got \"-Inf\"" },
        { Vector("\"-3\""), "got \"-3\"" },
        { Vector("42"), "written as a string, got 42" },
        { Vector("null"), "got null" },
        { """{"status":"success","data":{"resultType":"vector","result":[{"metric":{}}]}}""", "data.result[0].value is missing" },
        { """{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":["1","2"]}]}}""", "must be [time, \"value\"]" },
        { """{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1]}]}}""", "must be [time, \"value\"]" },
        { """{"status":"success","data":{"resultType":"vector","result":{}}}""", "must be an array, got Object" },
        { """{"status":"success","data":{"resultType":"matrix","result":[]}}""", "resultType 'matrix' is not an instant vector or a scalar" },
        { """{"status":"success","data":{"resultType":"string","result":[1,"a"]}}""", "resultType 'string'" },
        { """{"status":"success","data":{"result":[]}}""", "data.resultType is missing" },
        { """{"status":"success"}""", "data.result is missing" },
        { """{"status":"ok","data":{}}""", "status must be \"success\" or \"error\", got \"ok\"" },
        { """{"data":{}}""", "got nothing" },
        { """{"status":"success","data":{"resultType":"vector","result":[{"value":[1,"1"]},{"value":[1,"2"]}]}}""", "returned 2 series, expected one: aggregate it" },
    };

    [Theory]
    [MemberData(nameof(GoodAnswers))]
    public void Parse_OneFiniteSample_ReturnsItsValue(string body, double expected)
    {
        Assert.Equal(expected, PrometheusQueryAnswer.Parse(Query, HttpStatusCode.OK, body));
    }

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public void Parse_MalformedAnswer_FailsNamingTheQueryAndWhatWasWrong(string body, string expected)
    {
        var e = Assert.Throws<PrometheusQueryException>(() => PrometheusQueryAnswer.Parse(Query, HttpStatusCode.OK, body));

        Assert.Equal(LagErrorKind.Other, e.Kind);
        Assert.StartsWith($"query '{Query}'", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoSeries_FailsRatherThanReadingZero()
    {
        var e = Assert.Throws<PrometheusQueryException>(() =>
            PrometheusQueryAnswer.Parse(Query, HttpStatusCode.OK, """{"status":"success","data":{"resultType":"vector","result":[]}}"""));

        Assert.Equal(LagErrorKind.StreamNotFound, e.Kind);
        Assert.Equal($"query '{Query}' returned no series (not scraped yet, or a typo?); write '... or vector(0)' if no series means none", e.Message);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "bad_data", "invalid parameter \"query\": 1:5: parse error", LagErrorKind.Other)]
    [InlineData(HttpStatusCode.UnprocessableEntity, "execution", "many-to-many matching not allowed", LagErrorKind.Other)]
    [InlineData(HttpStatusCode.ServiceUnavailable, "timeout", "query timed out in expression evaluation", LagErrorKind.Unreachable)]
    [InlineData(HttpStatusCode.Unauthorized, "unauthorized", "no credentials", LagErrorKind.AuthenticationFailed)]
    [InlineData(HttpStatusCode.Forbidden, "forbidden", "denied", LagErrorKind.NotAuthorized)]
    public void Parse_ErrorAnswer_FailsWithPrometheusOwnWords(HttpStatusCode status, string type, string error, LagErrorKind kind)
    {
        var body = $$"""{"status":"error","errorType":"{{type}}","error":{{System.Text.Json.JsonSerializer.Serialize(error)}}}""";

        var e = Assert.Throws<PrometheusQueryException>(() => PrometheusQueryAnswer.Parse(Query, status, body));

        Assert.Equal(kind, e.Kind);
        Assert.Equal($"query '{Query}' failed: Prometheus answered {(int)status} ({type}): {error}", e.Message);
    }

    [Fact]
    public void Parse_ErrorStatusWithA200_IsStillAFailure()
    {
        var e = Assert.Throws<PrometheusQueryException>(() =>
            PrometheusQueryAnswer.Parse(Query, HttpStatusCode.OK, """{"status":"error","errorType":"internal","error":"boom"}"""));

        Assert.Equal($"query '{Query}' failed: Prometheus answered 200 (internal): boom", e.Message);
    }

    [Fact]
    public void Parse_SuccessBodyWithAnErrorStatusCode_IsAFailure()
    {
        var e = Assert.Throws<PrometheusQueryException>(() => PrometheusQueryAnswer.Parse(Query, HttpStatusCode.InternalServerError, Vector("\"1\"")));

        Assert.Contains("answered 500 (no errorType)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HtmlErrorPage_NamesTheStatusAndTheBody()
    {
        var e = Assert.Throws<PrometheusQueryException>(() => PrometheusQueryAnswer.Parse(Query, HttpStatusCode.BadGateway, "<html>proxy down</html>"));

        Assert.Equal(LagErrorKind.Unreachable, e.Kind);
        Assert.Equal($"query '{Query}' failed: Prometheus answered 502 <html>proxy down</html>", e.Message);
    }

    private static string Vector(string value) =>
        $$$"""{"status":"success","data":{"resultType":"vector","result":[{"metric":{"job":"bulbs"},"value":[1700000000.123,{{{value}}}]}]}}""";
}
