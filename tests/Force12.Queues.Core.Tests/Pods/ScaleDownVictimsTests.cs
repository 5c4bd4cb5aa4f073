using Force12.Queues.Core.Pods;

namespace Force12.Queues.Core.Tests.Pods;

public class ScaleDownVictimsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // Each row: pods as "id:state:createdSecond", count to stop, expected victims in order.
    public static TheoryData<string, int, string> Cases => new()
    {
        { "", 2, "" },
        { "a:Ready:1,b:Ready:2,c:Ready:3", 0, "" },
        { "a:Ready:1,b:Ready:2,c:Ready:3", 1, "c" },
        { "a:Ready:1,b:Ready:2,c:Ready:3", 2, "c,b" },
        { "a:Ready:1,b:Ready:2,c:Ready:3", 5, "c,b,a" },
        { "a:Starting:1,b:Ready:2,c:Ready:3", 1, "a" },
        { "a:Running:1,b:Ready:9,c:Starting:3", 2, "c,a" },
        { "a:Running:1,b:Ready:9,c:Starting:3", 3, "c,a,b" },
        { "a:Stopping:5,b:Exited:6,c:Ready:1", 2, "c" },
        { "b:Ready:4,a:Ready:4,c:Ready:4", 2, "c,b" },
        { "a:Ready:9,b:Warm:1,c:Running:5", 2, "b,c" },
        { "a:Warm:1,b:Starting:9,c:Warm:2", 3, "c,a,b" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Choose_Table_WarmThenNotReadyThenNewest(string pods, int count, string expected)
    {
        var victims = ScaleDownVictims.Choose(Parse(pods), count);

        Assert.Equal(expected, string.Join(',', victims.Select(v => v.Id)));
    }

    [Fact]
    public void Choose_NegativeCount_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ScaleDownVictims.Choose([], -1));
    }

    private static List<PodInfo> Parse(string pods) =>
        pods.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split(':'))
            .Select(p => new PodInfo
            {
                Id = p[0],
                Pipeline = "p",
                State = Enum.Parse<PodState>(p[1]),
                CreatedAt = T0.AddSeconds(int.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture)),
            })
            .ToList();
}
