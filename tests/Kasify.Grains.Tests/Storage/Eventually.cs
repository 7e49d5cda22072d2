namespace Kasify.Grains.Tests.Storage;

/// <summary>Polling for conditions that become true asynchronously (reminder ticks, failover).</summary>
internal static class Eventually
{
    /// <summary>
    /// Calls <paramref name="probe"/> until its result satisfies <paramref name="done"/>; exceptions count as "not yet"
    /// (a silo may still be dying). Fails with the last result or exception when <paramref name="timeout"/> runs out.
    /// </summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = "no attempt";
        while (true)
        {
            try
            {
                var value = await probe();
                if (done(value))
                {
                    return value;
                }

                last = $"last value {value}";
            }
            catch (Exception exception) when (DateTime.UtcNow < deadline)
            {
                last = $"last error {exception.GetType().Name}: {exception.Message}";
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"{what} did not happen within {timeout} ({last}).");
            }

            await Task.Delay(200);
        }
    }
}
