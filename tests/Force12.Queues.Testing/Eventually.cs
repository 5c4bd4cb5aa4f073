namespace Force12.Queues.Testing;

/// <summary>Awaits a condition on a real system, polling until it holds or a deadline passes (integration tests only).</summary>
public static class Eventually
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Polls <paramref name="condition"/> every 100 ms until it returns true, and fails the test when it still does not
    /// after <paramref name="timeout"/> (give a generous one: it only costs time when the test fails) with a message
    /// naming what was awaited. <paramref name="what"/> is read only then, so it can describe the state seen last.
    /// </summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(what);
        var started = TimeProvider.System.GetTimestamp();
        while (!await condition())
        {
            if (TimeProvider.System.GetElapsedTime(started) > timeout)
            {
                Assert.Fail($"Timed out after {timeout.TotalSeconds:0.#} s waiting until {what()}");
            }

            await Task.Delay(PollInterval, TimeProvider.System);
        }
    }
}
