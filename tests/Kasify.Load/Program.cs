using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Kasify.Load;
using Kasify.Load.LockCodes;

// Usage: dotnet run --project tests/Kasify.Load -- --url http://localhost:8080 --path /v1/properties/{id}
//        --token <jwt or kas_pat_...> [--concurrency 16] [--seconds 10] [--max-requests 200000] [--mode get|create-bookings]
//    or: ... --mode lock-codes --token <jwt> [--nuki-token nuki-demo-token] [--locks 3] [--bookings 50] (see LockCodesOptions)
var arguments = new LoadArguments(args);
var options = LoadOptions.Parse(arguments);
using var http = new HttpClient { BaseAddress = options.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
if (options.Token is { } token)
{
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
}

if (options.Mode == LoadMode.LockCodes)
{
    return await LockCodesMode.RunAsync(http, options, LockCodesOptions.Parse(arguments));
}

// Bookings start on a random far-future day so that runs against the same property do not collide.
var firstNight = new DateOnly(2030, 1, 1).AddDays(Random.Shared.Next(0, 3650));
var nights = 0;
Task<HttpResponseMessage> SendAsync() => options.Mode switch
{
    LoadMode.CreateBookings => http.PostAsync(options.Path, BookingBody(firstNight.AddDays(Interlocked.Increment(ref nights)))),
    _ => http.GetAsync(options.Path),
};

static StringContent BookingBody(DateOnly night) => new(
    $$"""{"from":"{{night:yyyy-MM-dd}}","to":"{{night.AddDays(1):yyyy-MM-dd}}","channel":"manual","adults_count":1}""",
    System.Text.Encoding.UTF8,
    "application/json");

// One warm-up request, so connection set-up and first activation are not measured.
using (var warmup = await SendAsync())
{
    Console.WriteLine($"warm-up: {(int)warmup.StatusCode} {options.Mode} {options.Path}");
}

var latencies = new List<double>[options.Concurrency];
var statuses = new Dictionary<int, int>[options.Concurrency];
var issued = 0;
var clock = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(async worker =>
{
    latencies[worker] = [];
    statuses[worker] = [];
    while (clock.Elapsed < options.Duration && Interlocked.Increment(ref issued) <= options.MaxRequests)
    {
        var started = Stopwatch.GetTimestamp();
        int status;
        try
        {
            using var response = await SendAsync();
            await response.Content.LoadIntoBufferAsync();
            status = (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            status = 0;
        }

        latencies[worker].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        statuses[worker][status] = statuses[worker].GetValueOrDefault(status) + 1;
    }
}));
var elapsed = clock.Elapsed.TotalSeconds;

var all = latencies.SelectMany(list => list).Order().ToArray();
double Percentile(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
var byStatus = statuses.SelectMany(map => map).GroupBy(entry => entry.Key).OrderBy(group => group.Key)
    .Select(group => $"{(group.Key == 0 ? "error" : group.Key.ToString(CultureInfo.InvariantCulture))}={group.Sum(entry => entry.Value)}");

Console.WriteLine($"mode: {options.Mode}  path: {options.Path}  concurrency: {options.Concurrency}  duration: {elapsed:F1} s");
Console.WriteLine($"requests: {all.Length}  statuses: {string.Join(' ', byStatus)}");
Console.WriteLine($"throughput: {all.Length / elapsed:F0} requests/s");
Console.WriteLine($"latency ms: p50 {Percentile(0.50):F2}  p90 {Percentile(0.90):F2}  p99 {Percentile(0.99):F2}  max {(all.Length == 0 ? 0 : all[^1]):F2}");
return 0;
