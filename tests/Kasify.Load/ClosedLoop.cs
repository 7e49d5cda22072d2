using System.Diagnostics;

namespace Kasify.Load;

/// <summary>
/// N workers, each sending its next request as soon as the previous one answered, for a fixed time or a fixed number
/// of requests: the load wrk and the default mode generate. The elapsed time runs until the last request answered.
/// </summary>
internal static class ClosedLoop
{
    /// <summary>
    /// Runs <paramref name="send"/> (given the worker's random source; answers the HTTP status, 0 for none) in a loop on
    /// each worker, for <paramref name="duration"/> or until <paramref name="maxRequests"/> were sent.
    /// </summary>
    public static Task<Measurement> RunAsync(int workers, TimeSpan duration, Func<Random, Task<int>> send, int maxRequests = int.MaxValue)
    {
        var issued = 0;
        return RunAsync(
            workers, clock => clock.Elapsed < duration && Interlocked.Increment(ref issued) <= maxRequests ? 0 : null, (random, _) => send(random));
    }

    /// <summary>Sends requests 0 to <paramref name="count"/> - 1 (<paramref name="send"/> is given the request's number), each once.</summary>
    public static Task<Measurement> RunCountAsync(int workers, int count, Func<int, Task<int>> send)
    {
        var issued = -1;
        return RunAsync(workers, _ => Interlocked.Increment(ref issued) is var number && number < count ? number : null, (_, number) => send(number));
    }

    // next answers the number of the worker's next request, or null when the run is over.
    private static async Task<Measurement> RunAsync(int workers, Func<Stopwatch, int?> next, Func<Random, int, Task<int>> send)
    {
        var latencies = new List<double>[workers];
        var statuses = new Dictionary<int, int>[workers];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async worker =>
        {
            var random = new Random(worker);
            latencies[worker] = [];
            statuses[worker] = [];
            while (next(clock) is { } number)
            {
                var started = Stopwatch.GetTimestamp();
                var status = await send(random, number);
                latencies[worker].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                statuses[worker][status] = statuses[worker].GetValueOrDefault(status) + 1;
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        return new Measurement(
            seconds,
            [.. latencies.SelectMany(list => list).Order()],
            statuses.SelectMany(map => map).GroupBy(entry => entry.Key).ToDictionary(group => group.Key, group => group.Sum(entry => entry.Value)));
    }
}
