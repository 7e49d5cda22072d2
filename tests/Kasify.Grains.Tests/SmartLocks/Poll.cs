namespace Kasify.Grains.Tests.SmartLocks;

/// <summary>
/// Waits for what reminders and the vendors' apply delays make true a little later. Unlike a fixed sleep it returns as
/// soon as the condition holds; unlike <c>Storage.Eventually</c> it lets exceptions through at once, as a lock test
/// expects every call to succeed.
/// </summary>
internal static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Calls <paramref name="probe"/> until <paramref name="done"/> holds and returns that value; fails with
    /// <paramref name="what"/> and the last value (through <paramref name="describe"/>) after <paramref name="timeout"/>.
    /// </summary>
    public static async Task<T> UntilAsync<T>(
        Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what, Func<T, string>? describe = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow >= deadline)
            {
                var last = describe is null ? value?.ToString() ?? "null" : describe(value);
                throw new TimeoutException($"{what} did not happen within {timeout.TotalSeconds:0.#} s. Last seen: {last}");
            }

            await Task.Delay(Interval);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds; fails with <paramref name="what"/> and <paramref name="describe"/>.</summary>
    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, string what, Func<string> describe) =>
        UntilAsync(() => Task.FromResult(condition()), done => done, timeout, what, _ => describe());
}
