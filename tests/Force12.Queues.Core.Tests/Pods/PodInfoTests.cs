using Force12.Queues.Core.Pods;

namespace Force12.Queues.Core.Tests.Pods;

public class PodInfoTests
{
    [Fact]
    public void TimeToRunningAndReady_Times_AreDifferencesFromCreation()
    {
        var created = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var pod = new PodInfo
        {
            Id = "p-1", Pipeline = "p", State = PodState.Ready, CreatedAt = created,
            StartedAt = created.AddMilliseconds(300), ReadyAt = created.AddMilliseconds(450),
        };

        Assert.Equal(TimeSpan.FromMilliseconds(300), pod.TimeToRunning);
        Assert.Equal(TimeSpan.FromMilliseconds(450), pod.TimeToReady);
        Assert.Null((pod with { StartedAt = null }).TimeToRunning);
    }
}
