namespace Force12.Queues.RabbitMQ.Tests;

/// <summary>Polls a real condition until it holds or a deadline passes (integration tests only).</summary>
internal static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan deadline, string what)
    {
        var until = TimeProvider.System.GetTimestamp() + (long)(deadline.TotalSeconds * TimeProvider.System.TimestampFrequency);
        while (!await condition())
        {
            if (TimeProvider.System.GetTimestamp() > until)
            {
                Assert.Fail($"Timed out after {deadline.TotalSeconds}s waiting for {what}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }
}
