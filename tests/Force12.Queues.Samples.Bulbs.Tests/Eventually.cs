namespace Force12.Queues.Samples.Bulbs.Tests;

/// <summary>Polls a real condition until it holds or a deadline passes (integration tests only).</summary>
internal static class Eventually
{
    public static async Task HoldsAsync(Func<bool> condition, TimeSpan deadline, Func<string> what)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            if (TimeProvider.System.GetElapsedTime(started) > deadline)
            {
                Assert.Fail($"Timed out after {deadline.TotalSeconds}s waiting for {what()}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }
}
