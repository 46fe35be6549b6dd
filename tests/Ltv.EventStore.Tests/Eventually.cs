namespace Ltv.EventStore.Tests;

/// <summary>Waits on a condition the daemon makes true in the background, rather than for a fixed time.</summary>
public static class Eventually
{
    /// <summary>Reads until <paramref name="done"/> holds for what was read (returned), or 30 s have passed.</summary>
    public static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {what}.");
            }

            await Task.Delay(20);
        }
    }
}
